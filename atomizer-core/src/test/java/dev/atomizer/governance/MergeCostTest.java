package dev.atomizer.governance;

import static dev.atomizer.governance.MergeFixture.LOG;
import static dev.atomizer.governance.MergeFixture.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitRepo;
import dev.atomizer.merge.LogMerge;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost of judging merges is bounded by the range (docs/governance.md, "The cost of a range"):
 * layers of octopus merges made with the real git ({@code git commit-tree} with many {@code -p}),
 * where every pair of a layer's merges has the whole layer below as merge bases. The bound is
 * pinned by counting history walks and driver merges, never by timing.
 */
class MergeCostTest {

    static final int K = 20;

    @TempDir
    Path tmp;

    GitFixture repo;
    MergeFixture m;
    String base;
    String baseLog;
    int minute;

    @BeforeEach
    void init() throws Exception {
        repo = GitFixture.init(tmp.resolve("repo"));
        m = new MergeFixture(repo);
        baseLog = "# Project log\n\n" + entry("2026-02-16 09:00", "manager", "Kick-off.");
        repo.date(next());
        repo.stage(LOG, baseLog);
        base = repo.commit("Start");
    }

    /** Commit dates one minute apart, in order: the history's dates are not skewed. */
    String next() {
        minute++;
        return String.format("2026-06-%02dT%02d:%02d:00Z", 1 + minute / 1440, (minute / 60) % 24, minute % 60);
    }

    String commitTree(String tree, String message, List<String> parents) throws Exception {
        List<String> args = new ArrayList<>(List.of("commit-tree", tree, "-m", message));
        for (String p : parents) {
            args.add("-p");
            args.add(p);
        }
        repo.date(next());
        return repo.git(args.toArray(String[]::new)).strip();
    }

