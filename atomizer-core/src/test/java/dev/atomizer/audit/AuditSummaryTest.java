package dev.atomizer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileSummary;
import dev.atomizer.api.Severity;
import dev.atomizer.derive.Derived;
import dev.atomizer.git.CommitInfo;
import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitRepo;
import dev.atomizer.governance.GitChecks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Auditor summary over real repositories: verdict, violations, protected paths, status moves, entries, caps. */
class AuditSummaryTest {

    static final String LOG = "shared/project_log.md";
    static final String CONTRACT = "shared/data-contracts/schemas.md";
    static final String STATUS = "shared/PROJECT_STATUS.md";

    static String entry(
            String ts, String agent, String project, String event, String status, String summary, String metrics) {
        return "## [" + ts + "] " + agent + " | " + project + " | " + event + "\n\n**Status:** " + status
                + "\n**Summary:** " + summary + "\n" + (metrics == null ? "" : "**Metrics:** " + metrics + "\n")
                + (status.equals("blocked") ? "**Blockers:** Waiting on the ceo\n" : "") + "\n---\n\n";
    }

    static final String CONTRACT_TEXT = """
            # Contract

            ## Approvers

            | Approver | Role |
            |----------|------|
            | `ceo` | CEO |

            ## Governed paths

            | Path | Policy | Meaning |
            |------|--------|---------|
            | `context-docs/**` | immutable | Foundational |
            | `shared/project_log.md` | append-only | The log |
            | `shared/reports/weekly/**` | write-once | Reports |
            | `knowledge-base/**` | no-delete | Knowledge |
            | `shared/dashboards/*.md` | generated | Dashboards |
            """;

    static final String STATUS_TEXT = """
            # Status

            ## Projects

            | Slug | Name | RAG | Status |
            |------|------|-----|--------|
            | bracket-topopt | Bracket | Green | active |
            | wing-spar | Wing spar | Amber | active |
            """;

    static final String BASE_LOG = "# Project log\n\n"
            + entry("2026-03-02 09:00", "manager", "bracket-topopt", "milestone", "completed", "Kick-off.", null)
            + entry(
                    "2026-03-02 10:00",
                    "optimizer",
                    "bracket-topopt",
                    "milestone",
                    "blocked",
                    "Solver licence missing.",
                    "ref=task-1")
            + entry(
                    "2026-03-02 11:00",
                    "manager",
                    "wing-spar",
                    "decision-needed",
                    "in-progress",
                    "Approve the layup.",
                    "ref=dec-1");

    @TempDir
    Path tmp;

    GitFixture repo;
    String base;

    @BeforeEach
    void init() throws Exception {
        repo = GitFixture.init(tmp.resolve("repo"));
        repo.write(CONTRACT, CONTRACT_TEXT);
        repo.write(STATUS, STATUS_TEXT);
        repo.write("context-docs/00-mission.md", "# Mission\n");
        repo.write("knowledge-base/notes.md", "# Notes\n\nA long lesson learned.\n");
        repo.write("shared/reports/weekly/2026-W09-report.md", "# W09\n");
        repo.write(LOG, BASE_LOG);
        repo.git("add", "-A");
        base = repo.commit("Base");
    }

