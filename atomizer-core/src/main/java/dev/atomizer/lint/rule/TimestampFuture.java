package dev.atomizer.lint.rule;

import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;
import dev.atomizer.log.EntryHeader;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * An entry stamped later than the moment of checking by more than the contract's clock tolerance:
 * time cannot run ahead, or every later entry would fail timestamp-order in an append-only log.
 * Silent when there is no moment of checking (the derivations).
 */
public final class TimestampFuture implements EntryRule {

    @Override
    public String id() {
        return RuleCatalog.TIMESTAMP_FUTURE;
    }

    @Override
    public void check(EntryContext context, Report report) {
        LocalDateTime now = context.now();
        EntryHeader h = context.entry().header();
        if (now == null || !h.wellFormed() || h.dateTime() == null) {
            return;
        }
        var settings = context.contract().settings();
        Duration tolerance = settings.clockTolerance();
        if (h.dateTime().isAfter(now.plus(tolerance))) {
            report.at(context.entry().line(), h.timestampColumn(), "entry at " + h.timestamp() + " is in the future: "
                    + "it is " + now.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                    + " in " + settings.zone().getId() + " (the contract's time zone), and entries may run at most "
                    + tolerance.toMinutes() + " minutes ahead; stamp it with the current time");
        }
    }
}
