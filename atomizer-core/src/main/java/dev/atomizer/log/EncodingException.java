package dev.atomizer.log;

import java.io.IOException;

/** The log is not valid UTF-8 at {@code line}:{@code column} (rule {@code encoding}). */
public final class EncodingException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public EncodingException(int line, int column, String message) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
