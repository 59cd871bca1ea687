package dev.atomizer.lint;

import dev.atomizer.contract.Contract;
import dev.atomizer.log.RawEntry;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an entry rule sees.
 *
 * @param entry             the entry as written
 * @param contract          the contract in force
 * @param projects          project slugs PROJECT_STATUS.md lists, or null when it lists none
 * @param previousTimestamp the timestamp of the nearest earlier entry with a valid one, or null
 * @param now               the moment of checking in the contract's time zone, or null when there is none
 */
public record EntryContext(
        RawEntry entry,
        Contract contract,
        @Nullable Set<String> projects,
        @Nullable String previousTimestamp,
        java.time.@Nullable LocalDateTime now) {

    public EntryContext(
            RawEntry entry, Contract contract, @Nullable Set<String> projects, @Nullable String previousTimestamp) {
        this(entry, contract, projects, previousTimestamp, null);
    }
}
