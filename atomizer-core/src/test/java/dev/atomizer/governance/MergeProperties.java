package dev.atomizer.governance;

import static dev.atomizer.governance.MergeFixture.LOG;
import static dev.atomizer.governance.MergeFixture.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.git.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random merge histories made with the real git binary from legitimate work (appends on several
 * branches, new knowledge-base files, an approved change, merges in any direction that the merge
 * driver resolves without a conflict, criss-cross merges) pass verify; the same history ending in
 * one hostile commit fails it, verified from main before it: a merge that does one hostile thing to
 * what the base has (delete, roll back, hide, reorder, drop or insert an entry), or a merge crafted
 * with {@code git commit-tree} whose parents lie (a root commit or an old ancestor as its first,
 * second or middle parent, an octopus).
 */
class MergeProperties {

    static final String MISSION = "context-docs/00-mission.md";

    enum Op {
        APPEND,
        ADD_KB,
        MERGE
    }

    record Step(Op op, int branch, int other, int minutes) {}

    enum Attack {
        DELETE_MISSION,
        DELETE_KB,
        ROLLBACK_MISSION,
        HIDE_ENTRY,
        REORDER_ENTRIES,
        DROP_ENTRY,
        INSERT_ABOVE,
        INSERT_AMONG,
        CRAFTED_ROOT_FIRST,
        CRAFTED_ROOT_SECOND,
        OLD_ANCESTOR_FIRST,
        OLD_ANCESTOR_SECOND,
        OCTOPUS_WITH_ROOT
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.of(Op.values()),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 90))
                .as(Step::new);
        return step.list().ofMinSize(3).ofMaxSize(10);
    }

    @Property(tries = 20)
    void legitimateHistoriesPassAndOneHostileMergeFails(@ForAll("histories") List<Step> history, @ForAll Attack attack)
            throws Exception {
        Path tmp = Files.createTempDirectory("merge-props");
        try {
            run(tmp, history, attack);
        } finally {
            try (Stream<Path> all = Files.walk(tmp)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * A criss-cross history found by this property: git hands the driver a virtual base (the
     * merge of the two merge bases' logs), on which the last merge conflicts; with a single merge
     * base it would have been "clean" and judged against the first parent.
     */
    @net.jqwik.api.Example
    void aCrissCrossHistoryIsMergedOnGitsVirtualBase() throws Exception {
        List<Step> history = List.of(
                new Step(Op.APPEND, 2, 0, 0),
                new Step(Op.APPEND, 2, 2, 13),
                new Step(Op.APPEND, 1, 1, 0),
                new Step(Op.MERGE, 2, 1, 20),
                new Step(Op.ADD_KB, 0, 2, 2),
                new Step(Op.APPEND, 1, 0, 47),
                new Step(Op.MERGE, 2, 0, 79));
        legitimateHistoriesPassAndOneHostileMergeFails(history, Attack.DROP_ENTRY);
    }

    private void run(Path tmp, List<Step> history, Attack attack) throws Exception {
        GitFixture repo = GitFixture.init(tmp.resolve("repo"));
        MergeFixture m = new MergeFixture(repo);
        repo.write(MISSION, "# Mission\n\nv1\n")
                .write("knowledge-base/kb0.md", "# KB 0\n\nfacts\n")
                .stage(LOG, "# Project log\n\n" + entry("2026-02-16 09:00", "manager", "Kick-off."));
        repo.git("add", "-A");
        String start = repo.commit("Start");
        repo.stage(MISSION, "# Mission\n\nv2\n");
        repo.commit("Amend the mission\n\nChange-Request: CR-1\nApproved-by: ceo");
        String[] branches = {"main", "b1", "b2"};
        repo.git("branch", "b1");
        repo.git("branch", "b2");
        int clock = 10 * 60;
        int kb = 1;
        for (Step s : history) {
            String branch = branches[s.branch()];
            repo.git("checkout", "-q", branch);
            clock += s.minutes();
            switch (s.op()) {
                case APPEND ->
                    repo.commit(
                            LOG,
                            repo.read(LOG) + entry(ts(clock), "optimizer", "Step at " + clock + " on " + branch + "."));
                case ADD_KB -> repo.commit("knowledge-base/kb" + kb++ + ".md", "# KB\n\nmore facts\n");
                case MERGE -> {
                    String other = branches[s.other()];
                    if (repo.run("merge-base", "--is-ancestor", other, branch).code() != 0) {
                        m.merge(other);
                    }
                }
            }
        }
        for (String b : List.of("b1", "b2")) {
            repo.git("checkout", "-q", "main");
            if (repo.run("merge-base", "--is-ancestor", b, "main").code() != 0) {
                m.merge(b);
            }
        }
        assertThat(m.verifyResult(start).diagnostics())
                .as("legitimate history %s", history)
                .isEmpty();

        // one more branch, merged with one hostile change
        String verified = repo.git("rev-parse", "HEAD").strip();
        String baseLog = repo.read(LOG);
        repo.git("checkout", "-q", "-b", "last");
        String first = entry(ts(clock + 100), "tech-lead", "Last 1.");
        String second = entry(ts(clock + 200), "tech-lead", "Last 2.");
        repo.commit(LOG, repo.read(LOG) + first + second);
        repo.git("checkout", "-q", "main");
        repo.commit(LOG, repo.read(LOG) + entry(ts(clock + 150), "manager", "Main."));
        String before = repo.git("rev-parse", "main").strip();
        String kickOff = entry("2026-02-16 09:00", "manager", "Kick-off.");
        String merge = crafted(repo, m, attack, start);
        if (merge == null) {
            merge = m.merge("last", "Merge last", r -> attack(r, attack, start, baseLog, kickOff, first));
        }
        assertThat(merge)
                .as("the driver merges two branches that append to the same base")
                .isNotNull();
        String hostile = merge;
        GitChecks.Result found = m.verifyResult(verified);
        assertThat(found.failed())
                .as("%s after %s: %s", attack, history, found.diagnostics())
                .isTrue();
        assertThat(found.diagnostics())
                .as("%s after %s", attack, history)
                .anyMatch(d -> d.severity() == dev.atomizer.api.Severity.ERROR
                        && (d.message().startsWith(hostile.substring(0, 10) + " (Merge last")
                                || d.message().startsWith(RangeVerification.NET)));
        // and the same branch merged honestly passes
        repo.git("checkout", "-q", "-f", "-B", "main", before);
        repo.git("clean", "-q", "-fd");
        assertThat(m.merge("last")).isNotNull();
        assertThat(m.verifyResult(verified).diagnostics())
                .as("honest merge after %s", history)
                .isEmpty();
    }

    /** A merge of main and last crafted with commit-tree, with lying parents; null for the other attacks. */
    private static String crafted(GitFixture repo, MergeFixture m, Attack attack, String start) throws IOException {
        if (attack.ordinal() < Attack.CRAFTED_ROOT_FIRST.ordinal()) {
            return null;
        }
        String main = repo.git("rev-parse", "main").strip();
        String last = repo.git("rev-parse", "last").strip();
        // what it carries: the mission rolled back and the knowledge base emptied, the log of last
        repo.git("checkout", "-q", last);
        String tree = m.tree(r -> {
            r.git("checkout", start, "--", MISSION);
            r.git("rm", "-q", "--cached", "knowledge-base/kb0.md");
        });
        String root = repo.git("commit-tree", tree, "-m", "Root").strip();
        String[] parents = switch (attack) {
            case CRAFTED_ROOT_FIRST -> new String[] {root, last};
            case CRAFTED_ROOT_SECOND -> new String[] {last, root};
            case OLD_ANCESTOR_FIRST -> new String[] {start, last};
            case OLD_ANCESTOR_SECOND -> new String[] {last, start};
            default -> new String[] {main, root, last};
        };
        String id = m.craft(tree, "Merge last (crafted)", parents);
        repo.git("checkout", "-q", "-B", "main", id);
        return id;
    }

    /** One hostile change to what the base has: {@code first} is the base's first entry, {@code second} a new one. */
    private static void attack(GitFixture r, Attack attack, String start, String baseLog, String first, String second)
            throws IOException {
        String log = r.read(LOG);
        String forged = entry("2026-02-16 09:30", "ceo", "Forged.");
        switch (attack) {
            case DELETE_MISSION -> r.git("rm", "-q", "--cached", MISSION);
            case DELETE_KB -> r.git("rm", "-q", "--cached", "knowledge-base/kb0.md");
            case ROLLBACK_MISSION -> r.git("checkout", start, "--", MISSION);
            case HIDE_ENTRY -> r.stage(LOG, log.replace(first, "<!--\n" + first + "-->\n"));
            case REORDER_ENTRIES ->
                r.stage(LOG, log.replace(first, "\u0000").replace(second, first).replace("\u0000", second));
            case DROP_ENTRY -> r.stage(LOG, log.replace(first, ""));
            case INSERT_ABOVE -> r.stage(LOG, log.replace("# Project log\n\n", "# Project log\n\n" + forged));
            case INSERT_AMONG -> {
                // before the base's last entry
                int at = baseLog.lastIndexOf("## [");
                String among =
                        baseLog.substring(0, at) + entry("2026-02-16 09:10", "ceo", "Forged.") + baseLog.substring(at);
                r.stage(LOG, log.replace(baseLog, among));
            }
            default -> {}
        }
    }

    static String ts(int minutes) {
        return String.format(
                Locale.ROOT, "2026-02-%02d %02d:%02d", 16 + minutes / (24 * 60), minutes / 60 % 24, minutes % 60);
    }
}
