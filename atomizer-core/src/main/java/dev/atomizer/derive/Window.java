package dev.atomizer.derive;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;

/** The calendar windows around the as-of time: its day, its ISO week (Monday 00:00 on), its month. */
public final class Window {

    private Window() {}

    public static LocalDateTime dayStart(LocalDateTime asOf) {
        return asOf.toLocalDate().atStartOfDay();
    }

    public static LocalDateTime weekStart(LocalDateTime asOf) {
        return weekStart(asOf.toLocalDate()).atStartOfDay();
    }

    public static LocalDate weekStart(LocalDate d) {
        return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public static LocalDateTime monthStart(LocalDateTime asOf) {
        return asOf.toLocalDate().withDayOfMonth(1).atStartOfDay();
    }
}
