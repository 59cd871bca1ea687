package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.FieldRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.FieldLine;
import dev.atomizer.log.Metric;
import java.util.HashSet;
import java.util.Set;

/** a metric key repeats within one entry. */
@AutoService(Rule.class)
public final class MetricsDuplicateKey extends FieldRule {

    @Override
    protected void check(FieldLine f, EntryContext context, Report report) {
        Set<String> seen = new HashSet<>();
        for (Metric m : context.entry().metrics()) {
            if (m.problem() == null && !seen.add(m.key())) {
                report.at(f.line(), m.column(), "metric '" + m.key() + "' appears twice; keep one value");
            }
        }
    }

    public MetricsDuplicateKey() {
        super("Metrics", INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("metrics-duplicate-key", Severity.ERROR, "metrics")
            .fires("a metric key repeats within one entry")
            .fix("Keep one value per metric key.")
            .protects("One value per metric key, so no chart or KPI picks one of two at random.");
}
