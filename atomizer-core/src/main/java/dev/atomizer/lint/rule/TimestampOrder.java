package dev.atomizer.lint.rule;

import dev.atomizer.api.Severity;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Rule;
import com.google.auto.service.AutoService;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.EntryHeader;

/** an entry is older than the entry before it (the log is append-only in time). */
@AutoService(Rule.class)
public final class TimestampOrder extends EntryRule {

    public static final String ID = "timestamp-order";

    public TimestampOrder() {
        super(RuleInfo.of(ID, Severity.ERROR, "heading")
                .fires("an entry is older than the entry before it")
                .fix("Append entries in time order; a late report gets the current time and says "
                        + "in its Detail when it happened."));
    }

    @Override
    public void check(EntryContext context, Report report) {
        EntryHeader h = context.entry().header();
        String previous = context.previousTimestamp();
        if (h.wellFormed() && h.dateTime() != null && previous != null && h.timestamp().compareTo(previous) < 0) {
            report.at(context.entry().line(), h.timestampColumn(), "entry at " + h.timestamp()
                    + " is older than the entry before it (" + previous + "); the log is append-only in time: "
                    + "append new entries at the end with the current time");
        }
    }
}
