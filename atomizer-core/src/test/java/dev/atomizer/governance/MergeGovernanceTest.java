package dev.atomizer.governance;

import static dev.atomizer.governance.MergeFixture.LOG;
import static dev.atomizer.governance.MergeFixture.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.Diagnostic;
import dev.atomizer.git.GitFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merges as a hostile committer crafts them, through the real git binary: each attack fails
 * verify with the rule, the merge commit and the path; legitimate merges pass.
 */
class MergeGovernanceTest {

    static final String MISSION = "context-docs/00-mission.md";
    static final String KB = "knowledge-base/materials.md";
    static final String REPORT = "shared/reports/weekly/2026-W08-report.md";
    static final String BASE = "# Project log\n\n" + entry("2026-02-16 09:00", "manager", "Kick-off.");
    static final String APPROVED = "\n\nChange-Request: CR-1\nApproved-by: ceo";

    @TempDir
    Path tmp;

    GitFixture repo;
    MergeFixture m;
    String base;

    @BeforeEach
    void init() throws Exception {
        repo = GitFixture.init(tmp.resolve("repo"));
        m = new MergeFixture(repo);
        repo.write(MISSION, "# Mission\n\nBuild the best optimizer.\n")
                .write(KB, "# Materials\n\n" + "Ti-6Al-4V: E = 114 GPa.\n".repeat(10))
                .write(REPORT, "# Week 8\n\nAll green.\n")
                .stage(LOG, BASE);
        repo.git("add", "-A");
        base = repo.commit("Start");
    }

    /** Diagnostics of the range whose message starts with the commit id. */
    static long of(GitChecks.Result r, String commit, String rule, String path) {
        return r.diagnostics().stream()
                .filter(d -> d.rule().equals(rule)
                        && d.path().equals(path)
                        && d.message().startsWith(commit.substring(0, 10) + " "))
                .count();
    }

    // ---- legitimate merges pass ----

    @Test
    void branchesThatOnlyAppendMergeCleanlyBothWays() throws Exception {
        m.merge(sideAndMain());
        repo.commit(LOG, repo.read(LOG) + entry("2026-02-16 13:00", "manager", "After."));
        // main merged into the side branch (the first parent is the side): the same rules
        repo.git("checkout", "-q", "side");
        m.merge("main");
        assertThat(m.verify(base)).isEmpty();
        assertThat(repo.read(LOG)).contains("Side 1.", "Side 2.", "Main 1.", "After.");
    }

    @Test
    void aMergeBringingAnApprovedChangeAndNewFilesPasses() throws Exception {
        repo.git("checkout", "-q", "-b", "amend");
        repo.write(MISSION, "# Mission\n\nBuild the best optimizer, safely.\n")
                .write("knowledge-base/new.md", "# New\n")
                .write("shared/reports/weekly/2026-W09-report.md", "# W9\n");
        repo.git("add", "-A");
        repo.commit("Amend the mission" + APPROVED);
        repo.git("checkout", "-q", "main");
        repo.commit(LOG, BASE + entry("2026-02-16 11:00", "manager", "Main 1."));
        m.merge("amend");
        assertThat(m.verify(base)).isEmpty();
    }

    @Test
    void aCherryPickedEntryOnBothSidesIsKeptOnce() throws Exception {
        String shared = entry("2026-02-16 10:00", "manager", "Both.");
        repo.git("checkout", "-q", "-b", "side");
        repo.commit(LOG, BASE + shared + entry("2026-02-16 10:30", "optimizer", "Side."));
        repo.git("checkout", "-q", "main");
        repo.commit(LOG, BASE + shared);
        m.merge("side");
        assertThat(repo.read(LOG).split("Both\\.", -1)).hasSize(2);
        assertThat(m.verify(base)).isEmpty();
    }

    // ---- crafted parents ----

    @Test
    void aMergeWithAnEmptyRootAsSecondParentCannotDeleteGovernedFiles() throws Exception {
        String empty =
                repo.git("hash-object", "-t", "tree", "-w", "--stdin").strip(); // stdin is /dev/null: the empty tree
        String root = repo.git("commit-tree", empty, "-m", "nothing").strip();
        String tree =
                m.tree(r -> r.git("rm", "-r", "-q", "--cached", "context-docs", "knowledge-base", "shared/reports"));
        String merge = m.craft(tree, "Merge branch 'cleanup'", "HEAD", root);
        eachProtectedPathIsReportedOnce(merge);
    }

