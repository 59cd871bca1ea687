package dev.atomizer.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What publish did.
 *
 * @param commit   the bot's commit, or null when there was nothing to publish
 * @param tip      the branch's tip after publishing
 * @param attempts the attempts made
 * @param paths    the files the commit changed
 * @param failure  the one line saying why nothing was published after every attempt, or null
 * @param verified what became of the verified ref, or null when it was left alone
 */
public record PublishOutcome(
        @Nullable String commit,
        String tip,
        int attempts,
        List<String> paths,
        @Nullable String failure,
        @Nullable String verified) {

    public boolean published() {
        return commit != null && failure == null;
    }
}
