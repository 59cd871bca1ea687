package dev.atomizer.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replaces one file whole: the bytes go to a temporary file in the same folder, which is then
 * renamed over the file (atomically where the file system can), so no reader ever sees half of
 * it; the file keeps its mode. The temporary file's name is made of the process id and a counter
 * (opened create-new), not by {@code Files.createTempFile}, whose {@code SecureRandom} costs a
 * fresh JVM about 20 ms: the hooks write through here.
 */
public final class AtomicFile {

    private static final AtomicLong COUNTER = new AtomicLong();

    private AtomicFile() {}

    public static void replace(Path file, byte[] bytes) throws IOException {
        Path abs = file.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + "."
                + ProcessHandle.current().pid() + "." + COUNTER.incrementAndGet() + ".tmp");
        try {
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(abs));
                } catch (UnsupportedOperationException | IOException e) {
                    // not a POSIX file system, or the file went away: the temporary file's mode will do
                }
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
