package dev.atomizer.log;

import dev.atomizer.api.NewEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends to the log without ever rewriting a byte of it: under an exclusive lock (agents append
 * concurrently), the new bytes go after the current end in one write, are forced to disk, and are
 * cut off again if the write fails, so the log is never left half-written.
 */
public final class LogAppender {

    /**
     * What the log says before the new entry: the last entry's timestamp, how the file ends, and
     * whether the new entry would start an entry where it is written.
     *
     * @param startsEntry the new entry's heading would start an entry; otherwise it would be read
     *                    as part of what is above it (a code fence or HTML block never closed)
     * @param hostLine    the line of the log's last entry, 0 when it has none (only a preamble)
     */
    public record Tail(String lastTimestamp, String lineSeparator, String prefix, boolean startsEntry, int hostLine) {}

    /** Checks the entry before it is written; returns normally to let the write go ahead. */
    @FunctionalInterface
    public interface Check {
        void accept(Tail tail) throws IOException;
    }

    private LogAppender() {}

    /**
     * Appends {@code entry} to {@code log} (created with a title when absent) once {@code check}
     * accepts it.
     */
    public static void append(Path log, NewEntry entry, Check check) throws IOException {
        append(log, last -> entry, check);
    }

    /**
     * As {@link #append(Path, NewEntry, Check)}, with the entry made once the log's last timestamp
     * is known (null when it has none), under the lock: an entry stamped after it cannot be
     * overtaken by a concurrent append.
     *
     * @return the entry as it was checked (and written, unless the check refused it)
     */
    // "try": the file lock is held for the whole block by being open; its body never names it
    @SuppressWarnings("try")
    public static NewEntry append(Path log, java.util.function.Function<String, NewEntry> entryAfter, Check check)
            throws IOException {
        Path parent = log.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // never through a symlink: the log is a regular file of the repository
        try (FileChannel ch = FileChannel.open(
                        log,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.READ,
                        StandardOpenOption.WRITE,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
                FileLock lock = ch.lock()) {
            long size = ch.size();
            NewEntry[] made = new NewEntry[1];
            Tail tail = tail(ch, size, last -> made[0] = entryAfter.apply(last));
            NewEntry entry = made[0];
            check.accept(tail);
            String sep = tail.lineSeparator();
            StringBuilder sb = new StringBuilder(size == 0 ? "# Project log" + sep + sep : tail.prefix());
            for (String l : entry.lines()) {
                sb.append(l).append(sep);
            }
            ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
            try {
                long at = size;
                while (buf.hasRemaining()) {
                    at += ch.write(buf, at);
                }
                ch.force(true);
            } catch (IOException e) {
                ch.truncate(size);
                throw e;
            }
            return entry;
        }
    }

    /**
     * Reads the log through {@link LogGrammar} (the whole file: whether a line starts an entry
     * depends on every line above it), then the new entry's lines as they would follow.
     */
    static Tail tail(FileChannel ch, long size, java.util.function.Function<String, NewEntry> entryAfter)
            throws IOException {
        if (size == 0) {
            entryAfter.apply(null);
            return new Tail(null, "\n", "", true, 0);
        }
        String sep = "\n";
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, 4096));
        ch.read(head, 0);
        String start = new String(head.array(), 0, head.position(), StandardCharsets.UTF_8);
        int nl = start.indexOf('\n');
        if (nl > 0 && start.charAt(nl - 1) == '\r') {
            sep = "\r\n";
        }
        ByteBuffer end = ByteBuffer.allocate((int) Math.min(size, 4));
        ch.read(end, size - end.capacity());
        String prefix = prefix(new String(end.array(), StandardCharsets.ISO_8859_1), sep);
        LogGrammar.LineScanner grammar = new LogGrammar.LineScanner();
        Utf8LineReader reader = new Utf8LineReader(Channels.newInputStream(ch.position(0)));
        List<String> headings = new ArrayList<>();
        int lastEntry = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            if (grammar.accept(line) == LogGrammar.ENTRY) {
                lastEntry = reader.lineNumber();
                if (line.startsWith("## [")) {
                    headings.add(line);
                }
            }
        }
        String last = null;
        for (int i = headings.size() - 1; i >= 0 && last == null; i--) {
            last = LogGrammar.timestamp(headings.get(i));
        }
        // the new entry, as it would follow: its heading must start an entry
        boolean starts = true;
        if (!prefix.isEmpty()) {
            grammar.accept(""); // the blank line the prefix makes before the heading
        }
        List<String> lines = entryAfter.apply(last).lines();
        if (!lines.isEmpty()) {
            starts = grammar.accept(lines.get(0)) == LogGrammar.ENTRY;
        }
        return new Tail(last, sep, prefix, starts, lastEntry);
    }

    /** Separators so the new heading follows a blank line. */
    /**
     * What goes between a file that ends with {@code ending} (its last few bytes, ISO-8859-1) and
     * an entry appended to it, so the entry starts after a blank line: the fold and the history's
     * reading of the inbox ({@code git/LogFiles}) join entries so.
     */
    public static String separator(String ending, String sep) {
        return prefix(ending, sep);
    }

    /** The line break a log's first line ends with: CRLF or LF (the default). */
    public static String lineSeparator(byte[] log) {
        for (int i = 0; i < log.length; i++) {
            if (log[i] == '\n') {
                return i > 0 && log[i - 1] == '\r' ? "\r\n" : "\n";
            }
        }
        return "\n";
    }

    private static String prefix(String ending, String sep) {
        if (ending.endsWith(sep + sep) || ending.endsWith("\n\n")) {
            return "";
        }
        if (ending.endsWith("\n")) {
            return sep;
        }
        return sep + sep;
    }
}
