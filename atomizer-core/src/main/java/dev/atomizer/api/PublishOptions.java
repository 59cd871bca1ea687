package dev.atomizer.api;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How to publish (see {@code Atomizer.publish}).
 *
 * @param remote   the remote to push to
 * @param branch   the branch, or null for the current one
 * @param attempts how many pushes to try, at least 1
 * @param backoff  the pause after the first lost race, doubled after each further one
 * @param identity the bot's {@code Name <email>} for its commits, or null for git's configured one
 * @param owned    the folders the bot writes (a change elsewhere in the work tree is refused)
 */
public record PublishOptions(
        String remote,
        @Nullable String branch,
        int attempts,
        Duration backoff,
        @Nullable String identity,
        List<String> owned) {

    public PublishOptions {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        owned = List.copyOf(owned);
    }
}
