package dev.atomizer.git;

import java.util.List;

/**
 * A commit as the checks need it.
 *
 * @param id       full hex id
 * @param parents  parent ids (empty for a root commit)
 * @param message  the full message (trailers included)
 */
public record CommitInfo(String id, List<String> parents, String message) {

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
