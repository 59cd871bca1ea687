package dev.atomizer.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends to the log without ever rewriting a byte of it: under an exclusive lock (agents append
 * concurrently), the new bytes go after the current end in one write, are forced to disk, and are
 * cut off again if the write fails, so the log is never left half-written.
 */
public final class LogAppender {

    /** What the tail of the log says: the last entry's timestamp and how the file ends. */
    public record Tail(String lastTimestamp, String lineSeparator, String prefix) {
    }

    /** Checks the entry before it is written; returns normally to let the write go ahead. */
    @FunctionalInterface
    public interface Check {
        void accept(Tail tail) throws IOException;
    }

    private LogAppender() {
    }

    /**
     * Appends {@code entry} to {@code log} (created with a title when absent) once {@code check}
     * accepts it.
     */
    public static void append(Path log, NewEntry entry, Check check) throws IOException {
        Path parent = log.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            long size = ch.size();
            Tail tail = tail(ch, size);
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
        }
    }

    /** Reads the end of the log: enough to find the last entry heading. */
    static Tail tail(FileChannel ch, long size) throws IOException {
        if (size == 0) {
            return new Tail(null, "\n", "");
        }
        String sep = "\n";
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, 4096));
        ch.read(head, 0);
        String start = new String(head.array(), 0, head.position(), StandardCharsets.UTF_8);
        int nl = start.indexOf('\n');
        if (nl > 0 && start.charAt(nl - 1) == '\r') {
            sep = "\r\n";
        }
        long want = 64 * 1024;
        while (true) {
            long from = Math.max(0, size - want);
            ByteBuffer b = ByteBuffer.allocate((int) (size - from));
            ch.read(b, from);
            String text = new String(b.array(), StandardCharsets.UTF_8);
            String last = lastTimestamp(text, from == 0);
            if (last != null || from == 0) {
                return new Tail(last, sep, prefix(text, sep));
            }
            want *= 4;
        }
    }

    /** Separators so the new heading follows a blank line. */
    private static String prefix(String text, String sep) {
        if (text.endsWith(sep + sep) || text.endsWith("\n\n")) {
            return "";
        }
        if (text.endsWith("\n")) {
            return sep;
        }
        return sep + sep;
    }

    private static String lastTimestamp(String text, boolean whole) {
        int start = 0;
        if (!whole) {
            // begin at an entry heading so the parse starts at a block boundary
            int h = text.indexOf("\n## [");
            if (h < 0) {
                return null;
            }
            start = h + 1;
        }
        List<RawEntry> entries = LogParser.parse(text.substring(start));
        for (int i = entries.size() - 1; i >= 0; i--) {
            EntryHeader header = entries.get(i).header();
            if (header.wellFormed() && header.dateTime() != null) {
                return header.timestamp();
            }
        }
        return null;
    }
}
