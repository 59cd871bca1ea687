package dev.atomizer.lint.rule;

import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;
import dev.atomizer.log.FieldLine;

/** Summary continues onto a second line. */
public final class SummaryMultiline implements EntryRule {

    @Override
    public String id() {
        return RuleCatalog.SUMMARY_MULTILINE;
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
