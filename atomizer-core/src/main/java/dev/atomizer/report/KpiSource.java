package dev.atomizer.report;

import java.util.List;

/**
 * Where the weekly report's KPI rows come from: {@link WeeklyKpis#SOURCES} in order. The seam for
 * the KPIs K1–K8: a source computing them from the log (and git history) is added to that list,
 * and its rows appear in the report's KPI table with no template change.
 */
public interface KpiSource {

    /** Rows for the reported week, compared with the week before (both folded to the reported week's end). */
    List<KpiRow> rows(WeekData thisWeek, WeekData lastWeek);
}
