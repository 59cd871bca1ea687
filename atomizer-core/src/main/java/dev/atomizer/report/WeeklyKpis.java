package dev.atomizer.report;

import dev.atomizer.derive.Burn;
import dev.atomizer.state.Entry;
import dev.atomizer.state.Format;
import dev.atomizer.state.Track;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The KPI table of the weekly report. For now the activity the log shows directly (entries,
 * decisions opened and closed, tasks done, errors, tokens, cost); the KPIs K1–K8 plug in as
 * further {@link KpiSource}s.
 */
public final class WeeklyKpis {

    /** The sources whose rows make the table, in order. */
    public static final List<KpiSource> SOURCES = List.of(WeeklyKpis::activity, WeeklyKpis::kpis);

    private WeeklyKpis() {}

    /** Every source's rows, in order. */
    public static List<KpiRow> rows(WeekData thisWeek, WeekData lastWeek) {
        List<KpiRow> out = new ArrayList<>();
        for (KpiSource s : SOURCES) {
            out.addAll(s.rows(thisWeek, lastWeek));
        }
        return out;
    }

    /**
     * The KPIs that the log alone measures (K2 compliance, K5 decision backlog, K7 error rate,
     * K8 generation cost), as dev.atomizer.derive.Kpis computes them for kpi/metrics.md. The ones
     * that need git history (K1, K3) or the present (K4, K6) stay in kpi/metrics.md: a report is a
     * snapshot of the log up to its week's end.
     */
    static List<KpiRow> kpis(WeekData now, WeekData before) {
        List<dev.atomizer.derive.Kpis.Week> weeks = dev.atomizer.derive.Kpis.weeks(now.sources(), 2);
        if (weeks.isEmpty()) {
            return List.of();
        }
        dev.atomizer.derive.Kpis.Week a = weeks.get(0);
        dev.atomizer.derive.Kpis.Week b = weeks.size() > 1 ? weeks.get(1) : null;
        List<KpiRow> out = new ArrayList<>();
        String[][] kpis = {
            {"K2", "Log compliance (≥ 95%)"},
            {"K5", "Oldest open decision (≤ 48 h)"},
            {"K7", "Worst agent error rate (≤ 5%)"},
            {"K8", "Generation cost (≤ $2)"}
        };
        for (String[] k : kpis) {
            dev.atomizer.derive.Kpis.Value x = a.values().get(k[0]);
            dev.atomizer.derive.Kpis.Value y = b == null ? null : b.values().get(k[0]);
            out.add(new KpiRow(
                    k[0],
                    k[1],
                    mark(x),
                    y == null ? "–" : mark(y),
                    y == null || x.met() == null || y.met() == null || x.met().equals(y.met())
                            ? "="
                            : x.met() ? "↑ now met" : "↓ now missed"));
        }
        return out;
    }

    private static String mark(dev.atomizer.derive.Kpis.Value v) {
        return (v.met() == null ? "" : v.met() ? "✅ " : "❌ ") + v.text();
    }

    /** Counts of the week's log activity. */
    static List<KpiRow> activity(WeekData now, WeekData before) {
        List<KpiRow> out = new ArrayList<>();
        out.add(count("Log entries", now, before, w -> (long) w.entries().size()));
        out.add(count("Decisions opened", now, before, w -> decisions(w, true)));
        out.add(count("Decisions closed", now, before, w -> decisions(w, false)));
        out.add(count(
                "Tasks done",
                now,
                before,
                w -> w.entries().stream().filter(w::isTaskDone).count()));
        out.add(count(
                "Errors",
                now,
                before,
                w -> w.entries().stream().filter(w::isError).count()));
        Burn a = burn(now);
        Burn b = burn(before);
        out.add(new KpiRow(
                "",
                "Tokens",
                Format.count(a.tokens()),
                Format.count(b.tokens()),
                trend(
                        BigDecimal.valueOf(a.tokens()),
                        BigDecimal.valueOf(b.tokens()),
                        d -> Format.count(d.longValue()))));
        out.add(new KpiRow(
                "", "Cost", Format.usd(a.cost()), Format.usd(b.cost()), trend(a.cost(), b.cost(), Format::usd)));
        return out;
    }

    private static KpiRow count(String metric, WeekData now, WeekData before, Function<WeekData, Long> f) {
        long a = f.apply(now);
        long b = f.apply(before);
        return new KpiRow(
                "",
                metric,
                Format.count(a),
                Format.count(b),
                trend(BigDecimal.valueOf(a), BigDecimal.valueOf(b), d -> Format.count(d.longValue())));
    }

    /** Decision tracks opened in the week, or closed (their closing entry) in it. */
    static long decisions(WeekData w, boolean opened) {
        long n = 0;
        for (Track t : w.sources().log().decisions()) {
            if (opened
                    ? w.week().contains(t.since())
                    : !t.open() && w.week().contains(t.latest().time())) {
                n++;
            }
        }
        return n;
    }

    private static Burn burn(WeekData w) {
        Burn b = Burn.ZERO;
        for (Entry e : w.entries()) {
            b = b.plus(e);
        }
        return b;
    }

    /** "↑ +3", "↓ -2" or "=". */
    static String trend(BigDecimal now, BigDecimal before, Function<BigDecimal, String> format) {
        int c = now.compareTo(before);
        if (c == 0) {
            return "=";
        }
        BigDecimal d = now.subtract(before);
        return c > 0 ? "↑ +" + format.apply(d) : "↓ -" + format.apply(d.negate());
    }
}