    @Test
    void aMergeWithACraftedRootCannotBringEditedFiles() throws Exception {
        String edited = m.tree(r -> {
            r.stage(MISSION, "# Mission\n\nWhatever the optimizer says.\n");
            r.stage(KB, "# Materials\n\nTi-6Al-4V: E = 114 GPa.\n");
            r.stage(REPORT, "# Week 8\n\nAll red.\n");
        });
        String root = repo.git("commit-tree", edited, "-m", "import").strip();
        String merge = m.craft(edited, "Merge branch 'import'", "HEAD", root);
        eachProtectedPathIsReportedOnce(merge);
    }

    @Test
    void aMergeWithAnOldAncestorCannotRollBackAnApprovedChange() throws Exception {
        String old = repo.git("rev-parse", "HEAD").strip();
        repo.stage(MISSION, "# Mission\n\nBuild the best optimizer, safely.\n");
        repo.commit("Amend the mission" + APPROVED);
        repo.commit("knowledge-base/new.md", "# New\n");
        String rollback = m.tree(r -> {
            r.git("checkout", old, "--", MISSION);
            r.git("rm", "-q", "--cached", "knowledge-base/new.md");
        });
        String merge = m.craft(rollback, "Merge old work", "HEAD", old);
        GitChecks.Result r = m.verifyResult(base);
        assertThat(r.diagnostics())
                .extracting(Diagnostic::rule)
                .containsExactlyInAnyOrder("immutable-path", "no-delete");
        assertThat(of(r, merge, "immutable-path", MISSION)).isEqualTo(1);
        assertThat(of(r, merge, "no-delete", "knowledge-base/new.md")).isEqualTo(1);
        assertThat(r.diagnostics().get(0).message()).contains("Merge old work");
    }

    @Test
    void aConflictResolutionOfAGovernedFileNeedsAnApproval() throws Exception {
        repo.git("checkout", "-q", "-b", "amend");
        repo.stage(MISSION, "# Mission\n\nBuild the best optimizer, safely.\n");
        repo.commit("Amend" + APPROVED);
        repo.git("checkout", "-q", "main");
        repo.stage(MISSION, "# Mission\n\nBuild the best optimizer, quickly.\n");
        repo.commit("Amend too" + "\n\nChange-Request: CR-2\nApproved-by: ceo");
        String merge = m.merge("amend", "Merge amend", r -> r.stage(MISSION, "# Mission\n\nSomething else.\n"));
        GitChecks.Result r = m.verifyResult(base);
        assertThat(r.diagnostics()).hasSize(1);
        assertThat(of(r, merge, "immutable-path", MISSION)).isEqualTo(1);
        // the same resolution with its own approval passes
        repo.git("reset", "-q", "--hard", "HEAD^");
        m.merge(
                "amend",
                "Merge amend\n\nChange-Request: CR-3\nApproved-by: ceo",
                r2 -> r2.stage(MISSION, "# Mission\n\nBoth.\n"));
        assertThat(m.verify(base)).isEmpty();
    }

    @Test
    void aCraftedRootAsFirstParentIsJudgedByTheContractTheRepositoryHadAtTheBase() throws Exception {
        String schemas = "shared/data-contracts/schemas.md";
        repo.stage(schemas, "# Contract\n\n## Settings\n\n| Setting | Value |\n|---|---|\n| Approvals | signed |\n");
        String signed = repo.commit("Approvals must be signed" + APPROVED);
        // an unrelated root with a contract of its own (nothing governed), "approved" by typing the trailers
        String tree = m.tree(r -> {
            r.stage(
                    schemas,
                    "# Contract\n\n## Governed paths\n\n| Path | Policy | Meaning |\n|---|---|---|\n"
                            + "| `nothing/**` | immutable | Nothing |\n");
            r.stage(MISSION, "# Mission\n\nWhatever the optimizer says.\n");
        });
        String root = repo.git("commit-tree", tree, "-m", "Import" + APPROVED).strip();
        String merge = m.craft(tree, "Merge main into the import" + APPROVED, root, "HEAD");
        GitChecks.Result r = m.verifyResult(signed);
        // the root is foreign history: what it brings is the merge's own change, under the base's contract
        assertThat(of(r, merge, "foreign-history", "")).isEqualTo(1);
        assertThat(of(r, merge, "immutable-path", MISSION)).isEqualTo(1);
        assertThat(of(r, merge, "immutable-path", schemas)).isEqualTo(1);
        assertThat(of(r, root, "immutable-path", MISSION)).isZero();
        assertThat(r.diagnostics())
                .filteredOn(d -> d.rule().equals("immutable-path"))
                .allSatisfy(d -> assertThat(d.message()).contains("Approvals: signed and 'ceo' has no key"));
    }

