package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.HeadingRule;
import dev.atomizer.log.EntryHeader;

/** the date or time is not a real calendar date / 24h time (2026-02-30, 24:00, 12:60). */
@AutoService(Rule.class)
public final class TimestampInvalid extends HeadingRule {

    @Override
    protected void check(EntryHeader h, EntryContext context, At report) {
        if (h.dateTime() == null) {
            report.at(
                    h.timestampColumn(),
                    "'" + h.timestamp()
                            + "' is not a real date and 24-hour time (months 01-12, days of that month, hours 00-23, minutes 00-59)");
        }
    }

    public TimestampInvalid() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("timestamp-invalid", Severity.ERROR, "heading")
            .fires("the date or time is not a real calendar date / 24h time (2026-02-30, 24:00, 12:60)")
            .fix("Use a real date (YYYY-MM-DD) and a 24-hour time (HH:MM, 00:00 to 23:59).")
            .protects("Timestamps every tool can order and compute with (durations, freshness, the weekly cut-off).");
}
