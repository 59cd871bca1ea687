package dev.atomizer.derive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.Workspace;
import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** K1–K8 and the gates on crafted logs and histories whose answers are known. */
class KpisTest {

    @TempDir
    Path tmp;

    GitFixture repo;

    static String entry(String ts, String agent, String event, String status, String metrics) {
        return "## [" + ts + "] " + agent + " | alpha | " + event + "\n\n**Status:** " + status
                + "\n**Summary:** Work.\n" + (status.equals("blocked") ? "**Blockers:** Supplier.\n" : "")
                + (metrics == null ? "" : "**Metrics:** " + metrics + "\n") + "\n---\n\n";
    }

    @BeforeEach
    void init() throws Exception {
        repo = GitFixture.init(tmp.resolve("repo"));
    }

    List<Kpis.Week> weeks() throws Exception {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            return Kpis.weeks(
                    Sources.read(git.withHistory(Sources.workingTree(repo.dir()), "HEAD", Derived.HISTORY_PATHS), null),
                    8);
        }
    }

    static Kpis.Week week(List<Kpis.Week> weeks, String id) {
        return weeks.stream().filter(w -> w.id().equals(id)).findFirst().orElseThrow();
    }

    void commitAt(String iso, String path, String text) throws Exception {
        repo.date(iso).write(path, text);
        repo.git("add", "-A");
        repo.commit("at " + iso);
    }

    @Test
    void freshnessIsTheLongestWaitForARegeneratedSummaryWithinTheWeek() throws Exception {
        // ISO week 2026-W10: Monday 2026-03-02
        String log = "# Log\n\n" + entry("2026-03-02 09:00", "manager", "milestone", "completed", null);
        commitAt("2026-03-02T09:05:00Z", Workspace.LOG, log);
        commitAt("2026-03-02T09:35:00Z", ExecSummary.PATH, "summary 1\n");
        log += entry("2026-03-03 10:00", "manager", "milestone", "completed", null);
        commitAt("2026-03-03T10:00:00Z", Workspace.LOG, log);
        commitAt("2026-03-03T12:00:00Z", ExecSummary.PATH, "summary 2\n");
        log += entry("2026-03-10 10:00", "manager", "milestone", "completed", null); // W11: the as-of week
        commitAt("2026-03-10T10:00:00Z", Workspace.LOG, log);
        List<Kpis.Week> weeks = weeks();
        assertThat(weeks).extracting(Kpis.Week::id).containsExactly("2026-W11", "2026-W10");
        assertThat(week(weeks, "2026-W10").values().get("K1")).isEqualTo(new Kpis.Value("2h", false));
        assertThat(week(weeks, "2026-W11").values().get("K1").met()).isNull(); // the week is not over

        // without the slow regeneration the week meets its target
        repo.date(null);
        GitFixture other = GitFixture.init(tmp.resolve("other"));
        repo = other;
        String l2 = "# Log\n\n" + entry("2026-03-02 09:00", "manager", "milestone", "completed", null);
        commitAt("2026-03-02T09:05:00Z", Workspace.LOG, l2);
        commitAt("2026-03-02T09:50:00Z", ExecSummary.PATH, "summary\n");
        l2 += entry("2026-03-09 09:00", "manager", "milestone", "completed", null);
        commitAt("2026-03-09T09:05:00Z", Workspace.LOG, l2);
        assertThat(week(weeks(), "2026-W10").values().get("K1")).isEqualTo(new Kpis.Value("45m", true));
    }

    @Test
    void theWeeklyReportIsOnTimeByItsCommitAgainstFridayFivePmNewYork() throws Exception {
        String log = "# Log\n\n" + entry("2026-03-02 09:00", "manager", "milestone", "completed", null);
        commitAt("2026-03-02T09:00:00Z", Workspace.LOG, log);
        // Friday 2026-03-06 17:00 in New York (EST, UTC-5) is 22:00 UTC
        commitAt("2026-03-06T21:59:00Z", "shared/reports/weekly/2026-W10-report.md", "# W10\n");
        commitAt("2026-03-13T22:30:00Z", "shared/reports/weekly/2026-W11-report.md", "# W11\n");
        log += entry("2026-03-23 09:00", "manager", "milestone", "completed", null);
        commitAt("2026-03-23T09:00:00Z", Workspace.LOG, log);
        List<Kpis.Week> weeks = weeks();
        assertThat(week(weeks, "2026-W10").values().get("K3")).isEqualTo(new Kpis.Value("on time", true));
        assertThat(week(weeks, "2026-W11").values().get("K3")).isEqualTo(new Kpis.Value("1h 30m late", false));
        assertThat(week(weeks, "2026-W12").values().get("K3")).isEqualTo(new Kpis.Value("missing", false));
        String before = metrics();
        // a report committed alone changes nothing derived: the file made before the commit is still
        // what the generator makes after it (derived files settle)
        commitAt("2026-03-23T10:00:00Z", "shared/reports/weekly/2026-W12-report.md", "# W12\n");
        assertThat(metrics()).isEqualTo(before);
        assertThat(week(weeks(), "2026-W12").values().get("K3")).isEqualTo(new Kpis.Value("missing", false));
        // it counts once the log moves on
        log += entry("2026-03-23 11:00", "manager", "milestone", "completed", null);
        commitAt("2026-03-23T11:00:00Z", Workspace.LOG, log);
        assertThat(week(weeks(), "2026-W12").values().get("K3")).isEqualTo(new Kpis.Value("2d 13h late", false));
    }

    @Test
    void aReportIsNotDueBeforeItsDueTime() throws Exception {
        String log = "# Log\n\n" + entry("2026-03-02 09:00", "manager", "milestone", "completed", null)
                + entry("2026-03-06 21:59", "manager", "milestone", "completed", null);
        commitAt("2026-03-06T22:00:00Z", Workspace.LOG, log);
        // the newest entry is a minute before Friday 17:00 New York: W10's report is not due yet
        assertThat(week(weeks(), "2026-W10").values().get("K3")).isEqualTo(new Kpis.Value("not due yet", null));
    }

    private String metrics() throws Exception {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            Sources s =
                    Sources.read(git.withHistory(Sources.workingTree(repo.dir()), "HEAD", Derived.HISTORY_PATHS), null);
            return new KpiMetrics().render(s);
        }
    }

    @Test
    void complianceBacklogErrorRateAndCostFromTheLog() throws Exception {
        String log = "# Log\n\n"
                + entry("2026-03-02 09:00", "manager", "decision-needed", "in-progress", "ref=dec-1")
                + entry("2026-03-02 10:00", "optimizer", "study-iteration", "done", null) // status-invalid
                + entry("2026-03-03 10:00", "optimizer", "error", "failed", null)
                + entry(
                        "2026-03-03 11:00",
                        "secretary",
                        "task-completed",
                        "completed",
                        "generation=report, cost_usd=1.25")
                + entry(
                        "2026-03-04 11:00",
                        "secretary",
                        "task-completed",
                        "completed",
                        "generation=dashboards, cost_usd=1.00")
                + entry("2026-03-10 09:00", "manager", "decision-needed", "completed", "ref=dec-1");
        commitAt("2026-03-10T09:00:00Z", Workspace.LOG, log);
        Map<String, Kpis.Value> w10 = week(weeks(), "2026-W10").values();
        assertThat(w10.get("K2")).isEqualTo(new Kpis.Value("80% of 5", false, new java.math.BigDecimal("80.0")));
        // dec-1 opened Monday 09:00 and still open at Sunday 24:00: 6 days 15 hours
        assertThat(w10.get("K5")).isEqualTo(new Kpis.Value("6d 15h", false, new java.math.BigDecimal("159.0")));
        assertThat(w10.get("K7")).isEqualTo(new Kpis.Value("50% (optimizer)", false));
        assertThat(w10.get("K8")).isEqualTo(new Kpis.Value("$2.25", false));
        Map<String, Kpis.Value> w11 = week(weeks(), "2026-W11").values();
        assertThat(w11.get("K5")).isEqualTo(new Kpis.Value("none open", true, java.math.BigDecimal.ZERO));
        assertThat(w11.get("K2")).isEqualTo(new Kpis.Value("100% of 1", true, new java.math.BigDecimal("100.0")));
    }

    @Test
    void gatesFromSignOffsAndComputedCriteria() throws Exception {
        String log = "# Log\n\n"
                + entry("2026-03-02 09:00", "manager", "milestone", "completed", "gate=G1")
                + entry("2026-03-03 09:00", "optimizer", "task-completed", "completed", null)
                + entry("2026-03-17 09:00", "manager", "milestone", "completed", null);
        commitAt("2026-03-06T21:00:00Z", "shared/reports/weekly/2026-W10-report.md", "# W10\n");
        commitAt("2026-03-13T21:00:00Z", "shared/reports/weekly/2026-W11-report.md", "# W11\n");
        commitAt("2026-03-17T09:00:00Z", Workspace.LOG, log);
        List<Gates> gates;
        try (GitRepo git = GitRepo.open(repo.dir())) {
            Sources s =
                    Sources.read(git.withHistory(Sources.workingTree(repo.dir()), "HEAD", Derived.HISTORY_PATHS), null);
            gates = Gates.of(s, Kpis.weeks(s, 8));
        }
        assertThat(gates).extracting(Gates::id).containsExactly("G1", "G2", "G3", "G4", "G5", "G6");
        assertThat(gates.get(0).passed()).isTrue();
        assertThat(gates.get(0).evidence()).startsWith("signed off 2026-03-02 09:00 by manager");
        assertThat(gates.get(1).passed()).isTrue(); // every active agent logged, all compliant
        assertThat(gates.get(2).passed()).isFalse();
        assertThat(gates.get(3).evidence()).isEqualTo("K1 in 2026-W11: no log commits");
        assertThat(gates.get(4).passed()).isTrue();
        assertThat(gates.get(4).evidence()).isEqualTo("weekly reports 2026-W10 and 2026-W11 committed");
        assertThat(gates.get(5).passed()).isFalse();
    }

    @Test
    void aCommittedKpiFileStaysFreshAfterItsOwnCommit() throws Exception {
        String log = "# Log\n\n" + entry("2026-03-02 09:00", "manager", "milestone", "completed", null);
        commitAt("2026-03-02T09:05:00Z", Workspace.LOG, log);
        log += entry("2026-03-09 09:00", "manager", "milestone", "completed", null);
        commitAt("2026-03-09T09:05:00Z", Workspace.LOG, log);
        dev.atomizer.Atomizer.at(repo.dir(), java.util.Map.of()).dashboards(null);
        assertThat(Files.readString(repo.file(KpiMetrics.PATH))).contains("| 2026-W10 | ❌ 1 log commit never followed");
        repo.date("2026-03-09T09:30:00Z").git("add", "-A");
        repo.commit("Regenerate derived files");
        assertThat(dev.atomizer.Atomizer.at(repo.dir(), java.util.Map.of()).staleDerived())
                .isEmpty();
        // a later log commit makes everything stale, as it should
        log += entry("2026-03-09 10:00", "manager", "milestone", "completed", null);
        commitAt("2026-03-09T10:05:00Z", Workspace.LOG, log);
        assertThat(dev.atomizer.Atomizer.at(repo.dir(), java.util.Map.of()).staleDerived())
                .contains(KpiMetrics.PATH, ExecSummary.PATH);
    }
}
