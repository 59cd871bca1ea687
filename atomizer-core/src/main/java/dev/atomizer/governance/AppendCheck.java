package dev.atomizer.governance;

import dev.atomizer.log.LimitException;
import dev.atomizer.log.LogGrammar;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

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
     * Text before the first appended entry that is more than blank lines (a blank line holds only
     * spaces and tabs, as in CommonMark: a form feed is text).
     */
    private static boolean hasText(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isSpace(b[i])) {
                return true;
            }
        }
        return false;
    }

    /** Why an appended line before the first appended entry is stray: see {@link #strays}. */
    public enum Stray {
        /** it starts a block after the closing {@code ---} of the entry above */
        AFTER_CLOSE,
        /** it continues the entry above, which the old version left without its {@code ---} */
        CONTINUES,
        /** it is inside a code fence or HTML block that the old version left open */
        IN_OPEN_BLOCK
    }

    /**
     * An appended line that is not part of an appended entry.
     *
     * @param line   1-based, counted from the line of the entry it belongs to (the host)
     * @param offset byte offset of the line in the new version
     * @param kind   why it is stray
     */
    public record StrayLine(int line, int offset, Stray kind) {}

    /** The block parser of {@link #strays}, made on first need (most checks never need one). */
    private static final class Markdown {
        static final Parser PARSER = Parser.builder()
                .includeSourceSpans(IncludeSourceSpans.BLOCKS)
                .inlineParserFactory(context -> (lines, node) -> {})
                .build();
    }

    /**
     * The appended text before the first appended entry, read as CommonMark reads it with the
     * entry above it (which starts at {@code host}, an entry start of {@code b}): everything of it
     * that is more than blank lines is stray, save what only ends what the old text left open, that
     * is, a line that closes a code fence or an HTML block opened in the old text, alone on its line
     * (after blank lines at most), and the {@code ---} that closes an entry the old text left
     * without one. Returns the first line of each stray block (or of the stray part of a block the
     * old text opened), in order. Costs O(the entry above and the text read).
     *
     * @param host    byte offset of the entry above's heading line
     * @param tail    byte offset where the appended lines start (a line start, at or after the heading's line)
     * @param entries byte offset of the first appended entry, or the length of {@code b}
     */
    public static List<StrayLine> strays(byte[] b, int host, int tail, int entries) {
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        int first = -1;
        for (int s = host; s < entries; ) {
            if (first < 0 && s >= tail) {
                first = starts.size();
            }
            int e = s;
            while (e < entries && b[e] != '\n' && b[e] != '\r') {
                e++;
            }
            starts.add(s);
            ends.add(e);
            s = e < entries ? e + (b[e] == '\r' && e + 1 < entries && b[e + 1] == '\n' ? 2 : 1) : e;
        }
        List<StrayLine> found = new ArrayList<>();
        if (first < 0) {
            return found;
        }
        int n = starts.size();
        boolean[] covered = new boolean[n];
        Node doc = Markdown.PARSER.parse(new String(b, host, entries - host, StandardCharsets.UTF_8));
        boolean closed = false;
        for (Node node = doc.getFirstChild(); node != null; node = node.getNext()) {
            List<SourceSpan> spans = node.getSourceSpans();
            if (spans.isEmpty()) {
                continue;
            }
            int st = spans.get(0).getLineIndex();
            int en = Math.min(spans.get(spans.size() - 1).getLineIndex(), n - 1);
            for (int i = st; i <= en; i++) {
                covered[i] = true;
            }
            boolean separator = node instanceof ThematicBreak;
            // a '---' right under a paragraph makes it a heading: the entry is closed, wrongly (separator-missing)
            boolean setext = node instanceof Heading h && h.getLevel() == 2 && !isAtx(b, starts.get(st), ends.get(st));
            if (st == 0 || en < first) {
                closed |= separator || setext;
                continue;
            }
            if (st < first) {
                // a block the old text opened: only its closing line, alone, may be appended to it
                int text = firstText(b, starts, ends, first, en);
                if (text >= 0 && !(text == en && closesAlone(node, b, starts, ends, st, en))) {
                    boolean open = node instanceof FencedCodeBlock || node instanceof HtmlBlock;
                    found.add(new StrayLine(text + 1, starts.get(text), open ? Stray.IN_OPEN_BLOCK : Stray.CONTINUES));
                }
                closed |= setext;
                continue;
            }
            if (separator && !closed) {
                closed = true; // the '---' of an entry the old text left unclosed
                continue;
            }
            found.add(new StrayLine(st + 1, starts.get(st), closed ? Stray.AFTER_CLOSE : Stray.CONTINUES));
            closed |= separator || setext;
        }
        // text no block holds (none is known): stray all the same
        for (int i = first; i < n; i++) {
            if (!covered[i] && !blank(b, starts.get(i), ends.get(i))) {
                found.add(new StrayLine(i + 1, starts.get(i), closed ? Stray.AFTER_CLOSE : Stray.CONTINUES));
                while (i + 1 < n && !covered[i + 1]) {
                    i++;
                }
            }
        }
        found.sort(java.util.Comparator.comparingInt(StrayLine::line));
        return found;
    }

    /** The first line in {@code [from, to]} that is not blank, or -1. */
    private static int firstText(byte[] b, List<Integer> starts, List<Integer> ends, int from, int to) {
        for (int i = from; i <= to; i++) {
            if (!blank(b, starts.get(i), ends.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Line {@code en} closes {@code node}, which starts at line {@code st}, and holds nothing else: a
     * closing fence (fence characters and spaces only), or an HTML block's end marker alone.
     */
    private static boolean closesAlone(Node node, byte[] b, List<Integer> starts, List<Integer> ends, int st, int en) {
        if (node instanceof FencedCodeBlock f) {
            return f.getClosingFenceLength() != null;
        }
        if (node instanceof HtmlBlock) {
            String marker = LogGrammar.htmlBlockEnd(line(b, starts.get(st), ends.get(st)));
            return marker != null
                    && en > st
                    && line(b, starts.get(en), ends.get(en)).strip().equalsIgnoreCase(marker);
        }
        return false;
    }

    private static String line(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** Only spaces and tabs: CommonMark's blank line. */
    private static boolean blank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** A heading line read as ATX, as the parser tells them from setext headings: '#' after leading whitespace. */
    private static boolean isAtx(byte[] b, int from, int to) {
        return line(b, from, to).stripLeading().startsWith("#");
    }

    /** The number of line breaks in {@code b[from, to)}: LF, CRLF and lone CR each count once. */
    public static int breaks(byte[] b, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n' || b[i] == '\r' && (i + 1 >= b.length || b[i + 1] != '\n')) {
                n++;
            }
        }
        return n;
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
