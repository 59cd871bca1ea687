package dev.atomizer.lint;

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

    /** {@code path:line:col: severity [rule] message}, the text format (see the README's output formats). */
    public String toText() {
        return path + ':' + line + ':' + column + ": " + severity.label() + " [" + rule + "] " + message;
    }
}
