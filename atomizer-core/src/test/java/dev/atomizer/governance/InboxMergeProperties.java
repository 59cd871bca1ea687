package dev.atomizer.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.Atomizer;
import dev.atomizer.api.Appended;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileSummary;
import dev.atomizer.api.NewEntry;
import dev.atomizer.api.Severity;
import dev.atomizer.api.Workspace;
import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitRepo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * GitHub's merge button with the inbox on: a bare repository plays the server, N branches each
 * add entries through {@code Atomizer.append} (the contract's {@code Entry inbox: on}), and the
 * server merges them into main in any order the way it does, {@code git merge-tree --write-tree}
 * and {@code git commit-tree}, with no merge driver. Every merge is clean and every merge range
 * passes {@code verify}; the bot's fold then passes too, and the log holds every entry exactly
 * once, byte for byte, and lints clean.
 */
class InboxMergeProperties {

    static final String LOG = Workspace.LOG;

    /**
     * How many entries each branch adds (1 to 3), the order the server merges the branches in, and
     * after how many merges the bot folds once on the way (0: only at the end).
     */
    record Plan(List<Integer> sizes, List<Integer> order, int foldAfter) {}

    @Provide
    Arbitrary<Plan> plans() {
        return Arbitraries.integers()
                .between(1, 3)
                .list()
                .ofMinSize(2)
                .ofMaxSize(6)
                .flatMap(sizes -> Combinators.combine(
                                Arbitraries.just(sizes),
                                Arbitraries.shuffle(indexes(sizes.size())),
                                Arbitraries.integers().between(0, sizes.size()))
                        .as(Plan::new));
    }

    private static List<Integer> indexes(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    @Property(tries = 8)
    void serverMergesOfInboxBranchesAreCleanAndTheFoldKeepsEveryEntryOnce(@ForAll("plans") Plan plan) throws Exception {
        Path tmp = Files.createTempDirectory("inbox-merges");
        try {
            run(tmp, plan);
        } finally {
            try (Stream<Path> all = Files.walk(tmp)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The scaffold's contract with the inbox turned on. */
    static String contractWithInbox() throws IOException {
        try (InputStream in = Atomizer.class.getResourceAsStream("/dev/atomizer/install/schemas.md")) {
            String c = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(c).contains("| Entry inbox | off |");
            return c.replace("| Entry inbox | off |", "| Entry inbox | on |");
        }
    }

    private void run(Path tmp, Plan plan) throws Exception {
        GitFixture work = GitFixture.init(tmp.resolve("work"));
        work.git("init", "-q", "--bare", "-b", "main", tmp.resolve("server.git").toString());
        GitFixture server = work.at(tmp.resolve("server.git"));
        work.write(Workspace.CONTRACT, contractWithInbox())
                .write(
                        LOG,
                        "# Project log\n\n## [2026-02-16 09:00] manager | bracket-topopt | milestone\n\n"
                                + "**Status:** completed\n**Summary:** Kick-off.\n\n---\n");
        work.git("add", "-A");
        String start = work.commit("Start");
        work.git("remote", "add", "origin", server.dir().toString());
        work.git("push", "-q", "origin", "main");

        // each branch writes its entries through the façade, as 'atomizer log' does
        List<String> written = new ArrayList<>();
        List<String> tips = new ArrayList<>();
        for (int b = 0; b < plan.sizes().size(); b++) {
            work.git("checkout", "-q", "-b", "b" + b, start);
            for (int e = 0; e < plan.sizes().get(b); e++) {
                // branches interleave in time: b0's first entry, b1's first, ... one minute apart
                int minute = e * plan.sizes().size() + b;
                String ts = String.format(Locale.ROOT, "2026-02-16 10:%02d", minute);
                Appended a = Atomizer.open(Workspace.at(work.dir()), Map.of(), work.dir())
                        .append(
                                new NewEntry(
                                        ts,
                                        "agent-" + b,
                                        "bracket-topopt",
                                        "milestone",
                                        "completed",
                                        "Entry " + e + " of branch " + b + ".",
                                        null,
                                        null,
                                        null),
                                true,
                                false);
                assertThat(a.written()).as(a.problems().toString()).isTrue();
                assertThat(a.target()).startsWith(Workspace.INBOX + "/");
                assertThat(work.read(a.target())).isEqualTo(a.text() + "\n");
                written.add(a.text() + "\n");
            }
            work.git("add", "-A");
            tips.add(work.commit("Work on b" + b));
            work.git("push", "-q", "origin", "b" + b);
        }
        assertThat(work.read(LOG)).doesNotContain("branch");

        // the server merges them, in the plan's order, as GitHub's button does: no merge driver
        int merges = 0;
        for (int b : plan.order()) {
            String main = server.git("rev-parse", "main").strip();
            GitFixture.Run tree = server.run("merge-tree", "--write-tree", "main", "b" + b);
            assertThat(tree.code())
                    .as("merge of b" + b + " is clean: " + tree.out())
                    .isZero();
            String merge = server.git(
                            "commit-tree",
                            tree.out().strip().lines().findFirst().orElseThrow(),
                            "-p",
                            main,
                            "-p",
                            "b" + b,
                            "-m",
                            "Merge pull request: b" + b)
                    .strip();
            server.git("update-ref", "refs/heads/main", merge);
            work.git("fetch", "-q", "origin", "main");
            assertThat(errors(verify(work, main, merge)))
                    .as("verify of the merge of b" + b)
                    .isEmpty();
            if (++merges == plan.foldAfter() && merges < plan.order().size()) {
                botFolds(work);
            }
        }
        botFolds(work);
        assertThat(errors(verify(work, start, "HEAD")))
                .as("verify of the whole range")
                .isEmpty();

        String log = work.read(LOG);
        for (String entry : written) {
            assertThat(occurrences(log, entry)).as(entry).isEqualTo(1);
        }
        assertThat(work.dir().resolve(Workspace.INBOX))
                .satisfiesAnyOf(
                        p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
        List<Diagnostic> lint = new ArrayList<>();
        FileSummary s =
                Atomizer.open(Workspace.at(work.dir()), Map.of(), work.dir()).lint(work.file(LOG), lint::add);
        assertThat(s.errors()).as(lint.toString()).isZero();
        assertThat(s.entries()).isEqualTo(1 + written.size());
    }

    /** The bot: from main's tip, fold, commit, push; the fold's range verifies. */
    private static void botFolds(GitFixture work) throws Exception {
        work.git("fetch", "-q", "origin", "main");
        work.git("checkout", "-q", "-B", "main", "origin/main");
        String merged = work.git("rev-parse", "HEAD").strip();
        assertThat(Atomizer.at(work.dir(), Map.of()).fold().folded()).isNotEmpty();
        work.git("add", "-A");
        String fold = work.commit("Fold the inbox");
        work.git("push", "-q", "origin", "main");
        assertThat(errors(verify(work, merged, fold))).as("verify of the fold").isEmpty();
    }

    static GitChecks.Result verify(GitFixture repo, String base, String head) throws Exception {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            return RangeVerification.of(git).base(base).head(head).call();
        }
    }

    static List<String> errors(GitChecks.Result r) {
        return r.diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .map(d -> d.path() + ":" + d.line() + " " + d.rule() + " " + d.message())
                .toList();
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
