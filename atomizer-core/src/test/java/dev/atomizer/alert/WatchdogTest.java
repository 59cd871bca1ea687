package dev.atomizer.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.Alert;
import dev.atomizer.api.Severity;
import dev.atomizer.api.Workspace;
import dev.atomizer.derive.Sources;
import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchdog judges the log at the wall clock: crafted logs with known silences and a fixed now. */
class WatchdogTest {

    static final String CONTRACT = """
            ## Agents

            | Agent | Role | Silent after |
            |---|---|---|
            | `manager` | Runs the team | |
            | `optimizer` | Runs studies | 12 hours |

            ## Settings

            | Setting | Value |
            |---|---|
            | Time zone | UTC |
            """;

    static String entry(String ts, String agent, String event, String status, String metrics) {
        return "## [" + ts + "] " + agent + " | alpha | " + event + "\n\n**Status:** " + status
                + "\n**Summary:** Something.\n" + (status.equals("blocked") ? "**Blockers:** Nobody.\n" : "")
                + (metrics == null ? "" : "**Metrics:** " + metrics + "\n") + "\n---\n\n";
    }

    static List<Alert> alerts(String log, String contract, String now) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        files.put(Workspace.LOG, ("# Log\n\n" + log).getBytes(StandardCharsets.UTF_8));
        if (contract != null) {
            files.put(Workspace.CONTRACT, contract.getBytes(StandardCharsets.UTF_8));
        }
        LocalDateTime at = LocalDateTime.parse(now.replace(' ', 'T'));
        return Watchdog.alerts(Sources.read(files::get, at), at, null);
    }

    static List<String> ids(List<Alert> alerts) {
        return alerts.stream()
                .map(a -> a.severity().label() + " " + a.id() + " " + a.subject())
                .toList();
    }

    static final String QUIET = entry("2026-03-02 09:00", "manager", "milestone", "completed", null)
            + entry("2026-03-02 10:00", "optimizer", "milestone", "completed", null);

    @Test
    void aLogSilentPastTheThresholdIsAnErrorThatTheDashboardsCannotShow() throws Exception {
        List<Alert> a = alerts(QUIET, CONTRACT, "2026-03-05 10:00");
        assertThat(ids(a)).contains("error log-silent " + Workspace.LOG);
        Alert silent =
                a.stream().filter(x -> x.id().equals("log-silent")).findFirst().orElseThrow();
        assertThat(silent.reason())
                .contains("3d")
                .contains("since 2026-03-02 10:00")
                .contains("6h");
        // within the default six hours: quiet
        assertThat(ids(alerts(QUIET, CONTRACT, "2026-03-02 15:59"))).isEmpty();
    }

    @Test
    void theSilenceAlertSettingMovesTheThreshold() throws Exception {
        String contract = CONTRACT + "| Silence alert | 2 hours |\n";
        assertThat(ids(alerts(QUIET, contract, "2026-03-02 12:01"))).contains("error log-silent " + Workspace.LOG);
        assertThat(ids(alerts(QUIET, contract, "2026-03-02 11:59"))).isEmpty();
    }

    @Test
    void anAgentSilentPastItsOwnThresholdIsAWarning() throws Exception {
        String log = QUIET + entry("2026-03-02 21:00", "manager", "milestone", "completed", null);
        assertThat(ids(alerts(log, CONTRACT, "2026-03-02 22:01"))).containsExactly("warning agent-silent optimizer");
        assertThat(ids(alerts(log, CONTRACT, "2026-03-02 21:59"))).isEmpty();
    }

    @Test
    void decisionsBlockedWorkAndFailuresAreJudgedAtTheWallClock() throws Exception {
        String log = entry("2026-03-02 09:00", "manager", "decision-needed", "in-progress", "ref=dec-1")
                + entry(
                        "2026-03-02 09:10",
                        "optimizer",
                        "study-iteration",
                        "blocked",
                        "ref=s-1, iteration=1, objective=2")
                + entry("2026-03-02 09:20", "optimizer", "error", "failed", null);
        // as of the newest entry all of it is minutes old; at the wall clock, three days
        assertThat(ids(alerts(log, CONTRACT + "| Silence alert | 30 days |\n", "2026-03-05 09:30")))
                .containsExactly(
                        "error failure-unrecovered optimizer (alpha)",
                        "warning agent-silent optimizer",
                        "warning blocked-overdue s-1 (alpha)",
                        "warning decision-overdue dec-1 (alpha)");
        assertThat(ids(alerts(log, CONTRACT, "2026-03-02 10:00"))).isEmpty();
    }

    @Test
    void aRecoveredFailureIsNoAlarm() throws Exception {
        String log = entry("2026-03-02 09:20", "optimizer", "error", "failed", null)
                + entry("2026-03-02 11:00", "optimizer", "milestone", "completed", null);
        assertThat(ids(alerts(log, CONTRACT + "| Silence alert | 30 days |\n", "2026-03-04 09:30")))
                .containsExactly("warning agent-silent optimizer");
    }

    @Test
    void aWeeklyReportPastItsDueTimeAndNotThereIsOverdue() throws Exception {
        // the default due time: Friday 17:00 New York, 22:00 UTC in March before the clocks change
        String log = entry("2026-03-02 09:00", "manager", "milestone", "completed", null);
        String contract = CONTRACT + "| Silence alert | 30 days |\n";
        assertThat(ids(alerts(log, contract, "2026-03-06 21:59")))
                .doesNotContain("warning report-overdue " + Workspace.weeklyReport("2026-W10"));
        assertThat(ids(alerts(log, contract, "2026-03-06 22:01")))
                .contains("warning report-overdue " + Workspace.weeklyReport("2026-W10"));
    }

    @Test
    void theSameRepositoryAndMomentGiveTheSameAlerts() throws Exception {
        String log = QUIET + entry("2026-03-02 09:20", "optimizer", "error", "failed", null);
        assertThat(alerts(log, CONTRACT, "2026-03-09 10:00")).isEqualTo(alerts(log, CONTRACT, "2026-03-09 10:00"));
    }

    @TempDir
    Path tmp;

    /** The exec summary committed before the log's newest commit, by more than K1's hour: the job is failing. */
    @Test
    void aCommittedSummaryBehindItsSourcesIsStale() throws Exception {
        GitFixture repo = GitFixture.init(tmp.resolve("repo"));
        String first = "# Log\n\n" + entry("2026-03-02 09:00", "manager", "milestone", "completed", null);
        repo.date("2026-03-02T09:05:00Z").commit(Workspace.LOG, first);
        repo.date("2026-03-02T09:10:00Z").commit("shared/dashboards/exec-summary.md", "# Summary\n");
        repo.date("2026-03-02T10:05:00Z")
                .commit(Workspace.LOG, first + entry("2026-03-02 10:00", "manager", "milestone", "completed", null));
        try (GitRepo git = GitRepo.open(repo.dir())) {
            LocalDateTime within = LocalDateTime.parse("2026-03-02T11:00");
            assertThat(ids(Watchdog.alerts(Sources.read(Sources.workingTree(repo.dir()), within), within, git)))
                    .isEmpty();
            LocalDateTime late = LocalDateTime.parse("2026-03-02T11:10");
            List<Alert> a = Watchdog.alerts(Sources.read(Sources.workingTree(repo.dir()), late), late, git);
            assertThat(ids(a)).containsExactly("error summary-stale shared/dashboards/exec-summary.md");
            assertThat(a.get(0).reason())
                    .contains("last committed 2026-03-02 09:10")
                    .contains("regeneration job");
            assertThat(a.get(0).severity()).isEqualTo(Severity.ERROR);
        }
    }

    /**
     * Main ahead of its last verified commit (refs/atomizer/verified) for longer than the Verify lag
     * (default 24 hours), measured from the oldest unverified commit of its first-parent line; a
     * rewritten main that no longer contains it at once.
     */
    @Test
    void mainAheadOfItsVerifiedCommitPastTheVerifyLagIsUnverified() throws Exception {
        GitFixture repo = GitFixture.init(tmp.resolve("repo"));
        String log = "# Log\n\n" + entry("2026-03-02 09:00", "manager", "milestone", "completed", null);
        String verified = repo.date("2026-03-02T09:05:00Z").commit(Workspace.LOG, log);
        repo.date("2026-03-02T09:06:00Z").commit("shared/dashboards/exec-summary.md", "# Summary\n");
        repo.git("update-ref", Workspace.VERIFIED_REF, verified);
        log += entry("2026-03-02 10:00", "manager", "milestone", "completed", null);
        repo.date("2026-03-02T10:00:00Z").commit(Workspace.LOG, log);
        repo.date("2026-03-02T10:01:00Z").commit("shared/dashboards/exec-summary.md", "# Summary 2\n");
        try (GitRepo git = GitRepo.open(repo.dir())) {
            LocalDateTime within = LocalDateTime.parse("2026-03-03T09:05");
            assertThat(ids(Watchdog.alerts(Sources.read(Sources.workingTree(repo.dir()), within), within, git)))
                    .doesNotContain("error unverified-main main");
            LocalDateTime late = LocalDateTime.parse("2026-03-03T09:07");
            List<Alert> a = Watchdog.alerts(Sources.read(Sources.workingTree(repo.dir()), late), late, git);
            Alert unverified = a.stream()
                    .filter(x -> x.id().equals("unverified-main"))
                    .findFirst()
                    .orElseThrow();
            assertThat(unverified.severity()).isEqualTo(Severity.ERROR);
            assertThat(unverified.reason())
                    .startsWith("3 commits ahead of its last verified commit " + Workspace.VERIFIED_REF + " ("
                            + verified.substring(0, 10) + ") since ")
                    .contains("(2026-03-02 09:06)")
                    .contains("Verify lag 1d");
        }
        // the contract's Verify lag, and the ref at HEAD: nothing
        repo.git("update-ref", Workspace.VERIFIED_REF, "HEAD");
        try (GitRepo git = GitRepo.open(repo.dir())) {
            LocalDateTime later = LocalDateTime.parse("2026-03-09T09:07");
            assertThat(Watchdog.alerts(Sources.read(Sources.workingTree(repo.dir()), later), later, git))
                    .noneMatch(x -> x.id().equals("unverified-main"));
        }
        // main rewritten: it no longer contains the verified commit
        repo.git(
                "update-ref",
                Workspace.VERIFIED_REF,
                repo.git("commit-tree", "-m", "elsewhere", "HEAD^{tree}").strip());
        try (GitRepo git = GitRepo.open(repo.dir())) {
            LocalDateTime now = LocalDateTime.parse("2026-03-02T10:02");
            assertThat(Watchdog.alerts(Sources.read(Sources.workingTree(repo.dir()), now), now, git))
                    .filteredOn(x -> x.id().equals("unverified-main"))
                    .singleElement()
                    .satisfies(x -> assertThat(x.reason()).startsWith("does not contain its last verified commit"));
        }
    }
}