    Audit audit(String from) throws Exception {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            GitChecks.Result r = GitChecks.verify(git, from, "HEAD", Map.of(), Derived.files(), c -> {});
            return Audit.of(git, from, "HEAD", r);
        }
    }

    String summary(String from) throws Exception {
        return AuditSummary.render(audit(from));
    }

    @Test
    void aFailingRangeSaysDoNotMergeFirstAndShowsEachViolationWithItsCommit() throws Exception {
        String bad = repo.commit(
                LOG,
                BASE_LOG
                        + entry(
                                "2026-03-03 09:00",
                                "optimizer",
                                "bracket-topopt",
                                "study-iteration",
                                "done",
                                "Iter 1.",
                                "iteration=1, objective=3.2"));
        repo.write("context-docs/00-mission.md", "# Mission, approved edit\n");
        repo.git("add", "-A");
        repo.commit("Clarify the mission\n\nChange-Request: CR-7\nApproved-by: ceo");
        repo.write("knowledge-base/notes.md", "# Notes\n");
        repo.git("add", "-A");
        repo.commit("Prune the notes");

        String s = summary(base);
        String first = s.lines().findFirst().orElseThrow();
        assertThat(first)
                .isEqualTo("## ❌ Do not merge: 2 errors in 2 of 3 commits (no-delete, status-invalid): "
                        + "fix them in a new commit on this branch");
        assertThat(s)
                .contains(
                        "| `" + bad.substring(0, 10) + "` | shared/project\\_log.md:29 | `status-invalid` | ❌ error | "
                                + "status 'done' is not one of in-progress, completed, blocked, failed |");
        // the commit prefix verify puts on messages is split off into the Commit column
        assertThat(s).doesNotContain("(Clarify the mission): ");
        assertThat(s)
                .contains("### 🔒 Protected paths touched: 2")
                .contains(
                        "| context-docs/00-mission.md | immutable (`context-docs/**`) | modified | CR-7, approved by ceo (unsigned) |")
                .contains("| knowledge-base/notes.md | no-delete (`knowledge-base/**`) | shrank from 32 to 8 bytes | "
                        + "**without approval** |");
        assertThat(s)
                .contains("| `" + bad.substring(0, 10) + "` | change shared/project\\_log.md | | ❌ 1 error |")
                .contains("| Clarify the mission | Change-Request: CR-7; Approved-by: ceo | ✅ |")
                .contains("| Prune the notes | | ❌ 1 error |");
        assertThat(s)
                .contains("### 📝 Entries added: 1")
                .contains("| 2026-03-03 09:00 | optimizer | bracket-topopt | study-iteration | done | Iter 1. |");
        assertThat(s.getBytes(StandardCharsets.UTF_8).length).isLessThan(AuditSummary.LIMIT);
    }

    @Test
    void aCleanRangeSaysMergeAndHowStatusMoves() throws Exception {
        repo.commit(
                LOG,
                BASE_LOG
                        // the decision is taken...
                        + entry(
                                "2026-03-03 09:00",
                                "ceo",
                                "wing-spar",
                                "decision-needed",
                                "completed",
                                "Layup approved.",
                                "ref=dec-1")
                        // ...a new one opens, and the licence blocker is still there two days later: Red
                        + entry(
                                "2026-03-05 09:00",
                                "manager",
                                "bracket-topopt",
                                "decision-needed",
                                "in-progress",
                                "Approve the print order.",
                                "ref=dec-2")
                        + entry(
                                "2026-03-05 10:00",
                                "nx-expert",
                                "wing-spar",
                                "milestone",
                                "blocked",
                                "Mesh server down.",
                                "ref=task-2"));
        String s = summary(base);
        assertThat(s).startsWith("## ✅ Merge: 1 commit checked, no errors\n\n");
        assertThat(s).contains("### 🚫 Violations: 0 errors, 0 warnings\n\nNone.");
        assertThat(s).contains("| **bracket-topopt** | 🟠 Amber → 🔴 Red | 🟢 Green | ");
        assertThat(s).contains("task-1 blocked 3d");
        assertThat(s).contains("**Decisions opened (1):**\n\n- **dec-2** bracket-topopt, open since 2026-03-05 09:00");
        assertThat(s)
                .contains(
                        "**Decisions resolved (1):**\n\n- **dec-1** wing-spar, completed 2026-03-03 09:00 by ceo: Layup approved.");
        assertThat(s)
                .contains(
                        "**Newly blocked (1):**\n\n- **task-2** wing-spar, blocked since 2026-03-05 10:00, nx-expert: Waiting on the ceo");
        assertThat(s).contains("| Agent | Entries |\n| --- | --: |\n| ceo | 1 |\n| manager | 1 |\n| nx-expert | 1 |");
        assertThat(s).contains("| Event type | Entries |\n| --- | --: |\n| decision-needed | 2 |\n| milestone | 1 |");
        assertThat(s).contains("will be regenerated on main").contains("Not an error");
        assertThat(summary(base)).isEqualTo(s); // deterministic
    }

    @Test
    void freshDerivedFilesAndAnEmptyRangeAreSaidSo() throws Exception {
        dev.atomizer.Atomizer.at(repo.dir(), java.util.Map.of()).dashboards(null);
        repo.git("add", "-A");
        String made = repo.commit("Regenerate the dashboards");
        String s = summary(base);
        assertThat(s).contains("✅ Fresh at the head");
        assertThat(s).contains("No project's RAG moved.").contains("### 📝 Entries added: 0");
        assertThat(summary(made))
                .startsWith("## ✅ Merge: nothing to check, `" + made.substring(0, 10) + "..HEAD` has no commits");
    }

    @Test
    void aWriteOnceReportRewrittenIsProtectedAndUnapprovedTrailersAreExplained() throws Exception {
        repo.write("shared/reports/weekly/2026-W09-report.md", "# W09, edited\n");
        repo.write("context-docs/00-mission.md", "# Mission, edited\n");
        repo.git("add", "-A");
        repo.commit("Edit\n\nChange-Request: CR-9\nApproved-by: bob");
        String s = summary(base);
        assertThat(s)
                .contains("| context-docs/00-mission.md | immutable (`context-docs/**`) | modified | "
                        + "**without approval** (CR-9: 'bob' is not an approver id (approvers: ceo)) |");
        assertThat(s)
                .contains(
                        "| shared/reports/weekly/2026-W09-report.md | write-once (`shared/reports/weekly/**`) | modified |");
        assertThat(s).contains("(immutable-path, write-once)");
    }

    @Test
    void everyTableIsCappedAndSaysWhatItLeftOut() throws Exception {
        StringBuilder log = new StringBuilder(BASE_LOG);
        for (int i = 0; i < 260; i++) {
            log.append(entry(
                    String.format(java.util.Locale.ROOT, "2026-03-03 %02d:%02d", 10 + i / 60, i % 60),
                    "optimizer",
                    "bracket-topopt",
                    "milestone",
                    "done",
                    "x".repeat(190) + " | <b>" + i,
                    null));
        }
        repo.commit(LOG, log.toString());
        String s = summary(base);
        assertThat(s)
                .contains("_…and 60 more violations not shown (the summary keeps to 200 rows here; "
                        + "the text, json or sarif format lists them all)._");
        assertThat(s).contains("_…and 210 more entries not shown (the summary keeps to 50 rows here)._");
        // cells are escaped and clipped: no raw pipe or HTML from the log
        assertThat(s).doesNotContain("<b>").contains("…");
        assertThat(s.getBytes(StandardCharsets.UTF_8).length).isLessThan(AuditSummary.LIMIT);
    }

    @Test
    void theWholeStaysUnderOneMebibyteWhateverTheInput() {
        List<CommitInfo> commits = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            CommitInfo c = new CommitInfo(
                    String.format(java.util.Locale.ROOT, "%040x", i), List.of(), "Subject " + "y".repeat(5000));
            commits.add(c);
            findings.add(new Finding(
                    c,
                    new Diagnostic("p".repeat(3000), i + 1, 1, "status-invalid", Severity.ERROR, "m".repeat(5000)),
                    "m".repeat(5000)));
        }
        Audit a = new Audit(
                "b",
                "h",
                "0".repeat(40),
                "1".repeat(40),
                commits,
                findings,
                new FileSummary(0, 5000, 0),
                List.of(),
                0,
                List.of(),
                List.of(),
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                java.util.stream.IntStream.range(0, 5000)
                        .mapToObj(i -> "event type added: t-" + i + " " + "z".repeat(500))
                        .toList(),
                List.of(),
                List.of());
        String s = AuditSummary.render(a);
        assertThat(s).startsWith("## ❌ Do not merge: 5,000 errors in 5000 of 5,000 commits");
        assertThat(s.getBytes(StandardCharsets.UTF_8).length).isLessThan(AuditSummary.LIMIT);
        assertThat(s).endsWith("\n");
    }

    @Test
    void aFindingKeepsItsCommitWhateverTheSubjectHolds() {
        CommitInfo a = new CommitInfo("a".repeat(40), List.of(), "Fix (again): the log\n\nbody");
        CommitInfo b = new CommitInfo("b".repeat(40), List.of(), "Other");
        Diagnostic d = new Diagnostic(
                "x.md",
                3,
                1,
                "status-invalid",
                Severity.ERROR,
                "aaaaaaaaaa (Fix (again): the log): status 'done' is wrong");
        Finding f = Finding.of(d, List.of(b, a));
        assertThat(f.commit()).isEqualTo(a);
        assertThat(f.message()).isEqualTo("status 'done' is wrong");
        assertThat(Finding.of(new Diagnostic("x.md", 1, 1, "r", Severity.ERROR, "plain"), List.of(a))
                        .commit())
                .isNull();
    }
}
