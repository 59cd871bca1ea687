package dev.atomizer.log;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code key=value} token of a Metrics field. {@link #problem()} is null for a well-formed pair.
 *
 * @param column 1-based column of the token in its line
 */
public record Metric(String key, String value, int column, String problem) {

    // spec: "key `[a-z][a-z0-9_]*`, value non-empty, no spaces; pairs separated by `,` and/or spaces"
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
            return new Metric(key, value, column, "metric key '" + key
                    + "' must be lowercase: a letter, then letters, digits or '_'");
        }
        if (value.isEmpty()) {
            return new Metric(key, value, column, "metric '" + key + "' has no value");
        }
        return new Metric(key, value, column, null);
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
