package dev.atomizer.git;

import java.io.IOException;

/** A path of a commit that holds a folder or a submodule (gitlink) where a file was to be read. */
public final class NotAFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public NotAFileException(String path, String what) {
        super(path + " is " + what + " in this commit, not a file");
    }
}
