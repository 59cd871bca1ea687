package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;

/** no {@code **Status:**} field. */
@AutoService(Rule.class)
public final class StatusMissing extends EntryRule {

    @Override
    public void check(EntryContext context, Report report) {
        if (context.entry().field("Status") == null) {
            report.at(
                    context.entry().line(),
                    1,
                    "no **Status:** field; add a line '**Status:** "
                            + String.join(" | ", context.contract().statuses()) + "' after the heading");
        }
    }

    public StatusMissing() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("status-missing", Severity.ERROR, "fields")
            .fires("no `**Status:**` field")
            .fix("Add a '**Status:**' line with one of the contract's status values.")
            .protects("Every entry states where its work stands: without a Status it moves no project or task.");
}
