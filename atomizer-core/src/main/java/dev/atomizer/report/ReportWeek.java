package dev.atomizer.report;

import dev.atomizer.contract.Settings;
import dev.atomizer.state.Format;
import java.time.LocalDateTime;

/**
 * The period a weekly report covers: from the previous week's cut-off (inclusive) to this week's
 * (exclusive), in the log's time zone. The cut-off is the contract's {@code Weekly report due} of
 * the ISO week minus its {@code Weekly report cut-off} (by default Friday 16:00 America/New_York),
 * so a week's report can be written, and committed by its due time, before the week ends.
 *
 * @param iso  the ISO week that names the report
 * @param from the previous week's cut-off, inclusive
 * @param to   this week's cut-off, exclusive
 */
public record ReportWeek(IsoWeek iso, LocalDateTime from, LocalDateTime to, Settings settings) {

    /** The period of {@code week} under the contract's settings. */
    public static ReportWeek of(IsoWeek week, Settings settings) {
        return new ReportWeek(week, cutOff(week.previous(), settings), cutOff(week, settings), settings);
    }

    /** The report week whose period holds {@code t}. */
    public static ReportWeek containing(LocalDateTime t, Settings settings) {
        ReportWeek w = of(IsoWeek.of(t.toLocalDate()), settings);
        while (!t.isBefore(w.to)) {
            w = w.next();
        }
        while (t.isBefore(w.from)) {
            w = w.previous();
        }
        return w;
    }

    /** A week's cut-off as a log timestamp (to the minute, in the log's zone). */
    static LocalDateTime cutOff(IsoWeek week, Settings settings) {
        return LocalDateTime.ofInstant(settings.weekly().cutOff(week.monday()), settings.zone())
                .withSecond(0)
                .withNano(0);
    }

    /** When the report is due, as a log timestamp (to the minute, in the log's zone). */
    public LocalDateTime due() {
        return LocalDateTime.ofInstant(settings.weekly().due(iso.monday()), settings.zone())
                .withSecond(0)
                .withNano(0);
    }

    /** Whether a timestamp falls in the period. */
    public boolean contains(LocalDateTime t) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    /** The period's last minute: the moment the report's sources are folded to. */
    public LocalDateTime lastMinute() {
        return to.minusMinutes(1);
    }

    /** Whether the report may be written at {@code now}: its cut-off has come. */
    public boolean readyAt(LocalDateTime now) {
        return !now.isBefore(to);
    }

    public ReportWeek previous() {
        return of(iso.previous(), settings);
    }

    public ReportWeek next() {
        return of(iso.next(), settings);
    }

    /** "2026-03-06 21:00 to 2026-03-13 21:00". */
    public String period() {
        return Format.timestamp(from) + " to " + Format.timestamp(to);
    }

    @Override
    public String toString() {
        return iso.toString();
    }
}
