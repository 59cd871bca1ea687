package dev.atomizer.lint.rule;

import dev.atomizer.api.Severity;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Rule;
import com.google.auto.service.AutoService;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.EntryHeader;

/** the date or time is not a real calendar date / 24h time (2026-02-30, 24:00, 12:60). */
@AutoService(Rule.class)
public final class TimestampInvalid extends EntryRule {

    public static final String ID = "timestamp-invalid";

    public TimestampInvalid() {
        super(RuleInfo.of(ID, Severity.ERROR, "heading")
                .fires("the date or time is not a real calendar date / 24h time (2026-02-30, 24:00, "
                        + "12:60)")
                .fix("Use a real date (YYYY-MM-DD) and a 24-hour time (HH:MM, 00:00 to 23:59)."));
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
