package dev.atomizer.api;

import java.util.Comparator;

/**
 * One finding: where (path, 1-based line and column), which rule, how severe, and what to do.
 * Ordered by path, line, column, then rule, so every output is deterministic.
 */
public record Diagnostic(String path, int line, int column, String rule, Severity severity, String message) {

    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::path)
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::rule)
            .thenComparing(Diagnostic::message);

    /**
     * {@code path:line:col: severity [rule] message}, the text format (see the README's output
     * formats): always one line of visible text, whatever the log held. A control character quoted
     * from the log (an escape sequence would drive the reader's terminal, a line break would forge
     * a line of output) is shown as its Unicode control picture (ESC as {@code ␛}, a line feed as
     * {@code ␊}), one of the C1 range as {@code \u009b}.
     */
    public String toText() {
        return visible(path) + ':' + line + ':' + column + ": " + severity.label() + " [" + rule + "] "
                + visible(message);
    }

    /** {@code text} with its control characters (a tab aside) made visible; see {@link #toText()}. */
    public static String visible(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\t' || c >= 0x7F && c <= 0x9F;
            if (control && b == null) {
                b = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (b != null) {
                if (!control) {
                    b.append(c);
                } else if (c < 0x20) {
                    b.append((char) (0x2400 + c));
                } else if (c == 0x7F) {
                    b.append('\u2421');
                } else {
                    b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                }
            }
        }
        return b == null ? text : b.toString();
    }
}
