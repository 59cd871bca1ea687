package dev.atomizer.git;

import java.io.IOException;

/** Reads files of one state of the repository: HEAD, the index, or a commit. */
@FunctionalInterface
public interface Tree {

    /** The file's bytes in this state, or null when the path is not there. */
    byte[] read(String path) throws IOException;

    /**
     * The commits behind this state (for a commit's files: its ancestors, not itself; for the
     * index or the working tree: HEAD and its ancestors), or null when there is no history.
     */
    default History history() throws IOException {
        return null;
    }

    /**
     * Every path this state holds (regular files, symlinks and submodules alike), or null when the
     * state cannot list them (the working tree). Read on first use and kept.
     */
    default java.util.Collection<String> paths() throws IOException {
        return null;
    }

    Tree EMPTY = path -> null;
}
