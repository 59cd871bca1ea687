package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.HeadingRule;
import dev.atomizer.log.EntryHeader;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** an entry is older than the entry before it (the log is append-only in time). */
@AutoService(Rule.class)
public final class TimestampOrder extends HeadingRule {

    @Override
    protected void check(EntryHeader h, EntryContext context, At report) {
        String previous = context.previousTimestamp();
        if (h.dateTime() != null && previous != null && h.timestamp().compareTo(previous) < 0) {
            report.at(
                    h.timestampColumn(),
                    "entry at " + h.timestamp() + " is older than the entry before it (" + previous + ")"
                            + why(previous, context));
        }
    }

    /** What is wrong and the whole fix: it depends on whether the entry before is dated ahead of the clock. */
    private static String why(String previous, EntryContext context) {
        LocalDateTime now = context.now();
        LocalDateTime before = parse(previous);
        if (now == null || before == null || !before.isAfter(now)) {
            return "; the log is append-only in time: append new entries at the end with the current time"
                    + " (a late report says in its Detail when it happened)";
        }
        var settings = context.contract().settings();
        long tolerance = settings.clockTolerance().toMinutes();
        String clock = "it is " + now.format(MINUTE) + " in " + settings.zone().getId() + ", the contract's time zone";
        if (!before.isAfter(now.plus(settings.clockTolerance()))) {
            return ", which is dated ahead of the clock (" + clock + "), within the contract's clock tolerance of "
                    + tolerance + " minutes; the log is append-only in time: stamp this entry " + previous
                    + " or later ('atomizer log' does so when no --time is given)";
        }
        return ", which is dated more than the contract's clock tolerance of " + tolerance
                + " minutes ahead of the clock (" + clock + "): that entry is misdated, and no entry can follow it"
                + " before " + previous + "; correct its timestamp with an amendment of the log (committed with the"
                + " trailers 'Change-Request: <id>' and 'Approved-by: <approver>')";
    }

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private static @Nullable LocalDateTime parse(String timestamp) {
        try {
            return LocalDateTime.parse(timestamp, MINUTE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public TimestampOrder() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("timestamp-order", Severity.ERROR, "heading")
            .fires("an entry is older than the entry before it")
            .fix(
                    "Append entries in time order; a late report gets the current time and says in its Detail when it happened. When the entry before is dated ahead of the clock within the contract's `Clock tolerance`, stamp the new one at that time or later (`log` does so when no `--time` is given); one dated further ahead is misdated: correct it with an approved amendment of the log.")
            .protects(
                    "The log's order is the order things happened: the state model, the status moves and the KPIs read it front to back.");
}