    /** The layer's commits as parents, starting at the i-th: each merge has another first parent. */
    static List<String> rotated(List<String> layer, int i) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < layer.size(); j++) {
            out.add(layer.get((i + j) % layer.size()));
        }
        return out;
    }

    String treeWithLog(String log) throws Exception {
        return m.tree(r -> {
            r.write(LOG, log);
            r.git("add", "--", LOG);
        });
    }

    @Test
    void fourLayersOfTwentyWayEmptyOctopusMergesNeedNoMergeBaseWalks() throws Exception {
        String tree = repo.git("rev-parse", base + "^{tree}").strip();
        List<String> layer = new ArrayList<>();
        for (int i = 0; i < K; i++) {
            layer.add(commitTree(tree, "Empty " + i, List.of(base)));
        }
        int merges = 0;
        for (int l = 1; l <= 4; l++) {
            List<String> up = new ArrayList<>();
            for (int i = 0; i < K; i++) {
                up.add(commitTree(tree, "Layer " + l + " merge " + i, rotated(layer, i)));
                merges++;
            }
            layer = up;
        }
        for (int i = 0; i < 4; i++) {
            layer = List.of(commitTree(tree, "Top " + i, i == 0 ? layer : List.of(layer.get(0))));
            merges += i == 0 ? 1 : 0;
        }
        repo.git("reset", "-q", "--hard", layer.get(0));
        assertThat(merges).isEqualTo(81);

        try (GitRepo git = GitRepo.open(repo.dir())) {
            assertThat(GitChecks.verify(git, base, "HEAD", Map.of(), DerivedFiles.NONE, c -> {})
                            .diagnostics())
                    .isEmpty();
            // a merge that changes nothing against its first parent asks for no merge base
            assertThat(git.mergeBaseWalks()).isZero();
        }
    }

    @Test
    void aMergeOfTwentyCrissCrossedParentsComputesEachSetOfBasesOnce() throws Exception {
        // two layers of octopus merges, then a merge that appends: its bases are the twenty
        // merges below, each pair of which has the twenty commits below them as bases
        String tree = repo.git("rev-parse", base + "^{tree}").strip();
        List<String> layer = new ArrayList<>();
        for (int i = 0; i < K; i++) {
            layer.add(commitTree(tree, "Empty " + i, List.of(base)));
        }
        for (int l = 1; l <= 3; l++) {
            List<String> up = new ArrayList<>();
            for (int i = 0; i < K; i++) {
                up.add(commitTree(tree, "Layer " + l + " merge " + i, rotated(layer, i)));
            }
            layer = up;
        }
        String top = commitTree(
                treeWithLog(baseLog + entry("2026-02-16 10:00", "manager", "Added while merging.")), "Top", layer);
        repo.git("reset", "-q", "--hard", top);

        try (GitRepo git = GitRepo.open(repo.dir())) {
            List<String> found =
                    GitChecksTest.render(GitChecks.verify(git, base, "HEAD", Map.of(), DerivedFiles.NONE, c -> {})
                            .diagnostics());
            // the entry the merge added on its own is its own change, whatever the history below
            assertThat(found).contains(LOG + ":10 append-only");
            // the bases of the twenty parents: one walk down, one to keep the best; the bases hold
            // the same log, so no virtual base is merged
            assertThat(git.mergeBaseWalks()).isLessThanOrEqualTo(2);
        }
    }

    /**
     * Bases with different logs: each commit of the first layer appends its own entry, each
     * merge of the second takes them all (as the driver merges them) and appends one more. The
     * log at the second layer, as the bases of a later merge, is a virtual base built by merging
     * logs: K - 1 driver merges for the first layer (the bases of each pair of the second), once,
     * and K - 1 for the second.
     */
    List<String> twoLayersOfDistinctLogs(int k) throws Exception {
        List<String> first = new ArrayList<>();
        List<byte[]> logs = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            String log = baseLog + entry(String.format("2026-02-16 10:%02d", i), "manager", "First " + i + ".");
            logs.add(log.getBytes(StandardCharsets.UTF_8));
            first.add(commitTree(treeWithLog(log), "First " + i, List.of(base)));
        }
        byte[] all = logs.get(0);
        for (int i = 1; i < k; i++) {
            LogMerge.Result r = LogMerge.merge(baseLog.getBytes(StandardCharsets.UTF_8), all, logs.get(i));
            assertThat(r.clean()).isTrue();
            all = r.merged();
        }
        List<String> second = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            String log = new String(all, StandardCharsets.UTF_8)
                    + entry(String.format("2026-02-16 11:%02d", i), "manager", "Second " + i + ".");
            second.add(commitTree(treeWithLog(log), "Second " + i, rotated(first, i)));
        }
        return second;
    }

    @Test
    void aVirtualBaseWithinTheBoundIsTheDriversMergeOfTheBasesLogs() throws Exception {
        List<String> second = twoLayersOfDistinctLogs(8);
        try (GitRepo git = GitRepo.open(repo.dir())) {
            MergeChanges.BaseLog at = new MergeChanges.BaseLog(git, LOG);
            byte[] log = at.at(second);
            assertThat(log).isNotNull();
            String text = new String(log, StandardCharsets.UTF_8);
            for (int i = 0; i < 8; i++) {
                assertThat(text).contains("First " + i + ".", "Second " + i + ".");
            }
            assertThat(at.merges()).isEqualTo(7 + 7);
            // a set of bases for each driver merge at most (each pair of bases), each set computed
            // once, in at most two walks
            assertThat(git.mergeBaseWalks()).isLessThanOrEqualTo(2L * at.merges());
        }
    }

    @Test
    void pastTheBoundThereIsNoBaseToKeepAndVerifyStillEnds() throws Exception {
        List<String> second = twoLayersOfDistinctLogs(K);
        try (GitRepo git = GitRepo.open(repo.dir())) {
            MergeChanges.BaseLog at = new MergeChanges.BaseLog(git, LOG);
            assertThat(at.at(second)).isNull();
            assertThat(at.merges()).isEqualTo(MergeChanges.BaseLog.MAX_MERGES);
            assertThat(git.mergeBaseWalks()).isLessThanOrEqualTo(2L * (MergeChanges.BaseLog.MAX_MERGES + 1));
        }
        // a third layer over the second, each merge taking its first parent's files, and a merge
        // of the third layer: its bases are the second layer, past the bound
        List<String> third = new ArrayList<>();
        for (int i = 0; i < K; i++) {
            String tree = repo.git("rev-parse", second.get(i) + "^{tree}").strip();
            third.add(commitTree(tree, "Third " + i, rotated(second, i)));
        }
        String top = commitTree(repo.git("rev-parse", third.get(0) + "^{tree}").strip(), "Top", third);
        repo.git("reset", "-q", "--hard", top);
        try (GitRepo git = GitRepo.open(repo.dir())) {
            GitChecks.Result r = GitChecks.verify(git, base, "HEAD", Map.of(), DerivedFiles.NONE, c -> {});
            // judged against the first parent, as for unrelated histories: it took the first
            // parent's log whole, which raises nothing at that merge
            assertThat(MergeGovernanceTest.of(r, top, AppendOnly.INFO.id(), LOG))
                    .isZero();
            // each set of bases at most twice (a walk down, a walk to keep the best): the parents
            // of each merge, each pair with its first parent, each pair a virtual base merges
            long sets = (K + 1) * (long) K + K * (K + 1L) + 2L * K * MergeChanges.BaseLog.MAX_MERGES;
            assertThat(git.mergeBaseWalks()).isLessThanOrEqualTo(2 * sets);
        }
        assertThat(Files.readString(repo.file(LOG))).contains("Second 0.");
    }
}
