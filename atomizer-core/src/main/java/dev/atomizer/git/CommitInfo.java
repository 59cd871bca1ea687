package dev.atomizer.git;

import java.util.List;

/**
 * A commit as the checks need it.
 *
 * @param id       full hex id
 * @param parents  parent ids (empty for a root commit)
 * @param message  the full message (trailers included)
 * @param committed when it was committed (the committer's time), or null when not known
 */
public record CommitInfo(String id, List<String> parents, String message, java.time.Instant committed) {

    public CommitInfo(String id, List<String> parents, String message) {
        this(id, parents, message, null);
    }

    public String shortId() {
        return id.substring(0, Math.min(10, id.length()));
    }

    public String subject() {
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    public boolean isMerge() {
        return parents.size() > 1;
    }
}
