package dev.atomizer.lint.rule;

import java.util.Locale;

/** Lowercase kebab-case, the shape of agent ids, project slugs and event types. */
final class Kebab {

    private Kebab() {}

    static boolean is(String s) {
        if (s.isEmpty() || s.charAt(0) == '-' || s.charAt(s.length() - 1) == '-') {
            return false;
        }
        char prev = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && prev != '-';
            if (!ok) {
                return false;
            }
            prev = c;
        }
        return true;
    }

    /** A kebab-case spelling of {@code s} for the message. */
    static String suggest(String s) {
        String k = s.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return k.isEmpty() ? "my-id" : k;
    }

    /** Reports {@code value} (the {@code what} of a heading, at {@code column}) unless it is kebab-case. */
    static void check(String value, String what, int column, dev.atomizer.lint.HeadingRule.At report) {
        if (!is(value)) {
            report.at(column, what + " '" + value + "' must be lowercase kebab-case, e.g. '" + suggest(value) + "'");
        }
    }
}
