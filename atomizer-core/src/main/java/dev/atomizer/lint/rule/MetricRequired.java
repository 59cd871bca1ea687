package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.contract.EventType;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.EntryHeader;
import dev.atomizer.log.FieldLine;
import dev.atomizer.log.Metric;
import java.util.HashSet;
import java.util.Set;

/** the contract requires a metric for this event type and it is absent. */
@AutoService(Rule.class)
public final class MetricRequired extends EntryRule {

    @Override
    public void check(EntryContext context, Report report) {
        EntryHeader h = context.entry().header();
        if (!h.wellFormed()) {
            return;
        }
        EventType type = context.contract().eventTypes().get(h.event());
        if (type == null || type.requiredMetrics().isEmpty()) {
            return;
        }
        FieldLine f = context.entry().field("Metrics");
        Set<String> present = new HashSet<>();
        if (f != null) {
            for (Metric m : context.entry().metrics()) {
                if (m.problem() == null) {
                    present.add(m.key());
                }
            }
        }
        for (String key : type.requiredMetrics()) {
            // written but malformed ('iteration: 3'): metrics-format names it, with the line as meant
            if (!present.contains(key)
                    && f != null
                    && java.util.regex.Pattern.compile(
                                    "(?<![a-z0-9_])" + java.util.regex.Pattern.quote(key) + "(?![a-z0-9_])")
                            .matcher(f.value())
                            .find()) {
                continue;
            }
            if (!present.contains(key)) {
                int line = f == null ? context.entry().line() : f.line();
                int column = f == null ? h.eventColumn() : f.column();
                report.at(
                        line,
                        column,
                        "a '" + h.event() + "' entry needs the metric '" + key + "' (required: "
                                + String.join(", ", type.requiredMetrics()) + "); add '" + key
                                + "=<value>' to **Metrics:**");
            }
        }
    }

    public MetricRequired() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("metric-required", Severity.ERROR, "metrics")
            .fires(
                    "the contract requires a metric for this event type and it is absent (default: `study-iteration` requires `iteration` and `objective`)")
            .fix(
                    "Add the required metric to '**Metrics:**' (default: study-iteration requires iteration and objective).")
            .protects(
                    "The metrics the charts and KPIs need: a study iteration without its objective leaves a hole in the convergence chart.");
}
