package dev.atomizer.governance;

import dev.atomizer.log.LimitException;
import dev.atomizer.log.LogGrammar;
import java.nio.charset.StandardCharsets;

/**
 * Compares two versions of the log. "the new log must begin with the old one byte for byte
 * (trailing whitespace at the old end tolerated)". When it does, says where the appended part
 * starts and where its first entry starts, as {@link LogGrammar} reads the new version; when it
 * does not, names the first entry that differs.
 *
 * @param appendOnly        the new version only adds at the end
 * @param tailOffset        byte offset in the new version where the appended lines start (its line
 *                          number is counted only when a diagnostic needs it: {@link #tailFirstLine})
 * @param entriesOffset     byte offset of the first entry that starts in the appended part (the
 *                          length of the new version when none does)
 * @param previousTimestamp the last valid entry timestamp before the appended entries (for timestamp-order)
 * @param hostLine          the line of the entry the appended text before {@code entriesOffset}
 *                          belongs to, or 0 when the old version holds no entry (it is preamble)
 * @param changedLine       the first changed line of the old version (when not append-only)
 * @param entryLine         line of the entry heading that holds it, 0 when it is in the preamble
 * @param entryHeading      that heading's text
 * @param oldEndsClosed     the old version's last non-blank line is a {@code ---}
 * @param resumeOld         where a later scan of the old version may resume (null when not append-only)
 * @param resumeNew         where a later scan of the new version may resume (null when not append-only)
 */
