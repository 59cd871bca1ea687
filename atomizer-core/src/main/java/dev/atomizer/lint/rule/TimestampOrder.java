package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.HeadingRule;
import dev.atomizer.log.EntryHeader;

/** an entry is older than the entry before it (the log is append-only in time). */
@AutoService(Rule.class)
public final class TimestampOrder extends HeadingRule {

    @Override
    protected void check(EntryHeader h, EntryContext context, At report) {
        String previous = context.previousTimestamp();
        if (h.dateTime() != null && previous != null && h.timestamp().compareTo(previous) < 0) {
            report.at(
                    h.timestampColumn(),
                    "entry at " + h.timestamp()
                            + " is older than the entry before it (" + previous + "); the log is append-only in time: "
                            + "append new entries at the end with the current time");
        }
    }

    public TimestampOrder() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("timestamp-order", Severity.ERROR, "heading")
            .fires("an entry is older than the entry before it")
            .fix(
                    "Append entries in time order; a late report gets the current time and says in its Detail when it happened.");
}
