package dev.atomizer.derive;

import dev.atomizer.state.Format;
import java.util.ArrayList;
import java.util.List;

/** {@code kpi/metrics.md}: the rolling weekly KPI table, the gates, and how each is computed. */
public final class KpiMetrics implements Artifact {

    public static final String PATH = "shared/kpi/metrics.md";
    public static final int WEEKS = 8;

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public String render(Sources s) {
        Page page = new Page(s.banner("KPIs and gates") .replace("from " + dev.atomizer.Workspace.LOG,
                "from " + dev.atomizer.Workspace.LOG + (s.history() == null ? "" : ", the git history")));
        page.h1("KPIs and gates — " + s.asOfText());
        List<Kpis.Week> weeks = Kpis.weeks(s, WEEKS);
        page.h2("Weekly KPIs");
        if (weeks.isEmpty()) {
            page.paragraph("*The log has no entries yet.*");
        } else {
            Md.Table t = new Md.Table("Week", "K1 freshness", "K2 log compliance", "K3 report on time",
                    "K4 exec lines", "K5 oldest decision", "K6 surprises", "K7 worst error rate", "K8 generation cost");
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
        }
        page.h2("Gates");
        Md.Table g = new Md.Table("Gate", "Name", "Status", "Evidence");
        for (Gates gate : Gates.of(s, weeks)) {
            g.row(gate.id(), gate.name(), gate.passed() ? "✅ passed" : "⏳ open", gate.evidence());
        }
        page.table(g);
        page.h2("How each is computed");
        page.bullets(List.of(
                "**K1 dashboard freshness** (target ≤ 1 h): for each commit of the week that changed the log, the time until "
                        + "a commit of the same week changed `exec-summary.md`; the worst of the week (complete weeks "
                        + "only). From the git history up to the commit before this file's.",
                "**K2 log compliance** (≥ 95%): the week's entries with no error under the contract (lint).",
                "**K3 weekly report on time** (100%): the commit that added `reports/weekly/YYYY-Www-report.md`, "
                        + "against " + Md.inline(s.status().settings().getOrDefault("weekly report due", Kpis.DEFAULT_DUE))
                        + " of that week (the `Weekly report due` setting of PROJECT_STATUS.md).",
                "**K4 CEO read-time** (≤ 30 lines): the exec summary's length now; it is capped by construction.",
                "**K5 decision backlog age** (≤ 48 h): the oldest `decision-needed` still open at the week's end.",
                "**K6 status accuracy** (no surprises): projects PROJECT_STATUS.md declares better than the log shows, now.",
                "**K7 agent error rate** (≤ 5%): the worst agent's share of `error` or `failed` entries in its entries.",
                "**K8 generation cost** (≤ $2/week): `cost_usd` of entries tagged `generation=` (dashboard and report "
                        + "work by agents; atomizer itself spends no tokens).",
                "Not measurable from the repository: how long the CEO actually reads (K4 uses length), and whether "
                        + "reality matches beyond what the log records (K6 compares the declared and derived RAG).",
                "Gates: G1 and G3 are sign-offs (a `milestone` with `gate=G1`/`gate=G3`); G2, G4, G5 and G6 are computed "
                        + "(G2: a 48 h window with ≥ 95% compliant entries from every agent active that week; G4: K1 "
                        + "met in the last complete week; G5: weekly reports for two "
                        + "consecutive weeks; G6: every KPI measured and met in two consecutive weeks).",
                "Weeks are ISO weeks (Monday 00:00 to Sunday 24:00, UTC as in the log); as of " + s.asOfText() + "."));
        return page.text();
    }

    static String week(java.time.LocalDate d) {
        return Format.isoWeek(d);
    }
}