public record AppendCheck(
        boolean appendOnly,
        int tailOffset,
        int entriesOffset,
        String previousTimestamp,
        int hostLine,
        int changedLine,
        int entryLine,
        String entryHeading,
        boolean oldEndsClosed,
        Resume resumeOld,
        Resume resumeNew) {

    /**
     * A point of a version of the log where {@link LogGrammar} may resume reading: the start of its
     * last entry (the structure is known there), with the last valid timestamp before it. A
     * version that extends this one reads the same up to there, so each version of a log is
     * scanned once and a later one from here on: the hooks and {@code verify} cost O(appended).
     *
     * @param offset          byte offset of the entry start, or 0 (the start of the file)
     * @param timestampBefore the last valid entry timestamp before {@code offset}, or null
     */
    public record Resume(int offset, String timestampBefore) {

        public static final Resume START = new Resume(0, null);

        /** Whether this can be a resume point of {@code b}: the start, or a heading line's start. */
        boolean fits(byte[] b, int core) {
            if (offset == 0) {
                return timestampBefore == null;
            }
            return offset < core
                    && (b[offset - 1] == '\n' || b[offset - 1] == '\r')
                    && offset + 2 < b.length
                    && b[offset] == '#'
                    && b[offset + 1] == '#';
        }
    }

    /**
     * Compares the versions: {@code Arrays.mismatch} over the old core (the JDK's word-at-a-time
     * comparison: about 6 ms against 27 ms for a byte loop over a 2.3 MB log in a fresh JVM with
     * the launcher's flags, once compiled; the hook's warm-up has it compiled early), then one
     * pass of the grammar over the new version. Lines are not counted here: the appended part's
     * line number is wanted only when something in it is reported.
     *
     * @throws LimitException when the log holds an entry past the documented limit
     */
    public static AppendCheck compare(byte[] old, byte[] neu) throws LimitException {
        return compare(old, neu, Resume.START);
    }

    /**
     * As {@link #compare(byte[], byte[])}, reading the new version from {@code resume}, a resume
     * point of the old version (from an earlier check of it; {@link Resume#START} when none is known).
     */
    public static AppendCheck compare(byte[] old, byte[] neu, Resume resume) throws LimitException {
        int core = old.length;
        while (core > 0 && isSpace(old[core - 1])) {
            core--;
        }
        int limit = Math.min(core, neu.length);
        int d = java.util.Arrays.mismatch(old, 0, limit, neu, 0, limit);
        if (d < 0) {
            d = limit;
        }
        if (d == core) {
            // the rest of the old last line may only gain whitespace
            int p = core;
            while (core > 0 && p < neu.length && neu[p] != '\n' && neu[p] != '\r' && isSpace(neu[p])) {
                p++;
            }
            if (core == 0 || p >= neu.length || neu[p] == '\n' || neu[p] == '\r') {
                int tail = core == 0
                        ? 0
                        : p >= neu.length
                                ? neu.length
                                : p + (neu[p] == '\r' && p + 1 < neu.length && neu[p + 1] == '\n' ? 2 : 1);
                Resume from = resume != null && resume.fits(old, core) ? resume : Resume.START;
                LogGrammar.Starts starts = LogGrammar.entryStarts(neu, from.offset(), neu.length);
                int k = starts.firstAtOrAfter(tail);
                int entries = k < starts.size() ? starts.at(k) : neu.length;
                int host = k > 0 && hasText(neu, tail, entries) ? LogGrammar.lineNumber(neu, starts.at(k - 1)) : 0;
                String previous = orElse(LogGrammar.lastTimestamp(neu, starts, k), from.timestampBefore());
                return new AppendCheck(
                        true,
                        tail,
                        entries,
                        previous,
                        host,
                        0,
                        0,
                        null,
                        endsWithSeparator(old, core),
                        resumeAt(neu, starts, k, from),
                        resumeAt(neu, starts, starts.size(), from));
            }
            d = Math.min(p, core == 0 ? 0 : core - 1);
        }
        int line = lineOf(old, Math.min(d, old.length));
        LogGrammar.Starts starts = LogGrammar.entryStarts(old, 0, old.length);
        int lineStart = Math.min(d, old.length);
        while (lineStart > 0 && old[lineStart - 1] != '\n') {
            lineStart--;
        }
        int k = starts.firstAtOrAfter(lineStart + 1) - 1;
        if (k < 0) {
            return new AppendCheck(false, 0, 0, null, 0, line, 0, null, false, null, null);
        }
        int at = starts.at(k);
        return new AppendCheck(
                false,
                0,
                0,
                null,
                0,
                line,
                lineOf(old, at),
                LogGrammar.lineAt(old, at).stripTrailing(),
                false,
                null,
                null);
    }

    /** The resume point of the text that holds {@code starts[0, count)}: the last of them. */
    private static Resume resumeAt(byte[] b, LogGrammar.Starts starts, int count, Resume from) {
        if (count == 0) {
            return from;
        }
        String before = orElse(LogGrammar.lastTimestamp(b, starts, count - 1), from.timestampBefore());
        return new Resume(starts.at(count - 1), before);
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }

    /** As {@link #compare(byte[], byte[], Resume)}, naming {@code path} in a limit's message. */
    public static AppendCheck compare(String path, byte[] old, byte[] neu, Resume resume) throws LimitException {
        try {
            return compare(old, neu, resume);
        } catch (LimitException e) {
            throw new LimitException(e.line(), path + ":" + e.line() + ": " + e.getMessage());
        }
    }

    /**
     * Text before the first appended entry that is not blank and not a line closing a block: a
     * fence, a {@code -->} or a thematic break may close what the last entry left open.
     */
    private static boolean hasText(byte[] b, int from, int to) {
        return strayOffset(b, from, to) >= 0;
    }

    /** The offset of the first line in {@code [from, to)} that {@link #hasText} counts, or -1. */
    public static int strayOffset(byte[] b, int from, int to) {
        int s = from;
        while (s < to) {
            int e = s;
            while (e < to && b[e] != '\n') {
                e++;
            }
            String line = new String(b, s, e - s, StandardCharsets.UTF_8).strip();
            if (!line.isEmpty() && !closer(line)) {
                return s;
            }
            s = e + 1;
        }
        return -1;
    }

    private static boolean closer(String line) {
        if (line.endsWith("-->")) {
            return true;
        }
        String compact = line.replace(" ", "").replace("\t", "");
        if (compact.length() < 3) {
            return false;
        }
        char c = compact.charAt(0);
        return "`~-*_".indexOf(c) >= 0 && compact.chars().allMatch(x -> x == c);
    }

    /** The 1-based line of the new version {@code neu} (the one compared) where the appended part starts. */
    public int tailFirstLine(byte[] neu) {
        return lineOf(neu, tailOffset);
    }

    /** The last line before {@code end} is a thematic break made of '-' (the contract's entry separator). */
    private static boolean endsWithSeparator(byte[] b, int end) {
        int s = end;
        while (s > 0 && b[s - 1] != '\n') {
            s--;
        }
        String line = new String(b, s, end - s, StandardCharsets.UTF_8).strip();
        return line.length() >= 3 && line.chars().allMatch(c -> c == '-' || c == ' ');
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** 1-based line of byte offset {@code at}. */
    static int lineOf(byte[] b, int at) {
        return LogGrammar.lineNumber(b, at);
    }
}
