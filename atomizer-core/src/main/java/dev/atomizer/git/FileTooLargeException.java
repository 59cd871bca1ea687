package dev.atomizer.git;

import java.io.IOException;
import java.util.Locale;

/**
 * A file of the repository too large for this run's memory: past {@link GitRepo#maxFileBytes()}
 * (a quarter of the Java heap), or more than the heap had room for when it was read. The message
 * is one line that names the file, its size, the limit and what to do.
 */
public final class FileTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    FileTooLargeException(String path, long size, long limit) {
        super(what(path) + " is " + mb(size) + ", more than a run reads (" + mb(limit)
                + ": a quarter of the Java heap of " + mb(Runtime.getRuntime().maxMemory()) + "); " + FIX);
    }

    FileTooLargeException(String path, long size) {
        super(what(path) + " is " + mb(size) + ", more than the Java heap of "
                + mb(Runtime.getRuntime().maxMemory()) + " had room for; " + FIX);
    }

    private static final String FIX =
            "give the JVM more memory (at least 4 times the file: ATOMIZER_JAVA_OPTS=-Xmx1g for the atomizer"
                    + " launcher, MAVEN_OPTS for the Maven plugin)";

    private static String what(String path) {
        return path == null ? "a file of the repository" : path;
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
