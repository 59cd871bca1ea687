package dev.atomizer.lint.rule;

import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;
import dev.atomizer.log.FieldLine;

/** Summary longer than 200 characters. */
public final class SummaryTooLong implements EntryRule {

    @Override
    public String id() {
        return RuleCatalog.SUMMARY_TOO_LONG;
    }

    @Override
    public void check(EntryContext context, Report report) {
        FieldLine f = context.entry().field("Summary");
        if (f != null) {
            int length = f.value().codePointCount(0, f.value().length());
            if (length > MAX) {
                report.at(f.line(), f.valueColumn(), "the Summary is " + length + " characters long (at most "
                        + MAX + "); shorten it and move the rest to **Detail:**");
            }
        }
    }

    /** The longest Summary, in characters (code points). */
    public static final int MAX = 200;
}
