package dev.atomizer.governance;

import dev.atomizer.git.Tree;
import java.io.IOException;

/**
 * The seam for {@code generated-file}: what the generator makes of a derived file from the
 * sources of a given state. {@code Derived.files()} is the generator's; {@link #NONE} knows
 * nothing and keeps the rule silent (governance checked on its own, as in its tests).
 */
@FunctionalInterface
public interface DerivedFiles {

    /** The exact bytes the generator makes for {@code path} from the files of {@code sources}, or null when unknown. */
    byte[] expected(String path, Tree sources) throws IOException;

    /** The paths whose git history the generator reads ({@link Tree#history()}); none by default. */
    default java.util.List<String> historyPaths() {
        return java.util.List.of();
    }

    /**
     * The bytes {@code init} writes at {@code path} in a new repository (made from its own sources),
     * or null when unknown (by default). A derived file added with these bytes is untouched: when
     * the generator makes other bytes of the staged sources, it is stale, not edited by hand.
     */
    default byte[] initial(String path) throws IOException {
        return null;
    }

    /**
     * Told of each derived file that {@code generated-file} finds stale (untouched while its
     * sources changed), with what the generator makes of it; pre-commit regenerates those. Ignored
     * by default.
     */
    default void stale(String path, byte[] made) {}

    DerivedFiles NONE = (path, sources) -> null;
}
