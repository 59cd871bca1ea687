package dev.atomizer.derive;

import dev.atomizer.contract.Sections.Section;
import dev.atomizer.contract.Settings;
import dev.atomizer.contract.Settings.Setting;
import dev.atomizer.state.Format;
import java.util.ArrayList;
import java.util.List;

/** {@code kpi/metrics.md}: the rolling weekly KPI table, the gates, and how each is computed. */
public final class KpiMetrics extends Artifact {

    public static final String PATH = "shared/kpi/metrics.md";
    public static final int WEEKS = 8;

    public KpiMetrics() {
        super(PATH);
    }

    @Override
    public String render(Sources s) {
        Page page = new Page(s.banner("KPIs and gates")
                .replace(
                        "from " + dev.atomizer.api.Workspace.LOG,
                        "from " + dev.atomizer.api.Workspace.LOG + (s.history() == null ? "" : ", the git history")));
        page.h1("KPIs and gates — " + s.asOfText());
        List<Kpis.Week> weeks = Kpis.weeks(s, WEEKS);
        page.h2("Weekly KPIs");
        if (weeks.isEmpty()) {
            page.paragraph("*The log has no entries yet.*");
        } else {
            Md.Table t = new Md.Table(
                    "Week",
                    "K1 freshness",
                    "K2 log compliance",
                    "K3 report on time",
                    "K4 exec lines",
                    "K5 oldest decision",
                    "K6 surprises",
                    "K7 worst error rate",
                    "K8 generation cost");
            for (Kpis.Week w : weeks) {
                List<String> cells = new ArrayList<>();
                cells.add(w.id() + (w.partial() ? " (to " + s.asOfText().substring(5) + ")" : ""));
                for (String id : Kpis.IDS) {
                    Kpis.Value v = w.values().get(id);
                    String mark = v.met() == null ? "" : v.met() ? "✅ " : "❌ ";
                    cells.add(mark + Md.inline(v.text()));
                }
                t.rowMarkdown(cells.toArray(new String[0]));
            }
            page.paragraph("✅ target met, ❌ missed, no mark: not measurable that week. Newest week first.");
            page.table(t);
            trends(page, weeks);
        }
        page.h2("Gates");
        Md.Table g = new Md.Table("Gate", "Name", "Status", "Evidence");
        for (Gates gate : Gates.of(s, weeks)) {
            g.row(gate.id(), gate.name(), gate.passed() ? "✅ passed" : "⏳ open", gate.evidence());
        }
        page.table(g);
        page.h2("How each is computed");
        Settings set = s.contract().settings();
        page.bullets(List.of(
                "**K1 dashboard freshness** (target ≤ " + target(set.minutes(Setting.K1_TARGET))
                        + "): for each commit of the week that changed the log, the time until "
                        + "a commit of the same week changed `exec-summary.md`; the worst of the week (complete weeks "
                        + "only). From the git history up to the commit before this file's.",
                "**K2 log compliance** (≥ " + set.get(Setting.K2_TARGET)
                        + "%): the week's entries with no error under the contract (lint).",
                "**K3 weekly report on time** (100%): the commit that added `reports/weekly/YYYY-Www-report.md`, "
                        + "against " + Md.inline(set.get(Setting.WEEKLY_DUE))
                        + " of that week (the `Weekly report due` "
                        + "setting of schemas.md). A commit counts once a later commit changes the log, so committing "
                        + "a report never makes this file stale. A revision (`…-report.r2.md`) is named beside it; "
                        + "the original's commit is the one that counts.",
                "**K4 CEO read-time** (≤ " + ExecSummary.MAX_LINES
                        + " lines): the exec summary's length now; it is capped by construction.",
                "**K5 decision backlog age** (≤ " + target(set.minutes(Setting.K5_TARGET)) + "): the oldest decision ("
                        + types(s, Section.DECISIONS) + ") still open at the week's end.",
                "**K6 status accuracy** (no surprises): projects PROJECT_STATUS.md declares better than the log shows, now.",
                "**K7 agent error rate** (≤ " + set.get(Setting.K7_TARGET) + "%): the worst agent's share of error "
                        + "entries (" + types(s, Section.ERRORS) + " or status `failed`) in its entries.",
                "**K8 generation cost** (≤ $" + set.get(Setting.K8_TARGET)
                        + "/week): `cost_usd` of entries tagged `generation=` (dashboard and report "
                        + "work by agents; atomizer itself spends no tokens).",
                "Not measurable from the repository: how long the CEO actually reads (K4 uses length), and whether "
                        + "reality matches beyond what the log records (K6 compares the declared and derived RAG).",
                "Gates: G1 and G3 are sign-offs (a completed " + types(s, Section.MILESTONES) + " entry with "
                        + "`gate=G1`/`gate=G3`); G2, G4, G5 and G6 are computed "
                        + "(G2: a 48 h window with ≥ 95% compliant entries from every agent active that week; G4: K1 "
                        + "met in the last complete week; G5: weekly reports committed for two "
                        + "consecutive weeks; G6: every KPI measured and met in two consecutive weeks).",
                "Weeks are ISO weeks (Monday 00:00 to Sunday 24:00, "
                        + set.zone().getId() + " as in the log); as of " + s.asOfText() + "."));
        return page.text();
    }

    /** K2 and K5 over the weeks of the table, oldest first: the two trends a reader looks for. */
    private static void trends(Page page, List<Kpis.Week> weeks) {
        if (weeks.size() < 2) {
            return;
        }
        List<String> ids = new ArrayList<>();
        List<java.math.BigDecimal> k2 = new ArrayList<>();
        List<java.math.BigDecimal> k5 = new ArrayList<>();
        for (int i = weeks.size() - 1; i >= 0; i--) {
            Kpis.Week w = weeks.get(i);
            ids.add(w.id().substring(5) + (w.partial() ? " so far" : ""));
            k2.add(w.values().get("K2").amount());
            k5.add(w.values().get("K5").amount());
        }
        page.h3("Trends");
        Chart compliance = Chart.categories("K2 log compliance by week (%)", "week", ids, "% of entries")
                .line("K2", k2);
        Chart backlog = Chart.categories("K5 oldest open decision at the week's end (hours)", "week", ids, "hours")
                .bar("K5", k5);
        for (Chart c : List.of(compliance, backlog)) {
            if (c.hasData()) {
                page.lines(c.lines());
            }
        }
    }

    /** "48 h", "90 min". */
    static String target(java.time.Duration d) {
        long m = d.toMinutes();
        return m % 60 == 0 ? m / 60 + " h" : m + " min";
    }

    /** The section's event types as inline code, "no event type" when the contract maps none. */
    static String types(Sources s, Section section) {
        List<String> out = new ArrayList<>();
        for (String t : s.contract().section(section)) {
            out.add("`" + t + "`");
        }
        return out.isEmpty() ? "no event type" : String.join(", ", out);
    }

    static String week(java.time.LocalDate d) {
        return Format.isoWeek(d);
    }
}
