package dev.atomizer.log;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Parses the log into {@link RawEntry} records, streaming: the file is cut into chunks at lines
 * that start an entry heading outside fenced code, and each chunk is parsed by commonmark-java
 * on its own, so memory is bounded by the largest entry, not the log. commonmark decides the
 * structure: a chunk that turns out to hold more level-2 headings is split at them, and a cut
 * that commonmark would not make (an unclosed fence, an HTML block running on) is undone.
 */
public final class LogParser {

    // Inline content is never needed (fields are read from the source lines), so the inline
    // parser is a no-op: block structure and source spans only, at a fraction of the cost.
    private static final Parser MARKDOWN = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .inlineParserFactory(context -> (lines, node) -> { })
            .build();


    /** A chunk larger than this (in chars) is checked for entries it can already hand on. */
    private static final int CHUNK_CAP = 1 << 20;
    /**
     * Entries are parsed in batches of about this many chars: one commonmark parse per batch
     * amortises the parser's set-up, and the batch is split at its level-2 headings anyway.
     */
    private static final int BATCH = 16 * 1024;

    /**
     * The longest entry, in chars (2 Mi): a longer one (a 3,000-deep nested list is 9 MB) would
     * only exhaust the heap in the markdown parser. The preamble counts as an entry.
     */
    public static final int MAX_ENTRY = 2 << 20;

    private final Consumer<RawEntry> out;
    private final List<String> chunk = new ArrayList<>();
    /** Where in the chunk (chars) the entry being read began. */
    private long entryStart;
    private int chunkStart = 1;
    private long chunkChars;
    private long cap = CHUNK_CAP;
    private char fenceChar;
    private int fenceLength;
    private HtmlEnd html;
    private int entries;

    private LogParser(Consumer<RawEntry> out, int firstLine) {
        this.out = out;
        this.chunkStart = firstLine;
    }

    /**
     * Reads every line of {@code reader} and hands each entry to {@code out} in file order.
     *
     * @return the number of entries
     * @throws EncodingException at the first byte that is not UTF-8 (entries before it have been handed on)
     */
    public static int parse(Utf8LineReader reader, Consumer<RawEntry> out) throws IOException {
        return parse(reader, 1, out);
    }

    /** As {@link #parse(Utf8LineReader, Consumer)} for text that starts at line {@code firstLine} of its file (an appended tail). */
    public static int parse(Utf8LineReader reader, int firstLine, Consumer<RawEntry> out) throws IOException {
        LogParser p = new LogParser(out, firstLine);
        String line;
        while ((line = reader.readLine()) != null) {
            p.accept(line);
        }
        p.finish();
        return p.entries;
    }

    /** Parses log text held in memory (tests, the appended tail of a staged log). */
    public static List<RawEntry> parse(String text) {
        List<RawEntry> list = new ArrayList<>();
        try {
            parse(new Utf8LineReader(new java.io.ByteArrayInputStream(
                    text.getBytes(java.nio.charset.StandardCharsets.UTF_8))), list::add);
        } catch (LimitException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory text is valid UTF-8", e);
        }
        return list;
    }

    private void accept(String line) throws LimitException {
        if (html != null) {
            // inside an HTML block commonmark has shown to be open: no cut, no fence, until it ends
            add(line);
            if (html.endsAt(line)) {
                html = null;
            }
            return;
        }
        if (fenceChar == 0 && chunkChars >= BATCH && startsEntry(line)) {
            Document doc = parseChunk();
            if (!absorbs(doc, line)) {
                emit(doc, chunk.size());
                chunkStart += chunk.size();
                chunk.clear();
                chunkChars = 0;
            } else {
                // commonmark keeps the line in the chunk's last block: follow that block from now on,
                // so the lines after it do not each cost a parse of the whole chunk
                resync(doc.getLastChild());
                if (html != null) {
                    add(line);
                    if (html.endsAt(line)) {
                        html = null;
                    }
                    return;
                }
            }
        }
        if (fenceChar == 0 && startsEntry(line)) {
            entryStart = chunkChars;
        }
        add(line);
        trackFence(line);
    }

    private void add(String line) throws LimitException {
        chunk.add(line);
        chunkChars += line.length() + 1;
        if (chunkChars - entryStart > MAX_ENTRY) {
            throw new LimitException(chunkStart + chunk.size() - 1, "an entry longer than " + MAX_ENTRY
                    + " characters (2 Mi): not a log entry; split it, or move the text out of the log");
        }
        if (chunkChars > cap) {
            flushComplete();
        }
    }

    /** Takes the state of the open block commonmark reports at the end of the chunk. */
    private void resync(Node last) {
        if (last instanceof FencedCodeBlock f && f.getClosingFenceLength() == null) {
            fenceChar = f.getFenceCharacter().charAt(0);
            fenceLength = f.getOpeningFenceLength();
        } else if (last instanceof HtmlBlock) {
            html = HtmlEnd.of(chunk.get(startIndex(last)));
        }
    }

