package dev.atomizer.derive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.FileOutcome;
import dev.atomizer.api.Workspace;
import dev.atomizer.git.Tree;
import dev.atomizer.state.LogState;
import dev.atomizer.state.ProjectHealth;
import dev.atomizer.status.StatusFile.Rag;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the dashboards say about small crafted logs, and how they are written. */
class DashboardsTest {

    @TempDir
    Path tmp;

    static String entry(
            String ts, String agent, String project, String event, String status, String summary, String metrics) {
        return "## [" + ts + "] " + agent + " | " + project + " | " + event + "\n\n**Status:** " + status
                + "\n**Summary:** " + summary + "\n"
                + (status.equals("blocked") ? "**Blockers:** Waiting on the supplier.\n" : "")
                + (metrics == null ? "" : "**Metrics:** " + metrics + "\n") + "\n---\n\n";
    }

    static Tree files(String log, String status) {
        Map<String, byte[]> m = new HashMap<>();
        m.put(Workspace.LOG, log.getBytes(StandardCharsets.UTF_8));
        if (status != null) {
            m.put(Workspace.STATUS, status.getBytes(StandardCharsets.UTF_8));
        }
        return m::get;
    }

    static Sources sources(String log, String status) throws AtomizerException {
        return Sources.read(files(log, status), null);
    }

    static String exec(String log, String status) throws AtomizerException {
        return new ExecSummary().render(sources(log, status));
    }

    static final String STATUS = """
            # Status

            ## Projects

            | Slug | Name | RAG | Owner |
            |------|------|-----|-------|
            | `alpha` | Alpha | Green | manager |
            | `beta` | Beta | Green | tech-lead |
            """;

    @Test
    void aResolvedDecisionLeavesTheList() throws Exception {
        String open = entry(
                "2026-03-02 09:00",
                "manager",
                "alpha",
                "decision-needed",
                "in-progress",
                "Antoine: approve the budget",
                "ref=dec-001");
        String other = entry(
                "2026-03-02 10:00",
                "manager",
                "alpha",
                "decision-needed",
                "in-progress",
                "Antoine: pick a supplier",
                "ref=dec-002");
        String before = exec(open + other, STATUS);
        assertThat(before)
                .contains("**dec-001** alpha, open 1h: Antoine: approve the budget")
                .contains("**dec-002** alpha, open 0m");
        String resolved = entry(
                "2026-03-02 11:00",
                "manager",
                "alpha",
                "decision-needed",
                "completed",
                "Antoine approved the budget",
                "ref=dec-001");
        String after = exec(open + other + resolved, STATUS);
        assertThat(after).doesNotContain("dec-001").contains("**dec-002** alpha, open 1h");
    }

    @Test
    void decisionsAreListedOldestFirstWithTheirAge() throws Exception {
        String log =
                entry("2026-03-05 09:00", "manager", "alpha", "decision-needed", "in-progress", "Newer", "ref=dec-2")
                        + entry("2026-03-05 09:30", "manager", "beta", "milestone", "completed", "Later entry", null);
        String older =
                entry("2026-03-01 09:00", "manager", "beta", "decision-needed", "in-progress", "Older", "ref=dec-1");
        String text = exec(older + log, STATUS);
        assertThat(text.indexOf("**dec-1**")).isLessThan(text.indexOf("**dec-2**"));
        assertThat(text).contains("**dec-1** beta, open 4d ⏰: Older");
    }

