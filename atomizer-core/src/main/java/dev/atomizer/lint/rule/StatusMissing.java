package dev.atomizer.lint.rule;

import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;

/** no {@code **Status:**} field. */
public final class StatusMissing implements EntryRule {

    @Override
    public String id() {
        return RuleCatalog.STATUS_MISSING;
    }

    @Override
    public void check(EntryContext context, Report report) {
        if (context.entry().field("Status") == null) {
            report.at(context.entry().line(), 1, "no **Status:** field; add a line '**Status:** "
                    + String.join(" | ", context.contract().statuses()) + "' after the heading");
        }
    }
}
