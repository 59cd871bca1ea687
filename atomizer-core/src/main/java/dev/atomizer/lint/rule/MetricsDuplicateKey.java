package dev.atomizer.lint.rule;

import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;
import dev.atomizer.log.FieldLine;
import dev.atomizer.log.Metric;
import java.util.HashSet;
import java.util.Set;

/** a metric key repeats within one entry. */
public final class MetricsDuplicateKey implements EntryRule {

    @Override
    public String id() {
        return RuleCatalog.METRICS_DUPLICATE_KEY;
    }

    @Override
    public void check(EntryContext context, Report report) {
        FieldLine f = context.entry().field("Metrics");
        if (f == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (Metric m : context.entry().metrics()) {
            if (m.problem() == null && !seen.add(m.key())) {
                report.at(f.line(), m.column(), "metric '" + m.key() + "' appears twice; keep one value");
            }
        }
    }
}
