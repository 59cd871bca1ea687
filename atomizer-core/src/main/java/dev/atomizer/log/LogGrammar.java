package dev.atomizer.log;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The log's line grammar: the one place that says which lines start an entry and what a
 * heading's timestamp is. The parser, the append check of the hooks and {@code verify}, the merge
 * driver and {@code log} all read the log through it, so they cannot disagree.
 *
 * <p>An entry starts at a line that begins, at column 1, with {@code ##} followed by a space, a
 * tab or the end of the line, unless CommonMark reads that line as part of a fenced code block
 * or an HTML block (such a line is always in a top-level one: any container ends at an
 * unindented heading line). The grammar is therefore exactly CommonMark's reading of level-2 ATX
 * headings at column 1, found cheaply: fences opened at column 1 are followed line by line, and
 * only after a line that could open some other block (one starting with {@code <}, or a fence
 * indented by one to three spaces) is a candidate heading confirmed by parsing the text since the
 * last point where the structure was known. A heading indented by one to three spaces is content
 * of the entry it is in. Lines end at LF, CRLF or a lone CR, as in CommonMark.
 */
public final class LogGrammar {

    /** A line that is not an entry start. */
    public static final int TEXT = 0;
    /** A line that starts an entry: the structure is known from this line on. */
    public static final int ENTRY = 1;
    /** A line that closes a code fence or HTML block: the structure is known from the next line on. */
    public static final int CLOSED = 2;

    /** The parser of the confirmations, made on first need: most logs never need one (the hook's path stays lean). */
    private static final class Markdown {
        static final Parser PARSER = Parser.builder()
                .includeSourceSpans(IncludeSourceSpans.BLOCKS)
                .inlineParserFactory(context -> (lines, node) -> {})
                .build();
    }

    private LogGrammar() {}

    /** The text since the last point where the structure was known, through the current line. */
    @FunctionalInterface
    public interface Pending {
        String text() throws LimitException;
    }

    /** A line shaped like an entry heading: {@code ##} then a space, a tab or the end, at column 1. */
    public static boolean isHeadingLine(CharSequence line) {
        int n = line.length();
        return n >= 2
                && line.charAt(0) == '#'
                && line.charAt(1) == '#'
                && (n == 2 || line.charAt(2) == ' ' || line.charAt(2) == '\t');
    }

    /**
     * What ends an HTML block that starts with {@code firstLine} (CommonMark's types 1 to 5: the
     * first line, this one included, that contains it, such as {@code -->}), or null when a blank
     * line ends it (types 6 and 7).
     */
    public static String htmlBlockEnd(String firstLine) {
        return HtmlEnd.of(firstLine).marker();
    }

    /** The timestamp of an entry heading when it is well formed and names a real date-time, or null. */
    public static String timestamp(String headingLine) {
        EntryHeader h = EntryHeader.parse(headingLine);
        return h.wellFormed() && h.dateTime() != null ? h.timestamp() : null;
    }

    /** Whether {@code ts} is a timestamp as an entry heading holds it: {@code YYYY-MM-DD HH:MM}, a real date-time. */
    public static boolean isTimestamp(String ts) {
        return EntryHeader.validTimestamp(ts);
    }

    /**
     * The {@code YYYY-MM-DD HH:MM} of a heading starting {@code ## [YYYY-MM-DD HH:MM]} at
     * {@code at}, whatever follows it, or null: a sort key (fixed width, zero-padded).
     */
    public static String timestampKey(CharSequence s, int at) {
        String shape = "## [dddd-dd-dd dd:dd]";
        if (at + shape.length() > s.length()) {
            return null;
        }
        for (int i = 0; i < shape.length(); i++) {
            char want = shape.charAt(i);
            char c = s.charAt(at + i);
            if (want == 'd' ? c < '0' || c > '9' : c != want) {
                return null;
            }
        }
        return s.subSequence(at + 4, at + 20).toString();
    }

    /**
     * Reads lines in order, from the start of a file (or from an entry start), and says which
     * start an entry.
     */
    public static final class Scanner {
        private final Pending pending;
        private boolean uncertain;
        private char fenceChar;
        private int fenceLength;
        private HtmlEnd html;

        public Scanner(Pending pending) {
            this.pending = pending;
        }

        /** True when every line must be shown to {@link #accept}; otherwise only lines {@link #mayMatter} says may matter. */
        public boolean needsEveryLine() {
            return html != null;
        }

        /** A line that can change the structure: every other line may be skipped unless {@link #needsEveryLine}. */
        public static boolean mayMatter(int firstChar) {
            return firstChar == '#' || firstChar == '`' || firstChar == '~' || firstChar == ' ' || firstChar == '<';
        }

        /** Classifies the next line (without its line break): {@link #TEXT}, {@link #ENTRY} or {@link #CLOSED}. */
        public int accept(CharSequence line) throws LimitException {
            if (!uncertain) {
                if (html != null) {
                    if (html.endsAt(line.toString())) {
                        html = null;
                        return CLOSED;
                    }
                    return TEXT;
                }
                if (fenceChar != 0) {
                    if (closesFence(line)) {
                        fenceChar = 0;
                        fenceLength = 0;
                        return CLOSED;
                    }
                    return TEXT;
                }
            }
            if (isHeadingLine(line)) {
                return uncertain ? confirm(line) : ENTRY;
            }
            if (!uncertain) {
                int n = line.length();
                if (n >= 3 && (line.charAt(0) == '`' || line.charAt(0) == '~')) {
                    char c = line.charAt(0);
                    int run = run(line, 0, c);
                    // a backtick fence's info string may not hold a backtick
                    if (run >= 3 && (c == '~' || indexOf(line, '`', run) < 0)) {
                        fenceChar = c;
                        fenceLength = run;
                    }
                } else if (mayOpenBlock(line)) {
                    uncertain = true;
                }
            }
            return TEXT;
        }

        /** Parses the text since the structure was last known: is the heading line a heading? */
        private int confirm(CharSequence line) throws LimitException {
            String text = pending.text();
            Node last = Markdown.PARSER.parse(text).getLastChild();
            int lastLine = lines(text) - 1;
            uncertain = false;
            if (last instanceof Heading h && h.getLevel() == 2 && startIndex(h) == lastLine) {
                return ENTRY;
            }
            // the heading line is inside a block that is still open: follow that block
            if (last instanceof FencedCodeBlock f && f.getClosingFenceLength() == null) {
                fenceChar = f.getFenceCharacter().charAt(0);
                fenceLength = f.getOpeningFenceLength();
            } else if (last instanceof HtmlBlock) {
                html = HtmlEnd.of(lineAt(text, startIndex(last)));
                if (html.endsAt(line.toString())) {
                    html = null;
                    return CLOSED;
                }
            } else {
                uncertain = true; // not a case CommonMark has; stay careful
            }
            return TEXT;
        }

        private boolean closesFence(CharSequence line) {
            int indent = 0;
            while (indent < line.length() && indent < 4 && line.charAt(indent) == ' ') {
                indent++;
            }
            if (indent > 3) {
                return false;
            }
            int n = run(line, indent, fenceChar);
            if (n < fenceLength) {
                return false;
            }
            for (int i = indent + n; i < line.length(); i++) {
                if (line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                    return false;
                }
            }
            return true;
        }

        /** A line that may open an HTML block or an indented fence: after 0-3 spaces, {@code <} or a fence. */
        private static boolean mayOpenBlock(CharSequence line) {
            int i = 0;
            while (i < 3 && i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            if (i >= line.length()) {
                return false;
            }
            char c = line.charAt(i);
            return c == '<' || i > 0 && (c == '`' || c == '~') && run(line, i, c) >= 3;
        }
    }

    /**
     * A scanner over lines read one by one (a stream), keeping the lines since the structure was
     * last known; they are at most one entry's.
     */
    public static final class LineScanner {
        private final List<String> pending = new ArrayList<>();
        private final Scanner scanner = new Scanner(this::text);
        private long pendingChars;
        private int line;
        private String current;

        /** Classifies the next line: {@link #TEXT}, {@link #ENTRY} or {@link #CLOSED}. */
        public int accept(String next) throws LimitException {
            line++;
            current = next;
            int kind = scanner.accept(next);
            if (kind == ENTRY) {
                pending.clear();
                pendingChars = 0;
            }
            pending.add(next);
            pendingChars += next.length() + 1;
            if (kind == CLOSED) {
                pending.clear();
                pendingChars = 0;
            }
            if (pendingChars > LogParser.MAX_ENTRY) {
                throw new LimitException(
                        line,
                        "an entry longer than " + LogParser.MAX_ENTRY
                                + " characters (2 Mi): not a log entry; split it, or move the text out of the log");
            }
            return kind;
        }

        private String text() {
            StringBuilder sb = new StringBuilder((int) pendingChars + current.length());
            for (String l : pending) {
                sb.append(l).append('\n');
            }
            return sb.append(current).toString();
        }
    }

    // ---- whole texts ----

    /** The entry starts of a text, and what the scan learnt on the way. */
    public static final class Starts {
        private int[] offsets = new int[16];
        private int size;

        void add(int offset) {
            if (size == offsets.length) {
                offsets = Arrays.copyOf(offsets, size * 2);
            }
            offsets[size++] = offset;
        }

        public int size() {
            return size;
        }

        /** The byte offset of the {@code i}-th entry start's line. */
        public int at(int i) {
            return offsets[i];
        }

        /** The index of the first start at or after {@code offset}, or {@link #size()}. */
        public int firstAtOrAfter(int offset) {
            int i = Arrays.binarySearch(offsets, 0, size, offset);
            return i >= 0 ? i : -i - 1;
        }
    }

    /**
     * The entry starts of a whole file, as {@link #entryStarts(byte[], int, int)}: a UTF-8
     * byte-order mark is not part of its first line (the line reader drops it too), so an entry on
     * the first line starts after it.
     */
    public static Starts entryStarts(byte[] file) throws LimitException {
        boolean bom =
                file.length >= 3 && (file[0] & 0xff) == 0xEF && (file[1] & 0xff) == 0xBB && (file[2] & 0xff) == 0xBF;
        return entryStarts(file, bom ? 3 : 0, file.length);
    }

    /**
     * The byte offsets of the lines that start an entry in the UTF-8 text {@code b[from, end)}, read
     * from {@code from}: the start of the text or of an entry, where the structure is known. Only
     * the lines that may matter are looked at, so a long log costs about one pass over its bytes.
     *
     * @throws LimitException when a region that must be parsed to be read is longer than an entry may be
     */
    public static Starts entryStarts(byte[] b, int from, int end) throws LimitException {
        Starts starts = new Starts();
        BytesLine view = new BytesLine(b);
        int[] known = {from};
        int[] lineEnd = {0};
        Scanner scanner = new Scanner(() -> {
            int at = known[0];
            if (lineEnd[0] - at > LogParser.MAX_ENTRY) {
                throw new LimitException(
                        lineNumber(b, at),
                        "an entry longer than " + LogParser.MAX_ENTRY
                                + " characters (2 Mi): not a log entry; split it, or move the text out of the log");
            }
            return new String(b, at, lineEnd[0] - at, StandardCharsets.UTF_8);
        });
        int s = from;
        while (s < end) {
            if (!scanner.needsEveryLine()) {
                s = nextThatMayMatter(b, s, end);
                if (s >= end) {
                    break;
                }
            }
            int e = s;
            while (e < end && b[e] != '\n' && b[e] != '\r') {
                e++;
            }
            int next = e;
            if (next < end) {
                next += b[next] == '\r' && next + 1 < end && b[next + 1] == '\n' ? 2 : 1;
            }
            view.set(s, e);
            lineEnd[0] = e;
            int kind = scanner.accept(view);
            if (kind == ENTRY) {
                starts.add(s);
                known[0] = s;
            } else if (kind == CLOSED) {
                known[0] = next;
            }
            s = next;
        }
        return starts;
    }

    /**
     * The start of the first line at or after the line start {@code s} whose first byte
     * {@link Scanner#mayMatter may matter}, or {@code end}. One small loop over the bytes: compiled
     * early, it keeps a long log's scan at about a nanosecond per byte even in a fresh JVM.
     */
    private static int nextThatMayMatter(byte[] b, int s, int end) {
        int i = s;
        while (i < end) {
            byte c = b[i];
            if (c == '#' || c == '`' || c == '~' || c == ' ' || c == '<') {
                return i;
            }
            while (i < end && b[i] != '\n' && b[i] != '\r') {
                i++;
            }
            if (i + 1 < end && b[i] == '\r' && b[i + 1] == '\n') {
                i++;
            }
            i++;
        }
        return end;
    }

    /** The 1-based line of byte offset {@code at} (LF, CRLF and lone CR end lines). */
    public static int lineNumber(byte[] b, int at) {
        int line = 1;
        for (int i = 0; i < at && i < b.length; i++) {
            if (b[i] == '\n' || b[i] == '\r' && (i + 1 >= b.length || b[i + 1] != '\n')) {
                line++;
            }
        }
        return line;
    }

    /** The heading line at byte offset {@code at}, without its line break. */
    public static String lineAt(byte[] b, int at) {
        int e = at;
        while (e < b.length && b[e] != '\n' && b[e] != '\r') {
            e++;
        }
        return new String(b, at, e - at, StandardCharsets.UTF_8);
    }

    /**
     * The timestamp of the last entry among {@code starts[0, count)} whose heading is well formed
     * with a real date-time, or null.
     */
    public static String lastTimestamp(byte[] b, Starts starts, int count) {
        for (int i = count - 1; i >= 0; i--) {
            int at = starts.at(i);
            // only a heading of the timestamp's shape can have one: skip the others unread
            if (at + 4 < b.length && b[at + 3] == '[') {
                String ts = timestamp(lineAt(b, at));
                if (ts != null) {
                    return ts;
                }
            }
        }
        return null;
    }

    /** A line of a byte array seen as Latin-1 characters: the structure the grammar reads is ASCII. */
    private static final class BytesLine implements CharSequence {
        private final byte[] b;
        private int from;
        private int to;

        BytesLine(byte[] b) {
            this.b = b;
        }

        void set(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public int length() {
            return to - from;
        }

        @Override
        public char charAt(int index) {
            return (char) (b[from + index] & 0xff);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(b, from + start, end - start, StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(b, from, to - from, StandardCharsets.UTF_8);
        }
    }

    private static int run(CharSequence s, int from, char c) {
        int i = from;
        while (i < s.length() && s.charAt(i) == c) {
            i++;
        }
        return i - from;
    }

    private static int indexOf(CharSequence s, char c, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int startIndex(Node n) {
        return n.getSourceSpans().get(0).getLineIndex();
    }

    /** The number of lines of a text (a final line break ends the last line; it does not start one). */
    private static int lines(String text) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                n++;
            }
        }
        return text.isEmpty() || text.endsWith("\n") || text.endsWith("\r") ? n - 1 : n;
    }

    /** The {@code index}-th line (0-based) of a text. */
    private static String lineAt(String text, int index) {
        int s = 0;
        for (int k = 0; k < index; k++) {
            int nl = nextBreak(text, s);
            s = nl + (text.charAt(nl) == '\r' && nl + 1 < text.length() && text.charAt(nl + 1) == '\n' ? 2 : 1);
        }
        int e = s;
        while (e < text.length() && text.charAt(e) != '\n' && text.charAt(e) != '\r') {
            e++;
        }
        return text.substring(s, e);
    }

    private static int nextBreak(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                return i;
            }
        }
        return text.length() - 1;
    }
}
