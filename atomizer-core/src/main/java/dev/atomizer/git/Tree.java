package dev.atomizer.git;

import java.io.IOException;

/** Reads files of one state of the repository: HEAD, the index, or a commit. */
@FunctionalInterface
public interface Tree {

    /** The file's bytes in this state, or null when the path is not there. */
    byte[] read(String path) throws IOException;

    /**
     * The file as a stream, or null when the path is not there: what a file of any size is read
     * with (a log of gigabytes is never held whole). By default the bytes of {@link #read}.
     */
    default java.io.InputStream open(String path) throws IOException {
        byte[] b = read(path);
        return b == null ? null : new java.io.ByteArrayInputStream(b);
    }

    /** The working tree under {@code root}: regular files inside the repository only, streamed when opened. */
    static Tree worktree(java.nio.file.Path root) {
        return new Tree() {
            @Override
            public byte[] read(String path) throws IOException {
                return dev.atomizer.api.Workspace.readInside(root, path);
            }

            @Override
            public java.io.InputStream open(String path) throws IOException {
                return dev.atomizer.api.Workspace.openInside(root, path);
            }

            @Override
            public java.nio.file.Path folder() {
                return root;
            }
        };
    }

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

    /**
     * The folder this state's files are read from when it is a working tree, or null: a state that
     * cannot list its paths lists the log's history files ({@link LogFiles}) there.
     */
    default java.nio.file.Path folder() {
        return null;
    }

    /** This state's files without their history: what a derivation that reads no git sees. */
    default Tree withoutHistory() {
        Tree files = this;
        return new Tree() {
            @Override
            public byte[] read(String path) throws IOException {
                return files.read(path);
            }

            @Override
            public java.io.InputStream open(String path) throws IOException {
                return files.open(path);
            }

            @Override
            public java.util.Collection<String> paths() throws IOException {
                return files.paths();
            }

            @Override
            public java.nio.file.Path folder() {
                return files.folder();
            }
        };
    }

    Tree EMPTY = path -> null;
}
