package dev.atomizer.api;

import java.util.List;

/**
 * What a governance check of commits found (pre-commit, commit-msg, verify): the diagnostics in the
 * order found and their summary.
 */
public record Checks(List<Diagnostic> diagnostics, FileSummary summary) {

    public Checks {
        diagnostics = List.copyOf(diagnostics);
    }

    /** True when an error was found: the commit or the range is refused. */
    public boolean failed() {
        return summary.errors() > 0;
    }
}
