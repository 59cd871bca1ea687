package dev.atomizer.lint.rule;

import dev.atomizer.api.Severity;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Rule;
import com.google.auto.service.AutoService;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;

/** no {@code **Status:**} field. */
@AutoService(Rule.class)
public final class StatusMissing extends EntryRule {

    public static final String ID = "status-missing";

    public StatusMissing() {
        super(RuleInfo.of(ID, Severity.ERROR, "fields")
                .fires("no `**Status:**` field")
                .fix("Add a '**Status:**' line with one of the contract's status values."));
    }

    @Override
    public void check(EntryContext context, Report report) {
        if (context.entry().field("Status") == null) {
            report.at(context.entry().line(), 1, "no **Status:** field; add a line '**Status:** "
                    + String.join(" | ", context.contract().statuses()) + "' after the heading");
        }
    }
}
