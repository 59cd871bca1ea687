package dev.atomizer.lint;

import dev.atomizer.contract.Contract;
import dev.atomizer.log.RawEntry;
import java.util.Set;

/**
 * What an entry rule sees.
 *
 * @param entry             the entry as written
 * @param contract          the contract in force
 * @param projects          project slugs PROJECT_STATUS.md lists, or null when it lists none
 * @param previousTimestamp the timestamp of the nearest earlier entry with a valid one, or null
 */
public record EntryContext(RawEntry entry, Contract contract, Set<String> projects, String previousTimestamp) {
}