    /** A case variant of a foundational path is another path to git, and one file to NTFS or APFS: refused as a collision. */
    @Test
    void aCaseVariantOfAFoundationalPathCollidesALineBreakInOneIsStillFoundational() throws Exception {
        repo.stage("Context-Docs/00-mission.md", "# Mission\n\nWhatever the optimizer says.\n");
        repo.stage("context-docs/new\nline.md", "# Sneaked in\n");
        String sneak = repo.commit("Sneak in a case variant" + APPROVED);
        GitChecks.Result r = m.verifyResult(base);
        assertThat(of(r, sneak, "path-collision", "Context-Docs/00-mission.md")).isEqualTo(1);
        assertThat(of(r, sneak, "immutable-path", "Context-Docs/00-mission.md")).isZero();
        assertThat(r.diagnostics()).hasSize(1);
        repo.git("reset", "-q", "--hard", "HEAD^");
        repo.stage("Context-Docs/00-mission.md", "# Mission\n\nWhatever the optimizer says.\n");
        repo.stage("context-docs/new\nline.md", "# Sneaked in\n");
        sneak = repo.commit("Sneak in a case variant");
        r = m.verifyResult(base);
        assertThat(of(r, sneak, "path-collision", "Context-Docs/00-mission.md")).isEqualTo(1);
        assertThat(of(r, sneak, "immutable-path", "context-docs/new\nline.md")).isEqualTo(1);
    }

    // ---- the log across merges ----

    String sideAndMain() throws Exception {
        repo.git("checkout", "-q", "-b", "side");
        repo.commit(
                LOG,
                BASE
                        + entry("2026-02-16 10:00", "optimizer", "Side 1.")
                        + entry("2026-02-16 12:00", "optimizer", "Side 2."));
        repo.git("checkout", "-q", "main");
        repo.commit(LOG, BASE + entry("2026-02-16 11:00", "manager", "Main 1."));
        return "side";
    }

    String mergeWithLog(String log) throws Exception {
        return m.merge(sideAndMain(), "Merge side", r -> r.stage(LOG, log));
    }

    /**
     * The merge, verified as the push of it to main is (against main before it: the side's entries
     * are the range's own, main's are the base's), fails with the merge's own finding.
     */
    void assertLogRefused(String merge, String why) throws Exception {
        GitChecks.Result r = m.verifyResult(merge + "^1");
        // the merge's own finding, carried by the net effect (whose lint of the head's log finds the same lines)
        List<Diagnostic> own = r.diagnostics().stream()
                .filter(x -> x.rule().equals("append-only"))
                .toList();
        assertThat(own).as(r.diagnostics().toString()).hasSize(1);
        assertThat(r.failed()).isTrue();
        Diagnostic d = own.get(0);
        assertThat(d.severity()).isEqualTo(dev.atomizer.api.Severity.ERROR);
        assertThat(d.path()).isEqualTo(LOG);
        assertThat(d.message())
                .startsWith(merge.substring(0, 10) + " (Merge side): ")
                .contains(why);
    }

    @Test
    void aMergedLogThatReordersAParentsEntriesFails() throws Exception {
        String merge = mergeWithLog(BASE
                + entry("2026-02-16 12:00", "optimizer", "Side 2.")
                + entry("2026-02-16 10:00", "optimizer", "Side 1.")
                + entry("2026-02-16 11:00", "manager", "Main 1."));
        assertLogRefused(merge, "reorders the entries of parent");
    }

