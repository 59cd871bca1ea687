package dev.atomizer.lint.rule;

import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;
import dev.atomizer.log.FieldLine;
import dev.atomizer.log.Metric;

/** spec: Metrics is not a list of {@code key=value}. */
public final class MetricsFormat implements EntryRule {

    @Override
    public String id() {
        return RuleCatalog.METRICS_FORMAT;
    }

    @Override
    public void check(EntryContext context, Report report) {
        FieldLine f = context.entry().field("Metrics");
        if (f == null) {
            return;
        }
        if (!f.continuation().isEmpty()) {
            report.at(f.line() + 1, 1, "Metrics must be on one line: key=value pairs separated by commas or spaces");
        }
        if (f.value().isEmpty()) {
            report.at(f.line(), f.column(), "Metrics is empty; add key=value pairs or remove the field");
            return;
        }
        for (Metric m : context.entry().metrics()) {
            if (m.problem() != null) {
                report.at(f.line(), m.column(), m.problem() + "; Metrics is a list of key=value pairs "
                        + "(e.g. 'iteration=12, objective=0.031')");
            }
        }
    }
}
