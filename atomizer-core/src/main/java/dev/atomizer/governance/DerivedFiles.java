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

    DerivedFiles NONE = (path, sources) -> null;
}
