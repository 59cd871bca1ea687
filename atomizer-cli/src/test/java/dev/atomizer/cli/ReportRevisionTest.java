package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.git.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A weekly report written too early, and the way out: a report is never written before its moment
 * by the wall clock, and a written one is superseded by an approved revision beside it, which the
 * KPIs and the watchdog follow while K3 keeps the original's commit time. Real git; the hooks'
 * commands run in this JVM.
 */
class ReportRevisionTest extends CliTest {

    static final String LOG = "shared/project_log.md";
    static final String W50 = "shared/reports/weekly/2026-W45-report.md";
    static final String W50_R2 = "shared/reports/weekly/2026-W45-report.r2.md";

    /** Monday of 2026-W45, 10:00 in New York; the week's cut-off is Friday 16:00 there (21:00 UTC). */
    static final Map<String, String> MONDAY = Map.of("ATOMIZER_TEST_CLOCK", "2026-11-02T15:00:00Z");
    /** Friday of 2026-W45, 16:30 in New York: after the cut-off, before the 17:00 due time. */
    static final Map<String, String> FRIDAY = Map.of("ATOMIZER_TEST_CLOCK", "2026-11-06T21:30:00Z");

    @TempDir
    Path tmp;

    GitFixture repo;

    static String entry(String ts, String summary) {
        return "## [" + ts + "] manager | alpha | milestone\n\n**Status:** completed\n**Summary:** " + summary
                + "\n\n---\n\n";
    }

    @BeforeEach
    void setUp() throws Exception {
        repo = GitFixture.init(tmp.resolve("repo"));
        repo.date("2026-10-29T10:00:00Z")
                .commit(
                        LOG,
                        "# Project log\n\n" + entry("2026-10-29 09:00", "Kick-off")
                                + entry("2026-11-02 09:00", "Monday gate"));
    }

    @Test
    void anAsOfLaterThanNowIsRefusedAndNothingIsWritten() throws Exception {
        assertThat(run(repo.dir(), MONDAY, "report", "weekly", "--week", "2026-W45", "--as-of", "2026-11-06 21:00"))
                .isEqualTo(2);
        assertThat(err)
                .isEqualTo("atomizer: the as-of moment 2026-11-06 21:00 is later than now (2026-11-02 15:00, UTC): a"
                        + " report describes what has happened, so it is written once its moment has come; leave the"
                        + " as-of out to write the last week whose cut-off has come\n");
        assertThat(run(repo.dir(), MONDAY, "report", "weekly", "--week", "2026-W45"))
                .isEqualTo(2);
        assertThat(err).startsWith("atomizer: week 2026-W45 is not over yet as of 2026-11-02 15:00 (now, UTC)");
        assertThat(repo.file("shared/reports")).doesNotExist();
        // the clock the tests fix is no option of the command
        assertThat(run(repo.dir(), "report", "weekly", "--help")).isZero();
        assertThat(out)
                .doesNotContain("ATOMIZER_TEST_CLOCK")
                .doesNotContain("--now")
                .doesNotContain("--clock");
    }

