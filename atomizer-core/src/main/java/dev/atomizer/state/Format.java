package dev.atomizer.state;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;

/** Locale-free formatting shared by every derived file: the same bytes on every machine. */
public final class Format {

    private Format() {}

    /** {@code YYYY-MM-DD HH:MM}, as in entry headings. */
    public static String timestamp(LocalDateTime t) {
        return date(t.toLocalDate()) + " " + two(t.getHour()) + ":" + two(t.getMinute());
    }

    /** "Fri 03-06": a day as the per-day tables and charts label it. */
    public static String day(LocalDate d) {
        String name = d.getDayOfWeek().name();
        return name.charAt(0) + name.substring(1, 3).toLowerCase(java.util.Locale.ROOT) + " " + date(d).substring(5);
    }

    public static String date(LocalDate d) {
        return four(d.getYear()) + "-" + two(d.getMonthValue()) + "-" + two(d.getDayOfMonth());
    }

    /** The ISO week of a date, {@code YYYY-Www}. */
    public static String isoWeek(LocalDate d) {
        return four(d.get(IsoFields.WEEK_BASED_YEAR)) + "-W" + two(d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** A whole number with ',' every three digits: 1,234,567. */
    public static String count(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder sb = new StringBuilder();
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        sb.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            sb.append(',').append(digits, i, i + 3);
        }
        return (n < 0 ? "-" : "") + sb;
    }

    /** US dollars with two decimals: $12.34. */
    public static String usd(BigDecimal amount) {
        BigDecimal a = amount.setScale(2, RoundingMode.HALF_UP);
        String s = a.abs().toPlainString();
        int dot = s.indexOf('.');
        String whole = count(Long.parseLong(s.substring(0, dot)));
        return (a.signum() < 0 ? "-$" : "$") + whole + s.substring(dot);
    }

    /** A plain decimal as written, without exponent or trailing zeros: 3.10 -> 3.1. */
    public static String decimal(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /** A decimal rounded to {@code places}: 96.349 -> 96.3. */
    public static String decimal(BigDecimal d, int places) {
        return decimal(d.setScale(places, RoundingMode.HALF_UP));
    }

    /** An age: 45m, 5h, 1h 30m, 2d 3h. */
    public static String age(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 60) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return minutes % 60 == 0 ? hours + "h" : hours + "h " + minutes % 60 + "m";
        }
        long days = hours / 24;
        long rest = hours % 24;
        return rest == 0 ? days + "d" : days + "d " + rest + "h";
    }

    /** A percentage of part in whole, rounded to a whole number: 0..100+. */
    public static String percent(long part, long whole) {
        if (whole == 0) {
            return "n/a";
        }
        return BigDecimal.valueOf(part * 100L)
                        .divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP)
                        .toPlainString()
                + "%";
    }

    /** A percentage with {@code places} decimals: 4.8%. */
    public static String percent(long part, long whole, int places) {
        if (whole == 0) {
            return "n/a";
        }
        return decimal(BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), places, RoundingMode.HALF_UP))
                + "%";
    }

    /**
     * An as-of option, {@code YYYY-MM-DD HH:MM} (a {@code T} between date and time is accepted);
     * null or blank gives null. {@code what} names the option in the error.
     */
    public static LocalDateTime asOf(String text, String what) throws dev.atomizer.api.AtomizerException {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace('T', ' ');
        // four-digit years only, and a real calendar date: 2026-02-30 is an error, not 2026-02-28
        if (!t.matches("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}")) {
            throw new dev.atomizer.api.AtomizerException(what + " '" + text + "' is not 'YYYY-MM-DD HH:MM'");
        }
        try {
            return LocalDateTime.parse(
                    t,
                    java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
                            .withResolverStyle(java.time.format.ResolverStyle.STRICT));
        } catch (java.time.format.DateTimeParseException e) {
            throw new dev.atomizer.api.AtomizerException(
                    what + " '" + text + "' is not a real date and time (YYYY-MM-DD HH:MM)");
        }
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static String four(int n) {
        String s = Integer.toString(n);
        return "0000".substring(Math.min(4, s.length())) + s;
    }
}