    @Test
    void aBlockedProjectIsNoLongerGreen() throws Exception {
        String log = entry("2026-03-02 09:00", "optimizer", "alpha", "study-start", "in-progress", "Study 1", "ref=s-1")
                + entry("2026-03-02 10:00", "nx-expert", "beta", "task-completed", "completed", "Mesh done", null);
        List<ProjectHealth> green = ProjectHealth.of(
                sources(log, STATUS).log(), sources(log, STATUS).status());
        assertThat(green).extracting(ProjectHealth::derived).containsExactly(Rag.GREEN, Rag.GREEN);

        String blocked = log
                + entry(
                        "2026-03-02 11:00",
                        "optimizer",
                        "alpha",
                        "study-iteration",
                        "blocked",
                        "Solver licence lost",
                        "ref=s-1");
        Sources s = sources(blocked, STATUS);
        ProjectHealth alpha = ProjectHealth.of(s.log(), s.status()).get(0);
        assertThat(alpha.derived()).isEqualTo(Rag.AMBER);
        assertThat(alpha.mismatch()).isTrue();
        assertThat(alpha.reasons()).containsExactly("s-1 blocked 0m");
        assertThat(exec(blocked, STATUS)).contains("🟠 **alpha** Amber (declared Green: check) — s-1 blocked 0m");

        // blocked for more than 48 hours: Red
        String stillBlocked =
                blocked + entry("2026-03-04 12:00", "nx-expert", "beta", "milestone", "completed", "Beta gate", null);
        assertThat(derived(stillBlocked)).isEqualTo(Rag.RED);

        // unblocked by the next entry of the same ref
        String unblocked = stillBlocked
                + entry(
                        "2026-03-04 13:00",
                        "optimizer",
                        "alpha",
                        "study-iteration",
                        "completed",
                        "Iteration 1 done",
                        "ref=s-1");
        assertThat(derived(unblocked)).isEqualTo(Rag.GREEN);
    }

    @Test
    void aRecentUnrecoveredFailureIsRedThenAmberThenForgotten() throws Exception {
        String fail = entry("2026-03-02 09:00", "optimizer", "alpha", "error", "failed", "Solver diverged", null);
        String later = entry("2026-03-02 12:00", "manager", "beta", "milestone", "completed", "Gate", null);
        assertThat(derived(fail + later)).isEqualTo(Rag.RED);
        String days = later + entry("2026-03-05 12:00", "manager", "beta", "milestone", "completed", "Gate 2", null);
        assertThat(derived(fail + days)).isEqualTo(Rag.AMBER);
        String recovered = fail
                + entry(
                        "2026-03-02 10:00",
                        "optimizer",
                        "alpha",
                        "study-iteration",
                        "completed",
                        "Re-run converged",
                        null)
                + later;
        assertThat(derived(recovered)).isEqualTo(Rag.GREEN);
    }

