package dev.atomizer.api;

import java.util.Comparator;

/**
 * One alarm of the watchdog: a stable ID ({@code log-silent}, {@code decision-overdue}, …), how
 * severe, what it is about (the log, an agent, a decision, a file) and why, in one line.
 */
public record Alert(String id, Severity severity, String subject, String reason) {

    /** Errors first, then by ID and subject: every output lists alerts in this order. */
    public static final Comparator<Alert> ORDER = Comparator.comparing((Alert a) -> a.severity() != Severity.ERROR)
            .thenComparing(Alert::id)
            .thenComparing(Alert::subject);

    /** {@code error [log-silent] the log: silent for 3d 2h …}, one line of visible text. */
    public String toText() {
        return severity.label() + " [" + id + "] " + Diagnostic.visible(subject) + ": " + Diagnostic.visible(reason);
    }
}
