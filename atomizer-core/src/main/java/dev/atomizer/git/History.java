package dev.atomizer.git;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The commits behind a state of the repository, oldest first: when each was made and which of
 * the paths asked about it changed. What the KPIs measure from git (freshness, reports on time).
 */
public record History(List<Commit> commits) {

    /** @param paths the asked-about paths this commit added, modified or deleted */
    public record Commit(String id, Instant time, Set<String> paths) {
    }
}