    @Test
    void theExecSummaryNeverPassesThirtyLines() throws Exception {
        StringBuilder status = new StringBuilder("## Projects\n\n| Slug | RAG |\n|---|---|\n");
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            String p = "project-" + (100 + i);
            status.append("| ").append(p).append(" | Green |\n");
            log.append(entry(
                    "2026-03-02 " + (10 + i / 60) + ":" + String.format(java.util.Locale.ROOT, "%02d", i % 60),
                    "manager",
                    p,
                    "decision-needed",
                    "in-progress",
                    "Decision " + i,
                    "ref=dec-" + i));
        }
        String text = exec(log.toString(), status.toString());
        assertThat(text.split("\n", -1)).hasSizeLessThanOrEqualTo(ExecSummary.MAX_LINES + 1); // + the final newline
        assertThat(text.lines().count()).isLessThanOrEqualTo(ExecSummary.MAX_LINES);
        // projects and decisions are cut, each saying how many it left out and naming the first of them
        List<String> more = text.lines().filter(l -> l.startsWith("  - …and ")).toList();
        assertThat(more).hasSize(2);
        assertThat(more.get(0)).matches("  - …and \\d+ more: 🟠 project-1\\d\\d, .*…");
        assertThat(more.get(1)).matches("  - …and \\d+ more: dec-\\d+, .*…");
        assertThat(more).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(4 + ExecSummary.Section.MORE + 1));
        // at least 8 of each, shown
        assertThat(text.lines().filter(l -> l.startsWith("  - 🟠 **project-"))).hasSizeGreaterThanOrEqualTo(8);
        assertThat(text.lines().filter(l -> l.startsWith("  - **dec-"))).hasSizeGreaterThanOrEqualTo(8);
    }

    /** The CEO sees every decision waiting on him before the page spends lines on wins. */
    @Test
    void theExecSummarySpendsItsLinesOnDecisionsBeforeWins() throws Exception {
        StringBuilder status = new StringBuilder("## Projects\n\n| Slug | RAG |\n|---|---|\n");
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            String p = "project-" + (10 + i);
            status.append("| ").append(p).append(" | Green |\n");
            log.append(
                    entry("2026-03-02 10:" + (10 + i), "manager", p, "milestone", "completed", "Shipped " + i, null));
        }
        for (int i = 0; i < 8; i++) {
            log.append(entry(
                    "2026-03-02 11:" + (10 + i),
                    "manager",
                    "project-10",
                    "decision-needed",
                    "in-progress",
                    "Decision " + i,
                    "ref=dec-" + i));
        }
        String text = exec(log.toString(), status.toString());
        assertThat(text.lines().count()).isLessThanOrEqualTo(ExecSummary.MAX_LINES);
        for (int i = 0; i < 8; i++) {
            assertThat(text).contains("Decision " + i);
        }
        String decisions = text.substring(text.indexOf("Decisions needed"), text.indexOf("Resource burn"));
        assertThat(decisions).doesNotContain("more");
        // 12 projects (22 lines nested under the sections): all 12 shown, 8 decisions, 1 of 12 wins
        for (int i = 0; i < 12; i++) {
            assertThat(text).contains("  - " + (i == 0 ? "🟠" : "🟢") + " **project-" + (10 + i) + "** ");
        }
        // what did not fit is counted, not dropped silently
        assertThat(text).contains("Shipped 11\n  - …and 11 more\n");
    }

    /**
     * Nine projects, a dozen open decisions, a week's burn: every project on one line, eight
     * decisions or more (the most urgent first), a burn line that says its figures, in 30 lines.
     */
    @Test
    void theExecSummaryShowsEveryProjectEightDecisionsAndTheBurnInThirtyLines() throws Exception {
        String text = crowded();
        String[] projects = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota"};
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSizeLessThanOrEqualTo(ExecSummary.MAX_LINES);
        // every project, one line each
        for (String p : projects) {
            assertThat(lines).filteredOn(l -> l.contains("**" + p + "** ")).hasSize(1);
        }
        // eight decisions or more; past the target first, then the blocked one, then the others oldest first
        List<String> decisions = lines.stream()
                .filter(l -> l.startsWith("  - **dec-"))
                .map(l -> l.substring(4, l.indexOf("** ", 4) + 2))
                .toList();
        assertThat(decisions).hasSizeGreaterThanOrEqualTo(8);
        assertThat(decisions.subList(0, 8))
                .containsExactly(
                        "**dec-10**",
                        "**dec-11**",
                        "**dec-12**",
                        "**dec-13**",
                        "**dec-14**",
                        "**dec-21**",
                        "**dec-15**",
                        "**dec-16**");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  - …and ").contains(": dec-"));
        // the burn: both figures of both windows, on one line, nothing hidden behind a count
        assertThat(lines)
                .contains("- **💰 Resource burn:** today (2026-03-05) 101,500 tokens, $7.85; this week (2026-W10) "
                        + "112,500 tokens, $10.60, 89% of the tokens by optimizer");
        assertThat(text).doesNotContain("(+1 more)");
        // the three top risks, whole
        assertThat(lines).filteredOn(l -> l.contains(" impact, ")).hasSize(3);
        // wins: what is left, counted
        assertThat(text).contains("Gate 4 passed");

        // GitHub-flavoured markdown: one list, each section an item with its lines nested under it
        org.commonmark.parser.Parser parser = org.commonmark.parser.Parser.builder()
                .extensions(List.of(org.commonmark.ext.gfm.tables.TablesExtension.create()))
                .build();
        String html = org.commonmark.renderer.html.HtmlRenderer.builder()
                .extensions(List.of(org.commonmark.ext.gfm.tables.TablesExtension.create()))
                .build()
                .render(parser.parse(text));
        assertThat(html)
                .startsWith("<!-- Executive summary")
                .contains(
                        "<h1>Executive summary — 2026-03-05 14:00</h1>\n<ul>\n<li><strong>🚦 Projects</strong>\n<ul>\n<li>")
                .contains("<li><strong>💰 Resource burn:</strong> today (2026-03-05) 101,500 tokens")
                .doesNotContain("<p>")
                .doesNotContain("**");
        // one outer list of five sections; all nested lists inside it
        assertThat(html.split("<ul>", -1)).hasSize(1 + 1 + 4);
        assertThat(html.indexOf("</ul>\n</li>\n</ul>")).isPositive();
    }

    /** The crowded page passes markdownlint (sample-repo's configuration), when bench/node_modules has it. */
    @Test
    void theCrowdedExecSummaryPassesMarkdownlint() throws Exception {
        Files.writeString(tmp.resolve("exec-summary.md"), crowded());
        Files.copy(Path.of("../sample-repo/.markdownlint-cli2.jsonc"), tmp.resolve(".markdownlint-cli2.jsonc"));
        dev.atomizer.Commands.markdownlintClean(tmp, "exec-summary.md");
    }

    /** Nine projects, twelve open decisions (one blocked), five wins and four risks, with tokens and cost. */
    static String crowded() throws AtomizerException {
        String status = """
                ## Projects

                | Slug | RAG |
                |---|---|
                | alpha | Green |
                | beta | Green |
                | gamma | Green |
                | delta | Green |
                | epsilon | Green |
                | zeta | Green |
                | eta | Green |
                | theta | Green |
                | iota | Green |

                ## Risks

                | # | Risk | Project | Effect | Impact | Likelihood | Mitigation |
                |---|------|---------|--------|--------|------------|------------|
                | 1 | Supplier late | `alpha` | Slip | High | High | Second supplier |
                | 2 | Licence outage | `beta` | Slip | Medium | Low | Spare server |
                | 3 | Budget overrun | `gamma` | Cost | Low | Medium | Weekly review |
                | 4 | Minor | `delta` | None | Low | Low | None |
                """;
        String[] projects = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota"};
        StringBuilder log = new StringBuilder();
        // twelve decisions, one every six hours from Monday: the first ones past the 48 h target
        for (int i = 0; i < 12; i++) {
            java.time.LocalDateTime t =
                    java.time.LocalDateTime.of(2026, 3, 2, 8, 0).plusHours(6L * i);
            log.append(entry(
                    dev.atomizer.state.Format.timestamp(t),
                    "manager",
                    projects[i % projects.length],
                    "decision-needed",
                    "in-progress",
                    "Decision " + i,
                    "ref=dec-" + (10 + i) + ", tokens=1000, cost_usd=0.25"));
        }
        // dec-21, the newest, holds work up: before the other decisions within the target
        log.append(entry(
                "2026-03-05 07:00",
                "manager",
                "iota",
                "decision-needed",
                "blocked",
                "Still waiting",
                "ref=dec-21, tokens=500, cost_usd=0.10"));
        for (int i = 0; i < 5; i++) {
            log.append(entry(
                    "2026-03-05 1" + i + ":00",
                    "optimizer",
                    projects[i],
                    "milestone",
                    "completed",
                    "Gate " + i + " passed",
                    "tokens=20000, cost_usd=1.50"));
        }
        return exec(log.toString(), status);
    }

    @Test
    void everyDashboardWorksFromTheLogAlone() throws Exception {
        String log = entry(
                        "2026-03-02 09:00",
                        "optimizer",
                        "alpha",
                        "study-start",
                        "in-progress",
                        "Study",
                        "ref=s-1, max_iter=10")
                + entry(
                        "2026-03-02 10:00",
                        "optimizer",
                        "alpha",
                        "study-iteration",
                        "completed",
                        "it 1",
                        "ref=s-1, iteration=1, objective=5.5, constraint_ok=true, convergence=10, tokens=1000, cost_usd=0.01")
                + entry(
                        "2026-03-02 11:00",
                        "optimizer",
                        "alpha",
                        "study-iteration",
                        "completed",
                        "it 2",
                        "ref=s-1, iteration=2, objective=5.1, constraint_ok=false, convergence=20, tokens=1000, cost_usd=0.01")
                + entry(
                        "2026-03-02 12:00",
                        "optimizer",
                        "alpha",
                        "study-iteration",
                        "completed",
                        "it 3",
                        "ref=s-1, iteration=3, objective=5.3, constraint_ok=true, convergence=30, tokens=500, cost_usd=0.005");
        Map<String, byte[]> out = Derived.generate(sources(log, null));
        assertThat(out).containsOnlyKeys(ExecSummary.PATH, Technical.PATH, Operations.PATH, KpiMetrics.PATH);
        String exec = new String(out.get(ExecSummary.PATH), StandardCharsets.UTF_8);
        assertThat(exec)
                .startsWith("<!-- Executive summary: generated by atomizer from shared/project_log.md as of "
                        + "2026-03-02 12:00. Do not edit")
                .contains("🟢 **alpha** Green — last entry 2026-03-02 12:00")
                .contains("- **💰 Resource burn:** today (2026-03-02) 2,500 tokens, $0.03; this week")
                .contains("- **⚠️ Top risks:** *none listed*");
        String tech = new String(out.get(Technical.PATH), StandardCharsets.UTF_8);
        // the best objective is the lowest whose constraints hold: 5.3, not 5.1
        assertThat(tech)
                .contains("| s-1 | alpha | running | 3 / 10 | 5.3 (iter 3) | 30% | 2026-03-02 12:00 |")
                .contains("| 6 | 1 | 3 | 0 | 3 | 0 |")
                .contains("    line [5.5, 5.1, 5.3]")
                .contains("*No model registry");
        String ops = new String(out.get(Operations.PATH), StandardCharsets.UTF_8);
        assertThat(ops)
                .contains("| optimizer | 🟢 | 2026-03-02 12:00 | 0m | 0 | 4 |")
                .contains("(none listed)");
    }

    @Test
    void cellsAreEscapedAndHtmlNeutralised() throws Exception {
        String log = entry(
                "2026-03-02 09:00",
                "manager",
                "alpha",
                "task-delegated",
                "in-progress",
                "Check a | b <script> in the table",
                "ref=task-1, to=nx-expert");
        String ops = new Operations().render(sources(log, null));
        assertThat(ops).contains("Check a \\| b \\<script\\> in the table").doesNotContain("<script>");
    }

    @Test
    void asOfIsTheNewestEntryOrTheOneGivenNeverTheClock() throws Exception {
        String log = entry("2026-03-02 09:00", "manager", "alpha", "decision-needed", "in-progress", "Early", "ref=d-1")
                + entry("2026-03-03 09:00", "manager", "alpha", "decision-needed", "completed", "Done", "ref=d-1");
        assertThat(sources(log, null).log().asOf()).isEqualTo(LocalDateTime.of(2026, 3, 3, 9, 0));
        Sources earlier = Sources.read(files(log, null), LocalDateTime.of(2026, 3, 2, 21, 0));
        String text = new ExecSummary().render(earlier);
        assertThat(text).contains("as of 2026-03-02 21:00").contains("**d-1** alpha, open 12h: Early");
        assertThat(Derived.generate(sources(log, null)))
                .usingRecursiveComparison()
                .isEqualTo(Derived.generate(sources(log, null)));
    }

    @Test
    void malformedEntriesAreSkippedAndAnEmptyLogStillRenders() throws Exception {
        String log = "# Log\n\n## not a heading | x\n\n**Status:** completed\n\n---\n\n"
                + entry("2026-03-02 09:00", "manager", "alpha", "milestone", "completed", "Gate G1 passed", null);
        LogState s = sources(log, null).log();
        assertThat(s.skipped()).isEqualTo(1);
        assertThat(s.entries()).hasSize(1);
        for (byte[] b : Derived.generate(sources("", null)).values()) {
            assertThat(new String(b, StandardCharsets.UTF_8)).contains("no entries yet");
        }
    }

    @Test
    void writesAreAtomicAndUnchangedFilesAreLeftAlone() throws Exception {
        Files.createDirectories(tmp.resolve("shared"));
        Files.writeString(
                tmp.resolve(Workspace.LOG),
                entry("2026-03-02 09:00", "manager", "alpha", "milestone", "completed", "Gate", null));
        List<FileOutcome> first =
                dev.atomizer.Atomizer.at(tmp, java.util.Map.of()).dashboards(null);
        assertThat(first).allMatch(FileOutcome::written).hasSize(4);
        Path exec = tmp.resolve(ExecSummary.PATH);
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(exec, old);
        List<FileOutcome> second =
                dev.atomizer.Atomizer.at(tmp, java.util.Map.of()).dashboards(null);
        assertThat(second).noneMatch(FileOutcome::written);
        assertThat(Files.getLastModifiedTime(exec)).isEqualTo(old);
        try (Stream<Path> left = Files.list(exec.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("exec-summary.md", "technical.md", "operations.md");
        }
        assertThat(Files.readString(tmp.resolve(Workspace.LOG))).doesNotContain("generated"); // the log is untouched
        assertThat(dev.atomizer.Atomizer.at(tmp, java.util.Map.of()).staleDerived())
                .isEmpty();
        Files.writeString(exec, "hand edit\n");
        assertThat(dev.atomizer.Atomizer.at(tmp, java.util.Map.of()).staleDerived())
                .containsExactly(ExecSummary.PATH);
    }

    @Test
    void aMetricValueOutOfBoundsIsTextToEveryDerivation() throws Exception {
        String log = "# Log\n\n"
                + entry(
                        "2026-02-16 09:00",
                        "optimizer",
                        "bracket-topopt",
                        "study-start",
                        "in-progress",
                        "Start.",
                        "cost_usd=1e999999999 tokens=1e30000000")
                + entry(
                        "2026-02-16 10:00",
                        "optimizer",
                        "bracket-topopt",
                        "study-iteration",
                        "completed",
                        "Iter.",
                        "iteration=1e-999999999 objective=1e30000000 cost_usd=-9e99999")
                + entry(
                        "2026-02-16 11:00",
                        "optimizer",
                        "bracket-topopt",
                        "study-iteration",
                        "completed",
                        "Iter.",
                        "iteration=2 objective=" + "9".repeat(5000) + " cost_usd=1.5");
        Map<String, byte[]> out = Derived.generate(sources(log, null));
        assertThat(out).hasSize(4);
        String exec = new String(out.get("shared/dashboards/exec-summary.md"), StandardCharsets.UTF_8);
        assertThat(exec).contains("1.50").doesNotContain("E+").doesNotContain("999999999");
    }

    @Test
    void anAsOfBeforeTheFirstEntryGivesDashboardsWithNothingYet() throws Exception {
        String log = "# Log\n\n"
                + entry("2026-02-16 09:00", "optimizer", "bracket-topopt", "milestone", "completed", "Done.", null);
        Map<String, byte[]> out =
                Derived.generate(Sources.read(files(log, null), java.time.LocalDateTime.of(1900, 1, 1, 0, 0)));
        assertThat(out).hasSize(4);
        assertThat(new String(out.get("shared/kpi/metrics.md"), StandardCharsets.UTF_8))
                .contains("no entries yet");
    }

    /** The derived RAG of the first project of {@code STATUS} under {@code log}. */
    static Rag derived(String log) throws Exception {
        Sources s = sources(log, STATUS);
        return ProjectHealth.of(s.log(), s.status()).get(0).derived();
    }
}