    @Test
    void aMergedLogThatHidesAnEntryInACommentOrAFenceFails() throws Exception {
        String merge = mergeWithLog(BASE + entry("2026-02-16 10:00", "optimizer", "Side 1.")
                + entry("2026-02-16 11:00", "manager", "Main 1.") + "<!--\n"
                + entry("2026-02-16 12:00", "optimizer", "Side 2.") + "-->\n");
        assertLogRefused(merge, "which no parent appended");
        repo.git("reset", "-q", "--hard", base);
        repo.git("branch", "-q", "-D", "side");
        merge = mergeWithLog(BASE + entry("2026-02-16 10:00", "optimizer", "Side 1.")
                + "## [2026-02-16 11:00] manager | bracket-topopt | milestone\n\n**Status:** completed\n**Summary:** Main 1.\n"
                + "**Detail:**\n\n```\n" + entry("2026-02-16 12:00", "optimizer", "Side 2.") + "```\n\n---\n\n");
        assertLogRefused(merge, "which no parent appended");
    }

    @Test
    void aMergedLogThatInsertsAForgedEntryFails() throws Exception {
        // above the end of the base's log
        String merge = mergeWithLog("# Project log\n\n" + entry("2026-02-16 08:00", "ceo", "Forged.")
                + BASE.substring("# Project log\n\n".length())
                + entry("2026-02-16 10:00", "optimizer", "Side 1.") + entry("2026-02-16 11:00", "manager", "Main 1.")
                + entry("2026-02-16 12:00", "optimizer", "Side 2."));
        assertLogRefused(merge, "of the merge base's log");
        // among the new entries, in time order
        repo.git("reset", "-q", "--hard", base);
        repo.git("branch", "-q", "-D", "side");
        merge = mergeWithLog(BASE
                + entry("2026-02-16 10:00", "optimizer", "Side 1.")
                + entry("2026-02-16 10:30", "manager", "Forged.")
                + entry("2026-02-16 11:00", "manager", "Main 1.")
                + entry("2026-02-16 12:00", "optimizer", "Side 2."));
        assertLogRefused(
                merge, "'## [2026-02-16 10:30] manager | bracket-topopt | milestone', which no parent appended");
    }

    @Test
    void aMergedLogThatDropsAParentsEntriesFails() throws Exception {
        // 'git merge -s ours' keeps the first parent's log: the side's entries never reach main; they were
        // the range's own (never in the base), so the range's verdict stands, with the merge's finding shown
        String ours = mergeWithLog(BASE + entry("2026-02-16 11:00", "manager", "Main 1."));
        GitChecks.Result lost = m.verifyResult(ours + "^1");
        assertThat(lost.failed()).isFalse();
        assertThat(lost.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message())
                        .startsWith(ours.substring(0, 10) + " (Merge side): not in the range's net effect")
                        .contains("lost the entry '## [2026-02-16 10:00] optimizer"));
        repo.git("reset", "-q", "--hard", base);
        repo.git("branch", "-q", "-D", "side");
        String merge = mergeWithLog(BASE
                + entry("2026-02-16 10:00", "optimizer", "Side 1.")
                + entry("2026-02-16 11:00", "manager", "Main 1 (edited)."));
        assertLogRefused(merge, "which no parent appended");
    }

    @Test
    void anEntryTheMergeDriverWouldKeepIsStillLinted() throws Exception {
        repo.git("checkout", "-q", "-b", "side");
        // hooks skipped on the branch: its malformed entry is reported at its own commit, and the merge adds nothing
        String bad = repo.commit(
                LOG, BASE + entry("2026-02-16 10:00", "optimizer", "Side 1.").replace("completed", "done"));
        repo.git("checkout", "-q", "main");
        repo.commit(LOG, BASE + entry("2026-02-16 11:00", "manager", "Main 1."));
        String merge = m.merge("side");
        GitChecks.Result r = m.verifyResult(base);
        assertThat(of(r, bad, "status-invalid", LOG)).isEqualTo(1);
        assertThat(of(r, merge, "status-invalid", LOG)).isEqualTo(1);
    }

    /** Verify reports the foundational document, the knowledge-base file and the report once each on {@code merge}. */
    void eachProtectedPathIsReportedOnce(String merge) throws Exception {
        GitChecks.Result r = m.verifyResult(base);
        assertThat(of(r, merge, "immutable-path", MISSION)).isEqualTo(1);
        assertThat(of(r, merge, "no-delete", KB)).isEqualTo(1);
        assertThat(of(r, merge, "write-once", REPORT)).isEqualTo(1);
    }
}
