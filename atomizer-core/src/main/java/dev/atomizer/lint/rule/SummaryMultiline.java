package dev.atomizer.lint.rule;

import dev.atomizer.api.Severity;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Rule;
import com.google.auto.service.AutoService;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.FieldLine;

/** Summary continues onto a second line. */
@AutoService(Rule.class)
public final class SummaryMultiline extends EntryRule {

    public static final String ID = "summary-multiline";

    public SummaryMultiline() {
        super(RuleInfo.of(ID, Severity.ERROR, "fields")
                .fires("Summary continues onto a second line")
                .fix("Keep the Summary on one line; move the rest to '**Detail:**'."));
    }

    @Override
    public void check(EntryContext context, Report report) {
        FieldLine f = context.entry().field("Summary");
        if (f != null && !f.continuation().isEmpty()) {
            report.at(f.line() + 1, 1, "the Summary continues onto a second line; keep it to one line "
                    + "and move the rest to **Detail:**");
        }
    }
}