    private void finish() {
        if (!chunk.isEmpty()) {
            emit(parseChunk(), chunk.size());
            chunk.clear();
        }
    }

    /** A line that may start an entry: {@code ##} then a space, tab or end of line, at column 1. */
    private static boolean startsEntry(String line) {
        return line.length() >= 2 && line.charAt(0) == '#' && line.charAt(1) == '#'
                && (line.length() == 2 || line.charAt(2) == ' ' || line.charAt(2) == '\t');
    }

    // A fence opened at column 1 is always top-level (a container would need indentation), so
    // the cut never falls inside it. Fences opened indented are left to commonmark (see absorbs).
    private void trackFence(String line) {
        if (fenceChar == 0) {
            if (line.length() >= 3 && (line.charAt(0) == '`' || line.charAt(0) == '~')) {
                char c = line.charAt(0);
                int n = run(line, 0, c);
                if (n >= 3 && (c == '~' || line.indexOf('`', n) < 0)) {
                    fenceChar = c;
                    fenceLength = n;
                }
            }
            return;
        }
        int indent = 0;
        while (indent < line.length() && indent < 4 && line.charAt(indent) == ' ') {
            indent++;
        }
        if (indent > 3) {
            return;
        }
        int n = run(line, indent, fenceChar);
        if (n >= fenceLength && line.substring(indent + n).isBlank()) {
            fenceChar = 0;
            fenceLength = 0;
        }
    }

    private static int run(String line, int from, char c) {
        int i = from;
        while (i < line.length() && line.charAt(i) == c) {
            i++;
        }
        return i - from;
    }

