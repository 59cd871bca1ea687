package dev.atomizer.lint.rule;

import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;
import dev.atomizer.log.EntryHeader;

/** an entry is older than the entry before it (the log is append-only in time). */
public final class TimestampOrder implements EntryRule {

    @Override
    public String id() {
        return RuleCatalog.TIMESTAMP_ORDER;
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
