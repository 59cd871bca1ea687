package dev.atomizer.log;

import java.time.LocalDateTime;

/**
 * An entry heading taken apart: {@code ## [YYYY-MM-DD HH:MM] agent-id | project-slug | event-type}.
 * When the shape is wrong, {@link #problem()} says how and {@link #problemColumn()} where; the
 * parts are then null. Columns are 1-based.
 *
 * @param timestamp the timestamp text {@code YYYY-MM-DD HH:MM} (comparable as a string), or null
 * @param dateTime  the timestamp as a date-time, or null when the shape is wrong or the date is not a real one
 */
public record EntryHeader(
        String problem,
        int problemColumn,
        String timestamp,
        LocalDateTime dateTime,
        int timestampColumn,
        String agent,
        int agentColumn,
        String project,
        int projectColumn,
        String event,
        int eventColumn) {

    public static final String FORMAT = "## [YYYY-MM-DD HH:MM] agent-id | project-slug | event-type";

    public boolean wellFormed() {
        return problem == null;
    }

    private static EntryHeader bad(String problem, int column) {
        return new EntryHeader(problem, column, null, null, 0, null, 0, null, 0, null, 0);
    }

    /** Parses the raw heading line (starting with {@code ##}). */
    public static EntryHeader parse(String line) {
        // "must match the heading format exactly (single spaces, `|` separators)"
        if (!line.startsWith("## ")) {
            return bad("an entry heading starts with '## ' (two hashes, one space): " + FORMAT, 1);
        }
        if (line.length() < 4 || line.charAt(3) != '[') {
            return bad("expected '[YYYY-MM-DD HH:MM]' right after '## ': " + FORMAT, 4);
        }
        int close = line.indexOf(']', 4);
        if (close < 0) {
            return bad("missing ']' after the timestamp: " + FORMAT, 4);
        }
        String ts = line.substring(4, close);
        if (!timestampShape(ts)) {
            return bad("timestamp '" + ts + "' is not 'YYYY-MM-DD HH:MM' (24-hour, zero-padded)", 5);
        }
        int rest = close + 1;
        if (rest >= line.length()
                || line.charAt(rest) != ' '
                || rest + 1 >= line.length()
                || line.charAt(rest + 1) == ' ') {
            return bad("expected one space and then 'agent-id | project-slug | event-type' after ']'", rest + 1);
        }
        int p1 = line.indexOf('|', rest + 1);
        int p2 = p1 < 0 ? -1 : line.indexOf('|', p1 + 1);
        int p3 = p2 < 0 ? -1 : line.indexOf('|', p2 + 1);
        if (p1 < 0 || p2 < 0 || p3 >= 0) {
            int parts = p1 < 0
                    ? 1
                    : p2 < 0
                            ? 2
                            : (int) line.substring(rest)
                                            .chars()
                                            .filter(c -> c == '|')
                                            .count()
                                    + 1;
            return bad(
                    "expected 3 parts 'agent-id | project-slug | event-type' separated by ' | ', found " + parts,
                    rest + 2);
        }
        int a0 = rest + 1;
        // single spaces around each '|', nothing else
        if (line.charAt(p1 - 1) != ' ' || p1 - 2 < a0 || line.charAt(p1 - 2) == ' ') {
            return bad("write exactly one space before the first '|'", p1 + 1);
        }
        if (p1 + 1 >= p2 || line.charAt(p1 + 1) != ' ' || line.charAt(p1 + 2) == ' ') {
            return bad("write exactly one space after the first '|'", p1 + 1);
        }
        if (line.charAt(p2 - 1) != ' ' || line.charAt(p2 - 2) == ' ' || p2 - 2 < p1 + 2) {
            return bad("write exactly one space before the second '|'", p2 + 1);
        }
        if (p2 + 2 >= line.length() || line.charAt(p2 + 1) != ' ' || line.charAt(p2 + 2) == ' ') {
            return bad("write exactly one space after the second '|' and then the event type", p2 + 1);
        }
        if (Character.isWhitespace(line.charAt(line.length() - 1))) {
            return bad("trailing whitespace after the event type", line.length());
        }
        String agent = line.substring(a0, p1 - 1);
        String project = line.substring(p1 + 2, p2 - 1);
        String event = line.substring(p2 + 2);
        return new EntryHeader(null, 0, ts, dateTime(ts), 5, agent, a0 + 1, project, p1 + 3, event, p2 + 3);
    }

    /** A timestamp {@code YYYY-MM-DD HH:MM} of a real calendar date and 24-hour time. */
    static boolean validTimestamp(String ts) {
        return timestampShape(ts) && dateTime(ts) != null;
    }

    private static boolean timestampShape(String ts) {
        if (ts.length() != 16) {
            return false;
        }
        for (int i = 0; i < 16; i++) {
            char c = ts.charAt(i);
            boolean ok = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == ' ';
                case 13 -> c == ':';
                default -> c >= '0' && c <= '9';
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    /** The date-time of a well-shaped timestamp, or null when it is not a real calendar date or 24h time. */
    static LocalDateTime dateTime(String ts) {
        int year = num(ts, 0, 4);
        int month = num(ts, 5, 7);
        int day = num(ts, 8, 10);
        int hour = num(ts, 11, 13);
        int minute = num(ts, 14, 16);
        if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) {
            return null;
        }
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute);
    }
}
