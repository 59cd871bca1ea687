package dev.atomizer.log;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code key=value} token of a Metrics field. {@link #problem()} is null for a well-formed pair.
 *
 * @param column 1-based column of the token in its line
 */
public record Metric(String key, String value, int column, String problem) {

    // "key `[a-z][a-z0-9_]*`, value non-empty, no spaces; pairs separated by `,` and/or spaces"
    public static List<Metric> parse(String text, int column) {
        List<Metric> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ',' || Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && text.charAt(i) != ',' && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            out.add(token(text.substring(start, i), column + start));
        }
        return out;
    }

    private static Metric token(String token, int column) {
        int eq = token.indexOf('=');
        if (eq < 0) {
            return new Metric(null, null, column, "'" + token + "' is not a key=value pair");
        }
        String key = token.substring(0, eq);
        String value = token.substring(eq + 1);
        if (!validKey(key)) {
            return new Metric(
                    key,
                    value,
                    column,
                    "metric key '" + key + "' must be lowercase: a letter, then letters, digits or '_'");
        }
        if (value.isEmpty()) {
            return new Metric(key, value, column, "metric '" + key + "' has no value");
        }
        if (value.indexOf('=') >= 0) {
            return new Metric(
                    key,
                    value,
                    column,
                    "metric '" + key + "' has the value '" + value
                            + "', which holds '=': separate the pairs with commas or spaces");
        }
        // a value of at most 18 chars without an exponent is within bounds whatever it is: most values
        if ((value.length() > MAX_DIGITS || value.indexOf('e') >= 0 || value.indexOf('E') >= 0)
                && NUMBER.matcher(value).matches()
                && number(value) == null) {
            return new Metric(
                    key,
                    value,
                    column,
                    "metric '" + key + "' is a number out of bounds (at most " + MAX_DIGITS
                            + " digits before the point and " + MAX_DIGITS + " after it)");
        }
        return new Metric(key, value, column, null);
    }

    /** A key as {@link #validKey} accepts it, as a regular expression (the entry's JSON Schema). */
    public static final String KEY_PATTERN = "^[a-z][a-z0-9_]*$";

    /** A value as {@link #parse} reads it in one token: neither blank, nor a separator, nor {@code =}. */
    public static final String VALUE_PATTERN = "^[^\\s,=]+$";

    /** The most digits a metric number has, before and after the point. */
    public static final int MAX_DIGITS = 18;

    /** What reads as a number: a decimal, with an optional sign and exponent. */
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    /**
     * A metric value as a number, or null when it is text or out of bounds: at most
     * {@link #MAX_DIGITS} digits before the point and as many after it (exponent notation within
     * the same bounds). Lint reports a number out of bounds ({@code cost_usd=1e999999999});
     * derivations read it as text, so one value can neither crash nor stall them.
     */
    public static java.math.BigDecimal number(String value) {
        if (value == null || value.length() > 2 * MAX_DIGITS + 8) {
            return null;
        }
        try {
            java.math.BigDecimal d = new java.math.BigDecimal(value);
            return d.precision() - d.scale() > MAX_DIGITS || d.scale() > MAX_DIGITS ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean validKey(String key) {
        if (key.isEmpty() || key.charAt(0) < 'a' || key.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
