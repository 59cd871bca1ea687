package dev.atomizer.api;

import java.util.List;

/**
 * A usage, configuration or I/O problem: the run cannot give a verdict (exit code 2). Carries the
 * problems found, each with file:line when there is one, so a malformed schemas.md is reported at
 * its own lines, never as a stack trace.
 */
public class AtomizerException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> problems;

    public AtomizerException(String message) {
        super(message);
        this.problems = List.of();
    }

    public AtomizerException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of();
    }

    public AtomizerException(String message, List<Diagnostic> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** The located problems (may be empty when the message says it all). */
    public List<Diagnostic> problems() {
        return problems;
    }

    /** Every line a user should read: the located problems, or the message. */
    public List<String> lines() {
        if (problems.isEmpty()) {
            return List.of(getMessage());
        }
        return problems.stream().map(Diagnostic::toText).toList();
    }
}
