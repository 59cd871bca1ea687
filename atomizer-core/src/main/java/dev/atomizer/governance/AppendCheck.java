package dev.atomizer.governance;

import dev.atomizer.log.EntryHeader;
import java.nio.charset.StandardCharsets;

/**
 * Compares two versions of the log. spec: "the new log must begin with the old one byte for byte
 * (trailing whitespace at the old end tolerated)". When it does, says where the appended part
 * starts; when it does not, names the first entry that differs.
 *
 * @param appendOnly        the new version only adds at the end
 * @param tailOffset        byte offset in the new version where the appended lines start (its line
 *                          number is counted only when a diagnostic needs it: {@link #tailFirstLine})
 * @param previousTimestamp the last valid entry timestamp of the old version (for timestamp-order)
 * @param changedLine       the first changed line of the old version (when not append-only)
 * @param entryLine         line of the entry heading that holds it, 0 when it is in the preamble
 * @param entryHeading      that heading's text
 * @param oldEndsClosed     the old version's last non-blank line is a {@code ---}: anything appended
 *                          before the next heading is stray content
 */
public record AppendCheck(boolean appendOnly, int tailOffset, String previousTimestamp,
                          int changedLine, int entryLine, String entryHeading, boolean oldEndsClosed) {

    /**
     * Compares the versions: {@code Arrays.mismatch} over the old core (the JDK's word-at-a-time
     * comparison: about 6 ms against 27 ms for a byte loop over a 2.3 MB log in a fresh JVM with
     * the launcher's flags, once compiled; the hook's warm-up has it compiled early). Lines are not counted
     * here: the appended part's line number is wanted only when something in it is reported.
     * A SHA-1 of the prefix (proving it against git's object id) would cost several times the
     * inflation of the old blob it saves.
     */
    public static AppendCheck compare(byte[] old, byte[] neu) {
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
            while (p < neu.length && neu[p] != '\n' && isSpace(neu[p])) {
                p++;
            }
            if (p >= neu.length || neu[p] == '\n') {
                int tail = Math.min(neu.length, p + 1);
                return new AppendCheck(true, tail, lastTimestamp(old, core), 0, 0, null,
                        endsWithSeparator(old, core));
            }
            d = Math.min(p, core == 0 ? 0 : core - 1);
        }
        int line = lineOf(old, Math.min(d, old.length));
        int[] entry = entryAt(old, d);
        String heading = entry[0] < 0 ? null
                : new String(old, entry[0], entry[1] - entry[0], StandardCharsets.UTF_8).stripTrailing();
        return new AppendCheck(false, 0, null, line, entry[0] < 0 ? 0 : lineOf(old, entry[0]), heading, false);
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

    /**
     * The 1-based line (counted from {@code firstLine}) of the first non-blank line of the
     * appended text when it is not an entry heading, or 0: text between the closing {@code ---}
     * and the next heading.
     */
    public static int strayBeforeFirstHeading(byte[] b, int from, int firstLine) {
        int line = firstLine;
        int i = from;
        while (i < b.length) {
            int e = i;
            while (e < b.length && b[e] != '\n') {
                e++;
            }
            String text = new String(b, i, e - i, StandardCharsets.UTF_8);
            if (!text.isBlank()) {
                return text.startsWith("## ") || text.equals("##") ? 0 : line;
            }
            i = e + 1;
            line++;
        }
        return 0;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** 1-based line of byte offset {@code at}. */
    static int lineOf(byte[] b, int at) {
        int line = 1;
        for (int i = 0; i < at && i < b.length; i++) {
            if (b[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Start and end offsets of the last line starting with "## " at or before offset {@code at}; {-1,-1} if none. */
    private static int[] entryAt(byte[] b, int at) {
        int lineStart = Math.min(at, b.length);
        while (lineStart > 0 && b[lineStart - 1] != '\n') {
            lineStart--;
        }
        for (int s = lineStart; s >= 0; ) {
            if (s + 2 < b.length && b[s] == '#' && b[s + 1] == '#' && b[s + 2] == ' ') {
                int e = s;
                while (e < b.length && b[e] != '\n') {
                    e++;
                }
                return new int[] {s, e};
            }
            if (s == 0) {
                break;
            }
            s--;
            while (s > 0 && b[s - 1] != '\n') {
                s--;
            }
        }
        return new int[] {-1, -1};
    }

    /** The timestamp of the last well-formed entry heading before offset {@code end}. */
    private static String lastTimestamp(byte[] b, int end) {
        int e = end;
        while (e > 0) {
            int s = e;
            while (s > 0 && b[s - 1] != '\n') {
                s--;
            }
            if (e - s > 4 && b[s] == '#' && b[s + 1] == '#' && b[s + 2] == ' ' && b[s + 3] == '[') {
                String line = new String(b, s, e - s, StandardCharsets.UTF_8).stripTrailing();
                EntryHeader h = EntryHeader.parse(line);
                if (h.wellFormed() && h.dateTime() != null) {
                    return h.timestamp();
                }
            }
            e = s - 1;
        }
        return null;
    }
}
