package dev.atomizer.report;

/**
 * One row of a weekly report's KPI table.
 *
 * @param id       the KPI id (K1…K8), or "" for an activity count
 * @param metric   what is measured
 * @param thisWeek the value in the reported week
 * @param lastWeek the value in the week before
 * @param trend    how it moved: "↑ +3", "↓ -2", "=" (or "" when it does not compare)
 */
public record KpiRow(String id, String metric, String thisWeek, String lastWeek, String trend) {}
