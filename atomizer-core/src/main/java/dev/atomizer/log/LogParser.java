package dev.atomizer.log;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Parses the log into {@link RawEntry} records, streaming: {@link LogGrammar} says where entries
 * start, the file is cut into batches of entries there, and each batch is parsed by
 * commonmark-java on its own, so memory is bounded by the largest entry, not the log.
 */
public final class LogParser {

    // Inline content is never needed (fields are read from the source lines), so the inline
    // parser is a no-op: block structure and source spans only, at a fraction of the cost.
    private static final Parser MARKDOWN = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .inlineParserFactory(context -> (lines, node) -> {})
            .build();

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
    /** Chunk indices of the lines that start an entry, as the grammar reads them. */
    private final List<Integer> starts = new ArrayList<>();
    /** Chunk index from which the structure is known (for the grammar's confirmations). */
    private int known;
    /** Where in the chunk (chars) the entry being read began. */
    private long entryStart;

    private int chunkStart = 1;
    private long chunkChars;
    /** The line being classified (not yet in the chunk). */
    private String current;

    private final LogGrammar.Scanner grammar = new LogGrammar.Scanner(this::pendingText);
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

    /**
     * As {@link #parse(Utf8LineReader, Consumer)} for text that starts at line {@code firstLine} of
     * its file (an appended tail). The text must start where the structure is known: at the start
     * of a file or at an entry start ({@link LogGrammar}).
     */
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
            parse(
                    new Utf8LineReader(
                            new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                    list::add);
        } catch (LimitException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory text is valid UTF-8", e);
        }
        return list;
    }

    private void accept(String line) throws LimitException {
        current = line;
        int kind = grammar.accept(line);
        if (kind == LogGrammar.ENTRY) {
            if (chunkChars >= BATCH) {
                emitChunk();
                chunkStart += chunk.size();
                chunk.clear();
                starts.clear();
                chunkChars = 0;
            }
            starts.add(chunk.size());
            known = chunk.size();
            entryStart = chunkChars;
        }
        add(line);
        if (kind == LogGrammar.CLOSED) {
            known = chunk.size();
        }
    }

    /** The chunk's lines from where the structure is known through the line being classified. */
    private String pendingText() throws LimitException {
        long size = current.length();
        for (int i = known; i < chunk.size(); i++) {
            size += chunk.get(i).length() + 1;
        }
        if (size > MAX_ENTRY) {
            throw tooLong();
        }
        StringBuilder sb = new StringBuilder((int) size);
        for (int i = known; i < chunk.size(); i++) {
            sb.append(chunk.get(i)).append('\n');
        }
        return sb.append(current).toString();
    }

    private void add(String line) throws LimitException {
        chunk.add(line);
        chunkChars += line.length() + 1;
        if (chunkChars - entryStart > MAX_ENTRY) {
            throw tooLong();
        }
    }

    private LimitException tooLong() {
        return new LimitException(
                chunkStart + chunk.size() - 1,
                "an entry longer than " + MAX_ENTRY
                        + " characters (2 Mi): not a log entry; split it, or move the text out of the log");
    }

    private void finish() {
        if (!chunk.isEmpty()) {
            emitChunk();
            chunk.clear();
        }
    }

    /**
     * Hands on the entries of the chunk: one commonmark parse for the whole batch, whose
     * top-level headings at column 1 are the grammar's entry starts (the chunk starts where the
     * structure is known); should they ever differ, each entry is parsed on its own, so the
     * entries are always the grammar's.
     */
    private void emitChunk() {
        Document doc = parseLines(0, chunk.size());
        if (headingIndices(doc, 0).equals(starts)) {
            emit(doc, 0, chunk.size());
            return;
        }
        int from = 0;
        for (int k = 0; k <= starts.size(); k++) {
            int to = k < starts.size() ? starts.get(k) : chunk.size();
            if (to > from || k == starts.size() && from < chunk.size()) {
                emit(parseLines(from, to), from, to);
            }
            from = to;
        }
    }

    private List<Integer> headingIndices(Document doc, int base) {
        List<Integer> list = new ArrayList<>();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (!n.getSourceSpans().isEmpty() && isAtxLevel2(n, base)) {
                list.add(base + startIndex(n));
            }
        }
        return list;
    }

    private Document parseLines(int from, int to) {
        long size = 16;
        for (int i = from; i < to; i++) {
            size += chunk.get(i).length() + 1;
        }
        StringBuilder sb = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, size));
        for (int i = from; i < to; i++) {
            sb.append(chunk.get(i)).append('\n');
        }
        return (Document) MARKDOWN.parse(sb.toString());
    }

    /** A level-2 ATX heading at column 1 (an indented one is content of the entry it is in). */
    private boolean isAtxLevel2(Node n, int base) {
        if (!(n instanceof Heading h) || h.getLevel() != 2) {
            return false;
        }
        return LogGrammar.isHeadingLine(chunk.get(base + startIndex(n)));
    }

    private static int startIndex(Node n) {
        return n.getSourceSpans().get(0).getLineIndex();
    }

    private static int endIndex(Node n) {
        List<SourceSpan> s = n.getSourceSpans();
        return s.get(s.size() - 1).getLineIndex();
    }

    /**
     * Turns the top-level blocks of a parse of the chunk's lines {@code [base, to)} into entries: a
     * block at one of the grammar's entry starts begins an entry.
     */
    private void emit(Document doc, int base, int to) {
        Builder entry = null;
        int next = 0;
        while (next < starts.size() && starts.get(next) < base) {
            next++;
        }
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (!(n instanceof Block) || n.getSourceSpans().isEmpty()) {
                continue;
            }
            int start = base + startIndex(n);
            int end = base + endIndex(n);
            if (start >= to) {
                break;
            }
            if (next < starts.size() && starts.get(next) == start) {
                next++;
                if (entry != null) {
                    deliver(entry);
                }
                entry = new Builder(chunkStart + start, chunk.get(start));
                continue;
            }
            if (entry == null) {
                continue; // "Everything before the first level-2 heading is a free preamble"
            }
            entry.lastIndex = end;
            entry.openBlock(n, start, end);
            if (n instanceof ThematicBreak) {
                entry.separator(start);
            } else if (n instanceof Heading h && h.getLevel() == 2 && !isAtxLine(start)) {
                // setext: the lines above the `---` are content, the `---` was meant as the separator
                entry.lines(start, end - 1);
                entry.setext(end);
            } else if (n instanceof Paragraph || n instanceof Heading && !isAtxLine(start)) {
                entry.lines(start, end);
            } else if (n instanceof Heading h && h.getLevel() == 2) {
                entry.indented.add(chunkStart + start);
                entry.block(start, end);
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
        final List<Integer> indented = new ArrayList<>();
        int separator;
        int setext;
        int lastIndex;
        int openBlock;
        String openBlockEnd;
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

        /**
         * Notes a fence or HTML block that is never closed: it runs to the end of the text read
         * (the grammar finds no entry start in it), which is the end of the file.
         */
        void openBlock(Node n, int start, int end) {
            String closer = null;
            if (n instanceof FencedCodeBlock f && f.getClosingFenceLength() == null) {
                closer = f.getFenceCharacter().repeat(f.getOpeningFenceLength());
            } else if (n instanceof HtmlBlock) {
                String marker = HtmlEnd.of(chunk.get(start)).marker();
                if (marker != null
                        && !chunk.get(end).toLowerCase(java.util.Locale.ROOT).contains(marker)) {
                    closer = marker;
                }
            }
            if (closer != null) {
                openBlock = chunkStart + start;
                openBlockEnd = closer;
            }
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
                if (i > from && !text.isEmpty() && text.charAt(0) == '*' && FieldMarker.match(text) != null) {
                    block(segment, i - 1);
                    int j = i;
                    while (j < to
                            && !chunk.get(j + 1).isEmpty()
                            && chunk.get(j + 1).charAt(0) != ' '
                            && chunk.get(j + 1).charAt(0) != '>'
                            && !isMarker(chunk.get(j + 1))) {
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
            List<String> cont =
                    fieldLast > fieldIndex ? List.copyOf(chunk.subList(fieldIndex + 1, fieldLast + 1)) : List.of();
            fields.add(
                    new FieldLine(name, colonOutside, chunkStart + fieldIndex, fieldColumn, value, valueColumn, cont));
            fieldIndex = -1;
        }

        RawEntry build() {
            closeField();
            return new RawEntry(
                    line,
                    heading,
                    EntryHeader.parse(heading),
                    List.copyOf(fields),
                    separator,
                    setext,
                    List.copyOf(stray),
                    chunkStart + lastIndex,
                    List.copyOf(indented),
                    RawEntry.metricsOf(fields),
                    openBlock,
                    openBlockEnd);
        }
    }
}
