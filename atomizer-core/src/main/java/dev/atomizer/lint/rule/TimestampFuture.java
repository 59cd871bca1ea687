package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.HeadingRule;
import dev.atomizer.log.EntryHeader;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * An entry stamped later than the moment of checking by more than the contract's clock tolerance:
 * time cannot run ahead, or every later entry would fail timestamp-order in an append-only log.
 * Silent when there is no moment of checking (the derivations).
 */
@AutoService(Rule.class)
public final class TimestampFuture extends HeadingRule {

    @Override
    protected void check(EntryHeader h, EntryContext context, At report) {
        LocalDateTime now = context.now();
        if (now == null || h.dateTime() == null) {
            return;
        }
        var settings = context.contract().settings();
        Duration tolerance = settings.clockTolerance();
        if (h.dateTime().isAfter(now.plus(tolerance))) {
            report.at(
                    h.timestampColumn(),
                    "entry at " + h.timestamp() + " is in the future: "
                            + "it is " + now.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                            + " in " + settings.zone().getId()
                            + " (the contract's time zone), and entries may run at most "
                            + tolerance.toMinutes() + " minutes ahead; stamp it with the current time");
        }
    }

    public TimestampFuture() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("timestamp-future", Severity.ERROR, "heading")
            .fires(
                    "an entry is stamped more than the contract's `Clock tolerance` (default 15 minutes) after the moment of checking, read in its `Time zone` (default UTC): the clock of the machine that checks, for `log`, `lint`, `check`, the hooks and `verify` alike; never in the dashboards and reports")
            .fix(
                    "Stamp entries with the current time in the contract's time zone (log does, whatever the machine's TZ); an entry dated ahead would make every later entry fail timestamp-order.")
            .protects(
                    "A log in time order: one entry dated ahead would refuse every honest entry after it (`timestamp-order`) and skew the freshness KPI.");
}
