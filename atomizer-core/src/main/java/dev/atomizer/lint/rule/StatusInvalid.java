package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.FieldRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.FieldLine;

/** Status is not one of the contract's values. */
@AutoService(Rule.class)
public final class StatusInvalid extends FieldRule {

    @Override
    protected void check(FieldLine f, EntryContext context, Report report) {
        var statuses = context.contract().statuses();
        if (!f.continuation().isEmpty()) {
            report.at(f.line() + 1, 1, "Status must be on one line");
        } else if (!statuses.contains(f.value())) {
            report.at(
                    f.line(),
                    f.valueColumn(),
                    "status '" + f.value() + "' is not one of " + String.join(", ", statuses));
        }
    }

    public StatusInvalid() {
        super("Status", INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("status-invalid", Severity.ERROR, "fields")
            .fires("Status is not one of the contract's values (or spans lines)")
            .fix("Use one status value of the contract (default: in-progress, completed, blocked, failed) on one line.")
            .protects(
                    "Statuses the state model understands: project health, wins, failures and the error-rate KPI are computed from them.");
}
