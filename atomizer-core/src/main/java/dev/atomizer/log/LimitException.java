package dev.atomizer.log;

import java.io.IOException;

/** An input past one of the documented limits (a line longer than {@link Utf8LineReader#MAX_LINE}), at its line. */
public final class LimitException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int line;

    public LimitException(int line, String message) {
        super(message);
        this.line = line;
    }

    /** The 1-based line past the limit. */
    public int line() {
        return line;
    }
}