    @Test
    void anEarlyReportIsSupersededByAnApprovedRevisionThatTheKpisAndTheWatchdogFollow() throws Exception {
        // the state an early report left: committed on Monday, from a third of the week
        repo.date("2026-11-02T16:00:00Z").commit(W50, "# Weekly report 2026-W45\n\nMonday gate only.\n");
        // written by an earlier release, which took an as-of ahead of the clock: it is on main already
        String base = repo.git("rev-parse", "HEAD").strip();
        repo.date("2026-11-05T12:00:00Z")
                .commit(
                        LOG,
                        repo.read(LOG)
                                + entry("2026-11-04 10:00", "Wednesday gate")
                                + entry("2026-11-05 11:00", "Thursday gate"));

        assertThat(run(repo.dir(), FRIDAY, "report", "weekly", "--week", "2026-W45"))
                .isZero();
        assertThat(err)
                .isEqualTo("atomizer: " + W50 + " exists, left unchanged; reports are write-once (to correct it:"
                        + " --revise --reason \"…\")\n");
        assertThat(run(repo.dir(), FRIDAY, "report", "weekly", "--week", "2026-W45", "--revise"))
                .isEqualTo(2);
        assertThat(err).isEqualTo("atomizer: --revise needs --reason \"…\": what was wrong with the report\n");
        assertThat(repo.file(W50_R2)).doesNotExist();

        assertThat(run(
                        repo.dir(),
                        FRIDAY,
                        "report",
                        "weekly",
                        "--week",
                        "2026-W45",
                        "--revise",
                        "--reason",
                        "written on Monday from a third of the week"))
                .as(err)
                .isZero();
        assertThat(err)
                .isEqualTo("atomizer: wrote " + W50_R2 + ", a revision superseding " + W50 + " (which stays); commit"
                        + " it with the trailers 'Change-Request: <id>' and 'Approved-by: <approver id>'\n");
        String revision = repo.read(W50_R2);
        assertThat(revision.lines().findFirst().orElseThrow())
                .isEqualTo("> **Revision 2**, superseding `" + W50 + "` (which stays as it was): written on Monday"
                        + " from a third of the week");
        assertThat(revision).contains("Wednesday gate").contains("Thursday gate");
        assertThat(repo.read(W50)).isEqualTo("# Weekly report 2026-W45\n\nMonday gate only.\n");

        // the hooks' commands: pre-commit lets the revision through, commit-msg wants an approval
        repo.git("add", "--", W50_R2);
        assertThat(run(repo.dir(), "pre-commit")).as(out + err).isZero();
        Path message = tmp.resolve("COMMIT_EDITMSG");
        Files.writeString(message, "Revise the W50 report\n");
        assertThat(run(repo.dir(), "commit-msg", message.toString())).isEqualTo(1);
        assertThat(out)
                .contains(W50_R2 + ":1:1: error [report-revision] " + W50_R2 + " is revision 2 of " + W50
                        + " (superseding " + W50 + ") and was added without an approved change request");
        Files.writeString(message, "Revise the W50 report\n\nChange-Request: CR-50\nApproved-by: ceo\n");
        assertThat(run(repo.dir(), "commit-msg", message.toString()))
                .as(out + err)
                .isZero();
        // committed after the due time: K3 keeps the original's time
        repo.date("2026-11-06T22:30:00Z").commit("Revise the W50 report\n\nChange-Request: CR-50\nApproved-by: ceo\n");

        // a revision is write-once too
        repo.stage(W50_R2, revision + "edited\n");
        assertThat(run(repo.dir(), "pre-commit")).isEqualTo(1);
        assertThat(out).contains("[write-once] " + W50_R2 + " is a report snapshot (write-once) and was modified");
        repo.git("checkout", "HEAD", "--", W50_R2);

        repo.date("2026-11-09T10:00:00Z").commit(LOG, repo.read(LOG) + entry("2026-11-09 09:00", "Next week"));
        assertThat(run(repo.dir(), "dashboards")).as(err).isZero();
        assertThat(repo.read("shared/kpi/metrics.md"))
                .containsPattern("\\| 2026-W45 \\|[^\\n]*\\| ✅ on time \\(latest: r2\\) \\|");
        assertThat(run(repo.dir(), "alerts", "--now", "2026-11-09 10:00"))
                .as(err)
                .isZero();
        assertThat(out).doesNotContain("report-overdue");
        assertThat(run(repo.dir(), "verify", "--base", base)).as(out + err).isZero();
        // the Auditor lists the revision among the protected paths touched, with its approval
        assertThat(run(repo.dir(), "verify", "--base", base, "--format", "markdown"))
                .as(out + err)
                .isZero();
        assertThat(out)
                .contains(W50_R2)
                .contains("added, revision 2 superseding " + W50)
                .contains("CR-50");
    }

    @Test
    void aClosedProjectsCloseoutIsRevisedLikeAWeeklyReport() throws Exception {
        repo.commit(
                LOG,
                repo.read(LOG) + "## [2026-11-03 09:00] manager | alpha | milestone\n\n**Status:** completed\n"
                        + "**Summary:** Closed.\n**Metrics:** closeout=true\n\n---\n\n");
        String original = "shared/reports/project/alpha-closeout.md";
        assertThat(run(repo.dir(), "report", "closeout", "alpha", "--revise", "--reason", "lessons missing"))
                .isEqualTo(2);
        assertThat(err)
                .isEqualTo("atomizer: there is no " + original + " to revise: write it first with 'atomizer report"
                        + " closeout alpha' (a revision supersedes a report written before)\n");
        assertThat(run(repo.dir(), "report", "closeout", "alpha")).isZero();
        assertThat(run(repo.dir(), "report", "closeout", "alpha", "--revise", "--reason", "lessons missing"))
                .isZero();
        assertThat(run(repo.dir(), "report", "closeout", "alpha", "--revise", "--reason", "typo"))
                .isZero();
        assertThat(err)
                .startsWith("atomizer: wrote shared/reports/project/alpha-closeout.r3.md, a revision superseding "
                        + "shared/reports/project/alpha-closeout.r2.md (which stays)");
        assertThat(repo.read("shared/reports/project/alpha-closeout.r3.md"))
                .startsWith("> **Revision 3**, superseding `shared/reports/project/alpha-closeout.r2.md` (which stays"
                        + " as it was): typo\n\n<!-- Closeout report of alpha");
        assertThat(run(repo.dir(), "report", "closeout", "alpha", "--reason", "typo"))
                .isEqualTo(2);
        assertThat(err).isEqualTo("atomizer: --reason goes with --revise (reports are otherwise written once)\n");
    }
}
