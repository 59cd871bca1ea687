package dev.atomizer.governance;

import dev.atomizer.contract.Policy;
import dev.atomizer.git.Tree;
import java.io.IOException;
import java.util.List;

/**
 * The seam for {@code generated-file} and {@code not-generated}: what the generator makes of a
 * derived file from the sources of a given state, and which folders are its alone. {@code
 * Derived.files()} is the dashboards' generator; the facade adds the reports' ({@code
 * dev.atomizer.Generated}); {@link #NONE} knows nothing and keeps both rules silent (governance
 * checked on its own, as in its tests).
 */
@FunctionalInterface
public interface DerivedFiles {

    /** The exact bytes the generator makes for {@code path} from the files of {@code sources}, or null when unknown. */
    byte[] expected(String path, Tree sources) throws IOException;

    /** The paths whose git history the generator reads ({@link Tree#history()}); none by default. */
    default List<String> historyPaths() {
        return List.of();
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

    /**
     * A folder only the generator writes: every file under it (at any depth) is one the generator
     * makes, with its bytes.
     *
     * @param path   the folder, from the repository root, without a trailing slash
     * @param policy the policy the contract gives the files the generator makes there
     * @param sample one of those files: the folder is the generator's while the contract gives this
     *               file that policy (a contract that does not govern the generator's files does not
     *               govern their folder either)
     * @param writer the command that writes there, as a message names it ("'atomizer dashboards'")
     */
    record Folder(String path, Policy policy, String sample, String writer) {

        /** Whether {@code file} is under this folder. */
        public boolean holds(String file) {
            return file.length() > path.length() + 1 && file.startsWith(path) && file.charAt(path.length()) == '/';
        }
    }

    /** The folders the generator owns; none by default (and for {@link #NONE}). */
    default List<Folder> folders() {
        return List.of();
    }

    /** What a path under one of {@link #folders()} is to the generator. */
    enum Kind {
        /** A derived file: {@link #expected} gives its bytes, {@code generated-file} judges it. */
        DERIVED,
        /** A snapshot written once (a report, its PDF): {@link #snapshot} gives its bytes when it is added. */
        SNAPSHOT,
        /** A revision of a snapshot ({@code <report>.rN.md}): judged by the revision's own rule, not here. */
        REVISION,
        /** The folder's {@code .gitkeep}, which {@code init} makes empty. */
        KEEP,
        /** A file the generator never makes. */
        NONE
    }

    /** What {@code path} (under one of {@link #folders()}) is; {@link Kind#NONE} by default. */
    default Kind kind(String path) {
        return Kind.NONE;
    }

    /**
     * The bytes the generator makes for the snapshot at {@code path} (a {@link Kind#SNAPSHOT}) from
     * the files of {@code state}, as the command that writes it would make them there and then;
     * null when unknown (by default).
     *
     * @throws Refused when the generator makes no such file of this state (a week whose cut-off has
     *                 not come, a project that is not finished), saying why
     */
    default byte[] snapshot(String path, Tree state) throws IOException {
        return null;
    }

    /** The generator would not make a snapshot of this state: the message says why. */
    final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        public Refused(String why, Throwable cause) {
            super(why, cause);
        }
    }

    DerivedFiles NONE = (path, sources) -> null;
}
