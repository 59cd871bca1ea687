package dev.atomizer.lint.rule;

import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;
import dev.atomizer.log.EntryHeader;

/** the date or time is not a real calendar date / 24h time (2026-02-30, 24:00, 12:60). */
public final class TimestampInvalid implements EntryRule {

    @Override
    public String id() {
        return RuleCatalog.TIMESTAMP_INVALID;
    }

    @Override
    public void check(EntryContext context, Report report) {
        EntryHeader h = context.entry().header();
        if (h.wellFormed() && h.dateTime() == null) {
            report.at(context.entry().line(), h.timestampColumn(), "'" + h.timestamp()
                    + "' is not a real date and 24-hour time (months 01-12, days of that month, hours 00-23, minutes 00-59)");
        }
    }
}
