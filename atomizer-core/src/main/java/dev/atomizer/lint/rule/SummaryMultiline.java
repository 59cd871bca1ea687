package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.FieldRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.FieldLine;

/** Summary continues onto a second line. */
@AutoService(Rule.class)
public final class SummaryMultiline extends FieldRule {

    @Override
    protected void check(FieldLine f, EntryContext context, Report report) {
        if (!f.continuation().isEmpty()) {
            report.at(
                    f.line() + 1,
                    1,
                    "the Summary continues onto a second line; keep it to one line "
                            + "and move the rest to **Detail:**");
        }
    }

    public SummaryMultiline() {
        super("Summary", INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("summary-multiline", Severity.ERROR, "fields")
            .fires("Summary continues onto a second line")
            .fix("Keep the Summary on one line; move the rest to '**Detail:**'.")
            .protects("Summaries that fit one row of a dashboard table.");
}
