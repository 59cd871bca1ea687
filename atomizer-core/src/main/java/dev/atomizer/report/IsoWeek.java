package dev.atomizer.report;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.state.Format;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 week, {@code YYYY-Www}: Monday to Sunday, in its week-based year. A year has 53
 * weeks when it starts on a Thursday (or on a Wednesday in a leap year): 2020 and 2026 do, 2021
 * does not; 1 January belongs to the previous year's last week when it falls on Friday to Sunday.
 */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

    private static final Pattern TEXT = Pattern.compile("([0-9]{4})-W([0-9]{2})");

    /** The week of a date. */
    public static IsoWeek of(LocalDate d) {
        return new IsoWeek(d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Parses {@code YYYY-Www} (e.g. 2026-W10); a week the year does not have is refused. */
    public static IsoWeek parse(String text, String what) throws AtomizerException {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new AtomizerException(what + " '" + text + "' is not an ISO week 'YYYY-Www' (e.g. 2026-W10)");
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        int weeks = weeksIn(year);
        if (week < 1 || week > weeks) {
            throw new AtomizerException(
                    what + " '" + text + "' does not exist: " + year + " has " + weeks + " ISO weeks");
        }
        return new IsoWeek(year, week);
    }

    /** 52 or 53. */
    public static int weeksIn(int year) {
        // 28 December is always in the last week of its week-based year
        return LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    /**
     * The last week that is complete at {@code asOf}: the week before asOf's own week (a week is
     * complete only once the following Monday 00:00 has come).
     */
    public static IsoWeek lastComplete(LocalDateTime asOf) {
        return of(asOf.toLocalDate()).previous();
    }

    /** Monday of the week. */
    public LocalDate monday() {
        return LocalDate.of(year, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Sunday of the week. */
    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    /** Monday 00:00, inclusive. */
    public LocalDateTime start() {
        return monday().atStartOfDay();
    }

    /** The last minute of Sunday, 23:59: log timestamps have minutes, so this is the week's last moment. */
    public LocalDateTime lastMinute() {
        return sunday().atTime(23, 59);
    }

    /** Whether a timestamp falls in the week. */
    public boolean contains(LocalDateTime t) {
        return !t.isBefore(start()) && t.isBefore(next().start());
    }

    public IsoWeek previous() {
        return of(monday().minusDays(7));
    }

    public IsoWeek next() {
        return of(monday().plusDays(7));
    }

    /** Complete at {@code asOf}: the following Monday 00:00 is not after it. */
    public boolean completeAt(LocalDateTime asOf) {
        return !asOf.isBefore(next().start());
    }

    @Override
    public int compareTo(IsoWeek o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(week, o.week);
    }

    /** {@code YYYY-Www}. */
    @Override
    public String toString() {
        return Format.isoWeek(monday());
    }
}
