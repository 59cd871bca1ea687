package dev.atomizer.lint.rule;

import dev.atomizer.api.Severity;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Rule;
import com.google.auto.service.AutoService;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.FieldLine;

/** Status is not one of the contract's values. */
@AutoService(Rule.class)
public final class StatusInvalid extends EntryRule {

    public static final String ID = "status-invalid";

    public StatusInvalid() {
        super(RuleInfo.of(ID, Severity.ERROR, "fields")
                .fires("Status is not one of the contract's values (or spans lines)")
                .fix("Use one status value of the contract (default: in-progress, completed, "
                        + "blocked, failed) on one line."));
    }

    @Override
    public void check(EntryContext context, Report report) {
        FieldLine f = context.entry().field("Status");
        if (f == null) {
            return;
        }
        var statuses = context.contract().statuses();
        if (!f.continuation().isEmpty()) {
            report.at(f.line() + 1, 1, "Status must be on one line");
        } else if (!statuses.contains(f.value())) {
            report.at(f.line(), f.valueColumn(), "status '" + f.value() + "' is not one of "
                    + String.join(", ", statuses));
        }
    }
}
