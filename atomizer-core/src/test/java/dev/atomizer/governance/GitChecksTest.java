package dev.atomizer.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The governance rules and the contract of appended entries, over real repositories. */
class GitChecksTest {

    static final String LOG = "shared/project_log.md";

    static String entry(String ts, String status) {
        return "## [" + ts + "] manager | bracket-topopt | milestone\n\n**Status:** " + status
                + "\n**Summary:** Gate passed.\n\n---\n\n";
    }

    static final String BASE =
            "# Project log\n\n" + entry("2026-02-16 09:00", "completed") + entry("2026-02-16 10:00", "completed");

    @TempDir
    Path tmp;

    GitFixture repo;

    @BeforeEach
    void init() throws Exception {
        repo = GitFixture.init(tmp.resolve("repo"));
    }

    List<String> preCommit() throws AtomizerException {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            return render(GitChecks.preCommit(git, Map.of(), DerivedFiles.NONE).diagnostics());
        }
    }

    List<String> commitMsg(String message) throws AtomizerException {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            return render(GitChecks.commitMsg(git, message, Map.of()).diagnostics());
        }
    }

    static List<String> render(List<Diagnostic> ds) {
        return ds.stream().map(d -> d.path() + ":" + d.line() + " " + d.rule()).toList();
    }

    @Test
    void theFirstCommitHasNoHeadAndIsLintedWhole() throws Exception {
        repo.stage(LOG, BASE + entry("2026-02-16 11:00", "done"));
        assertThat(preCommit()).containsExactly(LOG + ":19 status-invalid");
        repo.stage(LOG, BASE);
        assertThat(preCommit()).isEmpty();
    }

    /** The root commit sets the repository up: it has nothing before it to protect, so it needs no trailers. */
    @Test
    void theRootCommitNeedsNoApprovalTheNextDoes() throws Exception {
        repo.stage("context-docs/00-mission.md", "# Mission\n");
        repo.stage(LOG, BASE);
        assertThat(commitMsg("Set up the status repository")).isEmpty();
        repo.commit("Set up the status repository");
        repo.stage("context-docs/00-mission.md", "# Mission, edited\n");
        assertThat(commitMsg("Edit the mission")).containsExactly("context-docs/00-mission.md:1 immutable-path");
    }

    /** A message that tells GitHub to start no run is refused at commit-msg, in any of its spellings. */
    @Test
    void aCommitMessageThatSkipsCiIsRefused() throws Exception {
        repo.commit(LOG, BASE);
        repo.stage(LOG, BASE + entry("2026-02-16 11:00", "completed"));
        for (String message : List.of(
                "Log [skip ci]",
                "Log [CI SKIP]",
                "[no ci] Log",
                "Log [skip actions]",
                "Log [actions skip]",
                "Log\n\n\nskip-checks:true",
                "Log\n\nBody.\n\nskip-checks: true\n")) {
            assertThat(commitMsg(message)).as(message).containsExactly(":0 skip-ci");
        }
        assertThat(commitMsg("Log the CI skip we discussed (skip ci)")).isEmpty();
        // what git drops before committing: comment lines, and the diff below commit -v's scissors
        assertThat(commitMsg("Log\n# [skip ci] in a comment\n")).isEmpty();
        assertThat(commitMsg("Log\n# ------------------------ >8 ------------------------\n+ [skip ci]\n"))
                .isEmpty();
        assertThat(SkipCi.marker("Log\n\nskip-checks: true")).isEqualTo("skip-checks: true");
        try (GitRepo git = GitRepo.open(repo.dir())) {
            assertThat(GitChecks.commitMsg(git, "Log [skip ci]", Map.of())
                            .diagnostics()
                            .get(0)
                            .message())
                    .contains("'[skip ci]'")
                    .contains("remove it from the message");
            assertThat(GitChecks.commitMsg(git, "Log [skip ci]", Map.of("skip-ci", dev.atomizer.api.Severity.OFF))
                            .diagnostics())
                    .isEmpty();
        }
    }

    @Test
    void onlyAppendedEntriesAreLintedAtTheirLinesInTheWholeFile() throws Exception {
        // an old broken entry is history: it is not the committer's to fix
        repo.commit(LOG, BASE + entry("2026-02-16 10:30", "done"));
        repo.stage(LOG, repo.read(LOG) + entry("2026-02-16 11:00", "bogus") + entry("2026-02-16 10:59", "completed"));
        assertThat(preCommit()).containsExactly(LOG + ":26 status-invalid", LOG + ":31 timestamp-order");
    }

    @Test
    void textAppendedBeforeTheFirstNewHeadingIsStray() throws Exception {
        repo.commit(LOG, BASE);
        repo.stage(LOG, BASE + "a note without a heading\n\n" + entry("2026-02-16 11:00", "completed"));
        assertThat(preCommit()).containsExactly(LOG + ":17 stray-content");
        // an old entry left unclosed may be closed by appending its '---'
        String open =
                "# Project log\n\n## [2026-02-16 09:00] manager | p | milestone\n\n**Status:** completed\n**Summary:** s\n";
        repo.commit(LOG, open);
        repo.stage(LOG, open + "\n---\n\n" + entry("2026-02-16 11:00", "completed"));
        assertThat(preCommit()).isEmpty();
    }

    @Test
    void theNewEntryMustNotBeOlderThanTheLastCommittedOne() throws Exception {
        repo.commit(LOG, BASE);
        repo.stage(LOG, BASE + entry("2026-02-16 09:30", "completed"));
        assertThat(preCommit()).containsExactly(LOG + ":17 timestamp-order");
    }

    /**
     * An edit of existing entries is an amendment: pre-commit lints the edited log whole and leaves
     * the edit for commit-msg, which refuses it, naming the entry, unless the trailers approve it.
     */
    @Test
    void editingReorderingOrDeletingEntriesBreaksAppendOnlyAndNamesTheEntry() throws Exception {
        repo.commit(LOG, BASE);
        repo.stage(
                LOG,
                BASE.replace(
                        "**Status:** completed\n**Summary:** Gate passed.\n\n---\n\n## [2026-02-16 10:00]",
                        "**Status:** failed\n**Summary:** Gate passed.\n\n---\n\n## [2026-02-16 10:00]"));
        assertThat(preCommit()).isEmpty();
        try (GitRepo git = GitRepo.open(repo.dir())) {
            List<Diagnostic> ds =
                    GitChecks.commitMsg(git, "Change a status", Map.of()).diagnostics();
            assertThat(render(ds)).containsExactly(LOG + ":5 append-only");
            assertThat(ds.get(0).message())
                    .contains("'## [2026-02-16 09:00] manager | bracket-topopt | milestone' (line 3)")
                    .contains("without an approved amendment")
                    .contains("Change-Request");
        }
        assertThat(commitMsg("Repair a status\n\nChange-Request: CR-3\nApproved-by: ceo"))
                .isEmpty();
        String reordered =
                "# Project log\n\n" + entry("2026-02-16 10:00", "completed") + entry("2026-02-16 09:00", "completed");
        repo.stage(LOG, reordered);
        // the amended log is linted whole at pre-commit: a reorder breaks time order
        assertThat(preCommit()).containsExactly(LOG + ":10 timestamp-order");
        assertThat(commitMsg("Reorder")).containsExactly(LOG + ":3 append-only");
        repo.stage(LOG, "# Project log\n\n" + entry("2026-02-16 09:00", "completed"));
        assertThat(preCommit()).isEmpty();
        assertThat(commitMsg("Drop an entry")).containsExactly(LOG + ":10 append-only");
        repo.stage(LOG, "# Project log\n\n" + entry("2026-02-16 09:30", "completed") + BASE.substring(15));
        preCommit();
        assertThat(commitMsg("Insert an entry")).containsExactly(LOG + ":3 append-only");
        // what pre-commit left is about the log it saw: a commit staged since without a pre-commit
        // (a merge runs only commit-msg) is not judged by it
        repo.stage(LOG, BASE + entry("2026-02-16 11:00", "completed"));
        assertThat(commitMsg("Merge")).isEmpty();
    }

    @Test
    void trailingWhitespaceAtTheOldEndIsTolerated() throws Exception {
        repo.commit(LOG, BASE + "\n\n");
        repo.stage(LOG, BASE + entry("2026-02-16 11:00", "completed"));
        assertThat(preCommit()).isEmpty();
        repo.stage(LOG, BASE.stripTrailing() + "   \n\n" + entry("2026-02-16 11:00", "completed"));
        assertThat(preCommit()).isEmpty();
    }

    @Test
    void deletingOrRenamingTheLogIsCaught() throws Exception {
        repo.commit(LOG, BASE);
        repo.git("rm", "-q", LOG);
        assertThat(preCommit()).containsExactly(LOG + ":1 append-only");
        repo.git("reset", "-q", "--hard");
        repo.git("mv", LOG, "shared/old_log.md");
        assertThat(preCommit()).containsExactly("shared/old_log.md:1 append-only");
    }

    /** The log made a submodule (gitlink) or a symlink is a violation, never an I/O error; a restored log is linted whole. */
    @Test
    void aLogThatIsNoLongerAFileIsAViolation() throws Exception {
        String head = repo.commit(LOG, BASE);
        String base = repo.git("rev-parse", "HEAD").strip();
        repo.git("rm", "-q", "--cached", LOG);
        repo.git("update-index", "--add", "--cacheinfo", "160000," + head.strip() + "," + LOG);
        assertThat(preCommit()).containsExactly(LOG + ":1 append-only");
        repo.git("commit", "-q", "--no-verify", "-m", "Log as a submodule");
        try (GitRepo git = GitRepo.open(repo.dir())) {
            GitChecks.Result r = GitChecks.verify(git, base, "HEAD", Map.of(), DerivedFiles.NONE, c -> {});
            assertThat(render(r.diagnostics())).containsExactly(LOG + ":1 append-only");
            assertThat(r.diagnostics().get(0).message()).contains("is a submodule (gitlink) here");
        }
        // back to a file: nothing to compare with, so the whole log is linted
        repo.git("rm", "-q", "--cached", LOG);
        repo.stage(LOG, BASE + entry("2026-02-16 11:00", "done"));
        assertThat(preCommit()).containsExactly(LOG + ":19 status-invalid");
        repo.git("reset", "-q", "--hard", base);

        // a symlink to the log's own content elsewhere in the repository
        repo.write("shared/copy.md", BASE);
        java.nio.file.Files.delete(repo.file(LOG));
        java.nio.file.Files.createSymbolicLink(repo.file(LOG), java.nio.file.Path.of("copy.md"));
        repo.git("add", "-A");
        // git sees the log renamed to copy.md and a symlink added in its place: both are reported
        assertThat(preCommit()).containsExactly("shared/copy.md:1 append-only", LOG + ":1 append-only");
    }

    @Test
    void crlfLogsAppendAndLintAtTheRightLines() throws Exception {
        String crlf = BASE.replace("\n", "\r\n");
        repo.commit(LOG, crlf);
        repo.stage(LOG, crlf + entry("2026-02-16 11:00", "nope").replace("\n", "\r\n"));
        assertThat(preCommit()).containsExactly(LOG + ":19 status-invalid");
    }

    @Test
    void partialStagingIsJudgedOnTheIndexNotTheWorkingTree() throws Exception {
        repo.commit(LOG, BASE);
        // staged: valid; working tree: broken on top
        repo.stage(LOG, BASE + entry("2026-02-16 11:00", "completed"));
        repo.write(LOG, BASE + entry("2026-02-16 11:00", "completed") + entry("2026-02-16 12:00", "broken"));
        assertThat(preCommit()).isEmpty();
        // staged: broken; working tree: fixed
        repo.stage(LOG, BASE + entry("2026-02-16 11:00", "broken"));
        repo.write(LOG, BASE + entry("2026-02-16 11:00", "completed"));
        assertThat(preCommit()).containsExactly(LOG + ":19 status-invalid");
    }

    @Test
    void theStagedContractIsTheOneAppendedEntriesAreCheckedAgainst() throws Exception {
        repo.commit(LOG, BASE);
        repo.stage(
                "shared/data-contracts/schemas.md",
                "## Event types\n\n| Type | Meaning |\n|---|---|\n| milestone | m |\n| budget-alert | b |\n");
        repo.stage(LOG, BASE + entry("2026-02-16 11:00", "completed").replace("milestone", "budget-alert"));
        assertThat(preCommit()).isEmpty();
        // and changing the contract needs approval: it is itself governed
        assertThat(commitMsg("Add budget-alert")).containsExactly("shared/data-contracts/schemas.md:1 immutable-path");
        assertThat(commitMsg("Add budget-alert\n\nChange-Request: CR-7\nApproved-by: ceo\n"))
                .isEmpty();
    }

    @Test
    void foundationalPathsNeedAnApprovedChangeRequest() throws Exception {
        repo.commit("context-docs/00-mission.md", "# Mission\n");
        repo.stage("context-docs/00-mission.md", "# Mission, amended\n");
        repo.stage("agents/optimizer/SOUL.md", "# Soul\n");
        assertThat(preCommit()).isEmpty(); // approval is the commit-msg hook's to check
        assertThat(commitMsg("Amend the mission"))
                .containsExactly(
                        "agents/optimizer/SOUL.md:1 immutable-path", "context-docs/00-mission.md:1 immutable-path");
        assertThat(commitMsg("Amend\n\nChange-Request: CR-12\nApproved-by: intern\n"))
                .hasSize(2);
        assertThat(commitMsg("Amend\n\nApproved-by: ceo\n")).hasSize(2);
        assertThat(commitMsg("Amend\n\nChange-Request: CR-12\nApproved-by: ceo\n# a comment git strips\n"))
                .isEmpty();
        // an approver is named by its id, exactly: not a name, an email or another case
        assertThat(commitMsg("Amend\n\nChange-Request: CR-12\nApproved-by: Antoine <ceo@example.com>\n"))
                .hasSize(2);
        assertThat(commitMsg("Amend\n\nChange-Request: CR-12\nApproved-by: CEO\n"))
                .hasSize(2);
        assertThat(commitMsg("Amend\n\nChange-Request: CR-12\nApproved-by: ceo (Antoine)\n"))
                .hasSize(2);
    }

    @Test
    void reportsAreWriteOnceAndTheKnowledgeBaseIsNeverPruned() throws Exception {
        repo.commit("shared/reports/weekly/2026-W08-report.md", "# W08\n");
        repo.stage("shared/reports/weekly/2026-W09-report.md", "# W09\n");
        assertThat(preCommit()).isEmpty();
        repo.stage("shared/reports/weekly/2026-W08-report.md", "# W08 edited\n");
        assertThat(preCommit()).containsExactly("shared/reports/weekly/2026-W08-report.md:1 write-once");
        repo.git("reset", "-q", "--hard");
        repo.commit("knowledge-base/mesh.md", "# Mesh\nLesson one.\nLesson two.\n");
        repo.stage("knowledge-base/mesh.md", "# Mesh\n");
        assertThat(commitMsg("Trim")).containsExactly("knowledge-base/mesh.md:1 no-delete");
        assertThat(commitMsg("Trim\n\nChange-Request: CR-3\nApproved-by: ceo")).isEmpty();
        repo.stage("knowledge-base/mesh.md", "# Mesh\nLesson one.\nLesson two.\nLesson three.\n");
        assertThat(commitMsg("Grow")).isEmpty();
    }

    @Test
    void renamesOutOfProtectedPathsAreDeletionsThereAndARenameThatCutsIsAShrink() throws Exception {
        String lessons = "# Mesh\n" + "A lesson learned the hard way, kept for the next study.\n".repeat(10);
        repo.write("knowledge-base/mesh.md", lessons);
        repo.write("knowledge-base/solver.md", lessons.replace("Mesh", "Solver"));
        repo.write("shared/reports/weekly/2026-W08-report.md", "# W08\n\nAll gates passed this week.\n");
        repo.write("context-docs/01-charter.md", "# Charter\n\nThe team's charter, foundational.\n");
        repo.git("add", "-A");
        String base = repo.commit("Base");

        // git mv out of the knowledge base: a deletion there, before archive/ ever loses it
        Files.createDirectories(repo.file("archive"));
        repo.git("mv", "knowledge-base/mesh.md", "archive/mesh.md");
        assertThat(kinds()).containsExactly("RENAME knowledge-base/mesh.md -> archive/mesh.md");
        assertThat(commitMsg("Archive the mesh notes")).containsExactly("archive/mesh.md:1 no-delete");
        assertThat(commitMsg("Archive\n\nChange-Request: CR-4\nApproved-by: ceo\n"))
                .isEmpty();
        repo.commit("Archive the mesh notes (hooks skipped)");

        // a rename inside the knowledge base that cuts a fifth: still paired as a rename (80% alike)
        Files.createDirectories(repo.file("knowledge-base/numerics"));
        repo.git("mv", "knowledge-base/solver.md", "knowledge-base/numerics/solver.md");
        String cut = lessons.replace("Mesh", "Solver");
        repo.stage("knowledge-base/numerics/solver.md", cut.substring(0, cut.length() * 4 / 5));
        assertThat(kinds()).containsExactly("RENAME knowledge-base/solver.md -> knowledge-base/numerics/solver.md");
        assertThat(commitMsg("Tidy the solver notes")).containsExactly("knowledge-base/numerics/solver.md:1 no-delete");
        repo.commit("Tidy the solver notes (hooks skipped)");

        // a report renamed out of the weekly folder, a foundational document renamed away
        Files.createDirectories(repo.file("shared/reports/old"));
        repo.git("mv", "shared/reports/weekly/2026-W08-report.md", "shared/reports/old/2026-W08-report.md");
        assertThat(preCommit()).containsExactly("shared/reports/old/2026-W08-report.md:1 write-once");
        repo.commit("Move an old report (hooks skipped)");
        Files.createDirectories(repo.file("docs"));
        repo.git("mv", "context-docs/01-charter.md", "docs/charter.md");
        assertThat(commitMsg("Move the charter")).containsExactly("docs/charter.md:1 immutable-path");
        repo.commit("Move the charter (hooks skipped)");

        try (GitRepo git = GitRepo.open(repo.dir())) {
            GitChecks.Result r = GitChecks.verify(git, base, "HEAD", Map.of(), DerivedFiles.NONE, c -> {});
            assertThat(render(r.diagnostics()))
                    .containsExactly(
                            "archive/mesh.md:1 no-delete",
                            "knowledge-base/numerics/solver.md:1 no-delete",
                            "shared/reports/old/2026-W08-report.md:1 write-once",
                            "docs/charter.md:1 immutable-path");
            assertThat(r.diagnostics().get(0).message())
                    .contains("knowledge-base/mesh.md is accumulative (no-delete) and "
                            + "was moved out to archive/mesh.md (a deletion there) without approval");
            assertThat(r.diagnostics().get(1).message())
                    .contains("knowledge-base/solver.md is accumulative (no-delete) "
                            + "and was renamed to knowledge-base/numerics/solver.md and shrank from " + cut.length()
                            + " to "
                            + cut.length() * 4 / 5 + " bytes");
            assertThat(r.diagnostics().get(3).message())
                    .contains("context-docs/01-charter.md is foundational "
                            + "(context-docs/**, immutable) and was renamed to docs/charter.md");
            // the Auditor's list of protected changes agrees with the rules, change for change
            var listed = dev.atomizer.audit.Audit.of(git, base, "HEAD", r).protectedChanges();
            assertThat(listed)
                    .extracting(p -> p.path() + " " + p.rule().policy())
                    .containsExactly(
                            "archive/mesh.md NO_DELETE", "knowledge-base/numerics/solver.md NO_DELETE",
                            "shared/reports/old/2026-W08-report.md WRITE_ONCE", "docs/charter.md IMMUTABLE");
            assertThat(listed.get(1).change()).startsWith("renamed from knowledge-base/solver.md, shrank from ");
        }
    }

    List<String> kinds() throws AtomizerException {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            return git.stagedChanges().stream()
                    .map(c -> c.kind() + " " + c.oldPath() + " -> " + c.newPath())
                    .toList();
        }
    }

    static final String POM = "<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>t</groupId>\n"
            + "  <artifactId>status</artifactId>\n  <version>1</version>\n</project>\n";

    @Test
    void aPullRequestCannotConfigureItsOwnGate() throws Exception {
        repo.write("pom.xml", POM);
        repo.write("context-docs/00-mission.md", "# Mission\n");
        repo.git("add", "-A");
        String base = repo.commit("Base\n\nChange-Request: CR-0\nApproved-by: ceo\n");
        // the build turns the rule off, and the same pull request edits a foundational document
        repo.stage(
                "pom.xml",
                POM.replace(
                        "</project>",
                        "  <build><plugins><plugin><artifactId>atomizer-maven-plugin"
                                + "</artifactId><configuration><rules><immutable-path>off</immutable-path></rules></configuration>"
                                + "</plugin></plugins></build>\n</project>"));
        repo.stage("context-docs/00-mission.md", "# Mission, quietly amended\n");
        repo.commit("Tidy the build");
        // and Maven's own options skip the goal
        repo.stage(".mvn/maven.config", "-Datomizer.skip=true\n");
        repo.commit("Speed up the build");
        Map<String, dev.atomizer.api.Severity> fromTheBuild =
                Map.of("immutable-path", dev.atomizer.api.Severity.OFF, "field-order", dev.atomizer.api.Severity.OFF);
        try (GitRepo git = GitRepo.open(repo.dir())) {
            GitChecks.Result r = GitChecks.verify(git, base, "HEAD", fromTheBuild, DerivedFiles.NONE, c -> {});
            assertThat(render(r.diagnostics()))
                    .containsExactly(
                            "context-docs/00-mission.md:1 immutable-path",
                            "pom.xml:1 immutable-path",
                            ".mvn/maven.config:1 immutable-path");
            assertThat(r.failed()).isTrue();
        }
        assertThat(GitChecks.ignoredByVerify(fromTheBuild, "<rules>"))
                .isEqualTo("verify ignores the <rules> override "
                        + "immutable-path=off: a governance rule's severity comes only from the contract of the base and the "
                        + "approved commits of the range, never from the build being checked");
        assertThat(GitChecks.ignoredByVerify(Map.of("field-order", dev.atomizer.api.Severity.OFF), "--rule"))
                .isNull();
    }

    @Test
    void verifyChecksEveryCommitOfTheRangeWithItsOwnTrailers() throws Exception {
        String base = repo.commit(LOG, BASE);
        repo.commit(LOG, BASE + entry("2026-02-16 11:00", "completed"));
        repo.stage("context-docs/charter.md", "# Charter\n");
        repo.commit("Charter\n\nChange-Request: CR-1\nApproved-by: ceo\n");
        repo.stage("context-docs/charter.md", "# Charter v2\n");
        String sneaky = repo.commit("Edit charter (hooks skipped)");
        repo.commit(LOG, BASE + entry("2026-02-16 11:00", "completed") + entry("2026-02-16 12:00", "bogus"));
        try (GitRepo git = GitRepo.open(repo.dir())) {
            int[] n = new int[1];
            GitChecks.Result r = GitChecks.verify(git, base, "HEAD", Map.of(), DerivedFiles.NONE, c -> n[0]++);
            assertThat(n[0]).isEqualTo(4);
            assertThat(render(r.diagnostics()))
                    .containsExactly("context-docs/charter.md:1 immutable-path", LOG + ":26 status-invalid");
            assertThat(r.diagnostics().get(0).message())
                    .startsWith(sneaky.substring(0, 10) + " (Edit charter (hooks skipped)): ");
        }
    }

    @Test
    void aMergeThatOnlyBringsInCheckedCommitsRaisesNothing() throws Exception {
        String base = repo.commit(LOG, BASE);
        repo.git("checkout", "-q", "-b", "side");
        repo.commit("notes/a.md", "a\n");
        repo.git("checkout", "-q", "main");
        repo.commit("notes/b.md", "b\n");
        repo.git("merge", "-q", "--no-edit", "side");
        try (GitRepo git = GitRepo.open(repo.dir())) {
            GitChecks.Result r = GitChecks.verify(git, base, "HEAD", Map.of(), DerivedFiles.NONE, c -> {});
            assertThat(r.diagnostics()).isEmpty();
        }
    }

    @Test
    void detachedHeadWorks() throws Exception {
        repo.commit(LOG, BASE);
        repo.git("checkout", "-q", "--detach");
        repo.stage(LOG, BASE + entry("2026-02-16 11:00", "nope"));
        assertThat(preCommit()).containsExactly(LOG + ":19 status-invalid");
    }

    @Test
    void aLinkedWorktreeChecksItsOwnIndex() throws Exception {
        repo.commit(LOG, BASE);
        Path wt = tmp.resolve("wt");
        repo.git("worktree", "add", "-q", "-b", "wt-branch", wt.toString());
        GitFixture other = repo.at(wt);
        other.stage(LOG, BASE + entry("2026-02-16 11:00", "nope"));
        try (GitRepo git = GitRepo.open(wt)) {
            assertThat(render(GitChecks.preCommit(git, Map.of(), DerivedFiles.NONE)
                            .diagnostics()))
                    .containsExactly(LOG + ":19 status-invalid");
            assertThat(git.commonDir()).isEqualTo(repo.dir().resolve(".git").toRealPath());
        }
        assertThat(preCommit()).isEmpty(); // the main work tree's index is untouched
    }

    @Test
    void oddStatesGiveOneLineErrors() throws Exception {
        Path nowhere = Files.createDirectories(tmp.resolve("plain"));
        assertThatThrownBy(() -> GitRepo.open(nowhere))
                .isInstanceOf(AtomizerException.class)
                .hasMessageContaining("not a git repository");
        Path bare = tmp.resolve("bare.git");
        repo.git("init", "-q", "--bare", bare.toString());
        try (GitRepo git = GitRepo.open(bare)) {
            assertThatThrownBy(() -> GitChecks.preCommit(git, Map.of(), DerivedFiles.NONE))
                    .isInstanceOf(AtomizerException.class)
                    .hasMessageContaining("bare repository");
        }
        try (GitRepo git = GitRepo.open(repo.dir())) {
            assertThatThrownBy(() -> GitChecks.verify(git, "main", "HEAD", Map.of(), DerivedFiles.NONE, c -> {}))
                    .isInstanceOf(AtomizerException.class)
                    .hasMessageContaining("unborn");
        }
        repo.commit(LOG, BASE);
        try (GitRepo git = GitRepo.open(repo.dir())) {
            assertThatThrownBy(() -> GitChecks.verify(git, "no-such-ref", "HEAD", Map.of(), DerivedFiles.NONE, c -> {}))
                    .isInstanceOf(AtomizerException.class)
                    .hasMessageContaining("unknown base revision 'no-such-ref'");
        }
    }

    @Test
    void aBaseTheHeadDoesNotContainIsRewrittenHistoryInOneLine() throws Exception {
        String first = repo.commit(LOG, BASE);
        repo.commit(LOG, BASE + entry("2026-02-16 11:00", "completed"));
        String before = repo.commit(
                LOG, BASE + entry("2026-02-16 11:00", "completed") + entry("2026-02-16 12:00", "completed"));
        // a forced push: main rewritten from its first commit, two of its commits dropped
        repo.git("reset", "-q", "--hard", first);
        repo.commit(LOG, BASE + entry("2026-02-16 13:00", "completed"));
        try (GitRepo git = GitRepo.open(repo.dir())) {
            assertThatThrownBy(() -> GitChecks.verify(git, before, "HEAD", Map.of(), DerivedFiles.NONE, c -> {}))
                    .isInstanceOf(AtomizerException.class)
                    .hasMessageStartingWith(
                            "history rewritten: base " + before.substring(0, 10) + " is not an ancestor of head HEAD (")
                    .hasMessageContaining("; 2 commits of the base are not in the head")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            // a base the head contains is fine
            assertThat(GitChecks.verify(git, first, "HEAD", Map.of(), DerivedFiles.NONE, c -> {})
                            .failed())
                    .isFalse();
        }
    }

    @Test
    void aShallowCloneMissingTheBaseSaysHowToFetchIt() throws Exception {
        String first = repo.commit(LOG, BASE);
        repo.commit(LOG, BASE + entry("2026-02-16 11:00", "completed"));
        repo.commit(LOG, BASE + entry("2026-02-16 11:00", "completed") + entry("2026-02-16 12:00", "completed"));
        Path clone = tmp.resolve("shallow");
        repo.git("clone", "-q", "--depth", "1", "file://" + repo.dir(), clone.toString());
        try (GitRepo git = GitRepo.open(clone)) {
            assertThat(git.isShallow()).isTrue();
            assertThatThrownBy(() -> GitChecks.verify(git, first, "HEAD", Map.of(), DerivedFiles.NONE, c -> {}))
                    .isInstanceOf(AtomizerException.class)
                    .hasMessageContaining("fetch-depth: 0");
        }
    }
}
