package dev.atomizer.audit;

import dev.atomizer.api.Diagnostic;
import dev.atomizer.git.CommitInfo;
import java.util.List;

/**
 * A diagnostic of {@code verify} with the commit it was found in.
 *
 * @param commit     the commit, or null when the message names none of the range
 * @param diagnostic as verify reported it
 * @param message    the message without verify's {@code "<short id> (<subject>): "} prefix
 */
public record Finding(CommitInfo commit, Diagnostic diagnostic, String message) {

    /**
     * Splits verify's message prefix off: {@code GitChecks.verify} writes each message as
     * {@code "<short id> (<subject>): <message>"}, so the commits of the range tell where it ends,
     * whatever the subject holds.
     */
    public static Finding of(Diagnostic d, List<CommitInfo> commits) {
        for (CommitInfo c : commits) {
            String prefix = c.shortId() + " (" + c.subject() + "): ";
            if (d.message().startsWith(prefix)) {
                return new Finding(c, d, d.message().substring(prefix.length()));
            }
        }
        return new Finding(null, d, d.message());
    }
}
