package dev.atomizer.git;

import java.io.IOException;

/**
 * One path changed between two trees (HEAD and the index, or a commit and its parent), as our own
 * value type: no JGit object leaves this package. Contents are read on demand.
 *
 * @param kind    what happened to the path
 * @param oldPath the path before (null for an addition)
 * @param newPath the path after (null for a deletion)
 */
public record FileChange(Kind kind, String oldPath, String newPath, Content oldContent, Content newContent) {

    public enum Kind {
        ADD,
        MODIFY,
        DELETE,
        RENAME,
        COPY
    }

    /** A blob's bytes, read from the object database when first asked for. */
    @FunctionalInterface
    public interface Content {
        byte[] bytes() throws IOException;

        /** The blob's object id (hex), or null when it is not a blob of the repository (a working-tree file). */
        default String id() {
            return null;
        }

        /** What this side is when it is not a regular file ("a symlink", "a submodule (gitlink)"), or null. */
        default String notAFile() {
            return null;
        }

        Content NONE = () -> new byte[0];
    }

    /** The path this change is reported at: the new path, or the old one for a deletion. */
    public String path() {
        return newPath != null ? newPath : oldPath;
    }

    /**
     * What the new side is when it is not a regular file ("a symlink", "a submodule (gitlink)"), or
     * null: a regular file (executable or not) or no new side. A checkout puts no file's content at
     * such a path: a symlink is a pointer to another path, a gitlink an empty folder.
     */
    public String newNotAFile() {
        return newPath == null ? null : newContent.notAFile();
    }

    /** True when a regular file at the path was replaced by something that is not one (a symlink, a gitlink). */
    public boolean replacesAFile() {
        return kind == Kind.MODIFY && oldContent.notAFile() == null && newContent.notAFile() != null;
    }
}
