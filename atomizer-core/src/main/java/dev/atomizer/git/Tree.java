package dev.atomizer.git;

import java.io.IOException;

/** Reads files of one state of the repository: HEAD, the index, or a commit. */
@FunctionalInterface
public interface Tree {

    /** The file's bytes in this state, or null when the path is not there. */
    byte[] read(String path) throws IOException;

    Tree EMPTY = path -> null;
}