    private Document parseChunk() {
        StringBuilder sb = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, chunkChars + 16));
        for (String l : chunk) {
            sb.append(l).append('\n');
        }
        return (Document) MARKDOWN.parse(sb.toString());
    }

    /** Would the whole document keep {@code next} inside the chunk's last block? */
    private boolean absorbs(Document doc, String next) {
        Node last = doc.getLastChild();
        if (last instanceof FencedCodeBlock f) {
            // spec: an unclosed fence runs to the end of the document
            return f.getClosingFenceLength() == null;
        }
        if (last instanceof HtmlBlock) {
            StringBuilder sb = new StringBuilder();
            for (int i = startIndex(last); i < chunk.size(); i++) {
                sb.append(chunk.get(i)).append('\n');
            }
            sb.append(next).append('\n');
            Node window = MARKDOWN.parse(sb.toString()).getLastChild();
            return !(window instanceof Heading h && h.getLevel() == 2 && isAtx(h, sb));
        }
        return false;
    }

    private static boolean isAtx(Heading h, CharSequence text) {
        // an ATX heading is one line; a setext heading spans its text and the underline
        List<SourceSpan> spans = h.getSourceSpans();
        return spans.size() == 1 && text.charAt(spans.get(0).getInputIndex()) == '#';
    }

    private boolean isAtxLevel2(Node n) {
        if (!(n instanceof Heading h) || h.getLevel() != 2) {
            return false;
        }
        String line = chunk.get(startIndex(n)).stripLeading();
        return line.startsWith("#");
    }

    /** Hands on every entry of an oversized chunk but the last, which may still grow. */
    private void flushComplete() {
        Document doc = parseChunk();
        Node lastHeading = null;
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (isAtxLevel2(n) && startIndex(n) > 0) {
                lastHeading = n;
            }
        }
        if (lastHeading == null) {
            cap *= 2;
            return;
        }
        // the blocks from the last heading on are parsed again with the lines that follow
        int keepFrom = startIndex(lastHeading);
        emit(doc, keepFrom);
        List<String> rest = new ArrayList<>(chunk.subList(keepFrom, chunk.size()));
        chunk.clear();
        chunk.addAll(rest);
        chunkStart += keepFrom;
        chunkChars = 0;
        entryStart = 0;
        for (String l : chunk) {
            chunkChars += l.length() + 1;
        }
        // the parse knows whether the chunk ends inside a fence or an HTML block: take its word
        fenceChar = 0;
        fenceLength = 0;
        html = null;
        resync(doc.getLastChild());
        cap = Math.max(CHUNK_CAP, chunkChars * 2);
    }

    private static int startIndex(Node n) {
        return n.getSourceSpans().get(0).getLineIndex();
    }

    private static int endIndex(Node n) {
        List<SourceSpan> s = n.getSourceSpans();
        return s.get(s.size() - 1).getLineIndex();
    }

    /** Turns the top-level blocks of a parsed chunk (its first {@code lineCount} lines) into entries. */
    private void emit(Document doc, int lineCount) {
        Builder entry = null;
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (!(n instanceof Block) || n.getSourceSpans().isEmpty()) {
                continue;
            }
            int start = startIndex(n);
            int end = endIndex(n);
            if (start >= lineCount) {
                break;
            }
            if (isAtxLevel2(n)) {
                if (entry != null) {
                    deliver(entry);
                }
                entry = new Builder(chunkStart + start, chunk.get(start));
                continue;
            }
            if (entry == null) {
                continue; // spec: "Everything before the first level-2 heading is a free preamble"
            }
            entry.lastIndex = end;
            if (n instanceof ThematicBreak) {
                entry.separator(start);
            } else if (n instanceof Heading h && h.getLevel() == 2) {
                // setext: the lines above the `---` are content, the `---` was meant as the separator
                entry.lines(start, end - 1);
                entry.setext(end);
            } else if (n instanceof Paragraph || n instanceof Heading && !isAtxLine(start)) {
                entry.lines(start, end);
            } else if (n instanceof ListBlock || n instanceof BlockQuote) {
                entry.container(start, end);
            } else {
                entry.block(start, end);
            }
        }
        if (entry != null) {
            deliver(entry);
        }
    }

    private boolean isAtxLine(int index) {
        return chunk.get(index).stripLeading().startsWith("#");
    }

    private void deliver(Builder b) {
        entries++;
        out.accept(b.build());
    }

    /** Collects one entry's fields while its blocks go by. Indices are chunk-relative. */
    private final class Builder {
        final int line;
        final String heading;
        final List<FieldLine> fields = new ArrayList<>();
        final List<Integer> stray = new ArrayList<>();
        int separator;
        int setext;
        int lastIndex;
        // the open field
        String name;
        boolean colonOutside;
        int fieldIndex = -1;
        int fieldColumn;
        String value;
        int valueColumn;
        int fieldLast;

        Builder(int line, String heading) {
            this.line = line;
            this.heading = heading;
            this.lastIndex = line - chunkStart;
        }

        boolean closed() {
            return separator != 0 || setext != 0;
        }

        void separator(int index) {
            if (closed()) {
                stray.add(chunkStart + index);
                return;
            }
            closeField();
            separator = chunkStart + index;
        }

        void setext(int index) {
            if (closed()) {
                return;
            }
            closeField();
            setext = chunkStart + index;
        }

        /** Paragraph lines: each may start a field. */
        void lines(int from, int to) {
            boolean strayReported = false;
            for (int i = from; i <= to; i++) {
                String text = chunk.get(i);
                FieldMarker m = FieldMarker.match(text);
                boolean isField = m != null;
                if (closed() || (!isField && fieldIndex < 0)) {
                    if (!strayReported) {
                        stray.add(chunkStart + i);
                        strayReported = true;
                    }
                    continue;
                }
                if (isField) {
                    closeField();
                    name = m.name();
                    colonOutside = m.colonOutside();
                    fieldIndex = i;
                    fieldColumn = m.indent() + 1;
                    int v = m.valueStart();
                    while (v < text.length() && Character.isWhitespace(text.charAt(v))) {
                        v++;
                    }
                    value = text.substring(v).strip();
                    valueColumn = v + 1;
                    fieldLast = i;
                } else {
                    fieldLast = i;
                }
            }
        }

        /**
         * A list or block quote. A line in it at column 1 can only be a lazy continuation of a
         * paragraph (container content is indented or marked); when it reads {@code **Name:**} the
         * writer meant a field, as the contract says, so it starts one.
         */
        void container(int from, int to) {
            int segment = from;
            for (int i = from; i <= to; i++) {
                String text = chunk.get(i);
                if (i > from && !text.isEmpty() && text.charAt(0) == '*'
                        && FieldMarker.match(text) != null) {
                    block(segment, i - 1);
                    int j = i;
                    while (j < to && !chunk.get(j + 1).isEmpty() && chunk.get(j + 1).charAt(0) != ' '
                            && chunk.get(j + 1).charAt(0) != '>' && !isMarker(chunk.get(j + 1))) {
                        j++;
                    }
                    lines(i, j);
                    segment = j + 1;
                    i = j;
                }
            }
            if (segment <= to) {
                block(segment, to);
            }
        }

        private boolean isMarker(String line) {
            char c = line.charAt(0);
            return c == '-' || c == '+' || c == '*' && !line.startsWith("**") || Character.isDigit(c);
        }

        /** Any other block: it continues the open field, or is stray. */
        void block(int from, int to) {
            if (closed() || fieldIndex < 0) {
                stray.add(chunkStart + from);
                return;
            }
            fieldLast = to;
        }

        void closeField() {
            if (fieldIndex < 0) {
                return;
            }
            List<String> cont = fieldLast > fieldIndex
                    ? List.copyOf(chunk.subList(fieldIndex + 1, fieldLast + 1)) : List.of();
            fields.add(new FieldLine(name, colonOutside, chunkStart + fieldIndex, fieldColumn, value, valueColumn, cont));
            fieldIndex = -1;
        }

        RawEntry build() {
            closeField();
            return new RawEntry(line, heading, EntryHeader.parse(heading), List.copyOf(fields), separator, setext,
                    List.copyOf(stray), chunkStart + lastIndex);
        }
    }
}
