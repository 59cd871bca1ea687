package dev.atomizer.lint.rule;

import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;
import dev.atomizer.log.FieldLine;

/** Status is not one of the contract's values. */
public final class StatusInvalid implements EntryRule {

    @Override
    public String id() {
        return RuleCatalog.STATUS_INVALID;
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
