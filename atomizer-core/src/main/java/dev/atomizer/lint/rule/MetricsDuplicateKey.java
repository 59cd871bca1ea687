package dev.atomizer.lint.rule;

import dev.atomizer.api.Severity;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Rule;
import com.google.auto.service.AutoService;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.FieldLine;
import dev.atomizer.log.Metric;
import java.util.HashSet;
import java.util.Set;

/** a metric key repeats within one entry. */
@AutoService(Rule.class)
public final class MetricsDuplicateKey extends EntryRule {

    public static final String ID = "metrics-duplicate-key";

    public MetricsDuplicateKey() {
        super(RuleInfo.of(ID, Severity.ERROR, "metrics")
                .fires("a metric key repeats within one entry")
                .fix("Keep one value per metric key."));
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
