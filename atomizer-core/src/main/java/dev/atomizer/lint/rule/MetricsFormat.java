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
import org.jspecify.annotations.Nullable;

/** Metrics is not a list of {@code key=value}. */
@AutoService(Rule.class)
public final class MetricsFormat extends FieldRule {

    /** A pair written with spaces around '=' or with ':' instead: {@code iteration = 3}, {@code objective: 0.5}. */
    private static final java.util.regex.Pattern LOOSE_PAIR =
            java.util.regex.Pattern.compile("([a-z][a-z0-9_]*)\\s*[:=]\\s*([^\\s,;:=]+)");

    @Override
    protected void check(FieldLine f, EntryContext context, Report report) {
        if (!f.continuation().isEmpty()) {
            report.at(f.line() + 1, 1, "Metrics must be on one line: key=value pairs separated by commas or spaces");
        }
        if (f.value().isEmpty()) {
            report.at(f.line(), f.column(), "Metrics is empty; add key=value pairs or remove the field");
            return;
        }
        // one typo, one error: the first bad token, how many more, and the line as it was meant
        Metric first = null;
        int bad = 0;
        for (Metric m : context.entry().metrics()) {
            if (m.problem() != null) {
                first = first == null ? m : first;
                bad++;
            }
        }
        if (first == null) {
            return;
        }
        String meant = meant(f.value());
        report.at(
                f.line(),
                first.column(),
                first.problem()
                        + (bad > 1 ? " (and " + (bad - 1) + " more on this line)" : "") + "; "
                        + (meant != null
                                ? "did you mean '" + meant + "'?"
                                : "Metrics is a list of key=value pairs (e.g. 'iteration=12, objective=0.031')"));
    }

    /** The Metrics line as it was meant, when every part of it reads as a loose pair; else null. */
    static @Nullable String meant(String value) {
        java.util.regex.Matcher m = LOOSE_PAIR.matcher(value);
        java.util.List<String> pairs = new java.util.ArrayList<>();
        int at = 0;
        while (m.find()) {
            if (!value.substring(at, m.start()).matches("[\\s,;]*")) {
                return null;
            }
            pairs.add(m.group(1) + "=" + m.group(2));
            at = m.end();
        }
        if (pairs.isEmpty() || !value.substring(at).matches("[\\s,;]*")) {
            return null;
        }
        return String.join(", ", pairs);
    }

    public MetricsFormat() {
        super("Metrics", INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("metrics-format", Severity.ERROR, "metrics")
            .fires(
                    "Metrics is not a one-line list of `key=value`, or a numeric value is out of bounds (18 digits before and after the point)")
            .fix(
                    "Write Metrics on one line as key=value pairs separated by ',' and/or spaces, e.g. 'iteration=4, objective=0.31'.")
            .protects("Metrics the dashboards, charts and KPIs can read as numbers.");
}
