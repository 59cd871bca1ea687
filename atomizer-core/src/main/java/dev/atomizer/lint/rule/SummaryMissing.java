package dev.atomizer.lint.rule;

import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;
import dev.atomizer.log.FieldLine;

/** no {@code **Summary:**} field, or it is empty. */
public final class SummaryMissing implements EntryRule {

    @Override
    public String id() {
        return RuleCatalog.SUMMARY_MISSING;
    }

    @Override
    public void check(EntryContext context, Report report) {
        FieldLine f = context.entry().field("Summary");
        if (f == null) {
            report.at(context.entry().line(), 1, "no **Summary:** field; add a line '**Summary:** <one line>'");
        } else if (!f.hasContent()) {
            report.at(f.line(), f.column(), "the Summary is empty; say in one line what happened");
        }
    }
}
