package dev.atomizer.md;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.RuleCatalog;
import dev.atomizer.api.Severity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * Reads the level-2 sections of a small markdown document (schemas.md, PROJECT_STATUS.md) and the
 * GFM tables under them, keeping line numbers for messages. Not on the log's hot path.
 */
public final class MarkdownTables {

    /** A GFM table: its first line, lowercase header names, and body rows. */
    public record Table(int line, List<String> headers, List<Row> rows) {
        /** Index of the first header equal to one of {@code names} (lowercase), or -1. */
        public int column(String... names) {
            for (String n : names) {
                int i = headers.indexOf(n);
                if (i >= 0) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** A body row: its line and the plain text of each cell (code spans unwrapped). */
    public record Row(int line, List<String> cells) {
        public String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : "";
        }
    }

    /** A level-2 heading and the tables that follow it up to the next level-1 or level-2 heading. */
    public record Section(String title, int line, List<Table> tables) {}

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .inlineParserFactory(MarkdownTables::headingsAndCellsOnly)
            .build();

    /**
     * Only headings and table cells are read, so only their inline content is parsed: the prose
     * paragraphs of a contract (most of its text) stay unparsed, which matters in a hook's cold JVM.
     * commonmark's own inline parser does the rest (it has no public factory of its own).
     */
    private static InlineParser headingsAndCellsOnly(InlineParserContext context) {
        InlineParser inline = new org.commonmark.internal.InlineParserImpl(context);
        return (lines, block) -> {
            if (!(block instanceof Paragraph)) {
                inline.parse(lines, block);
            }
        };
    }

    private final String path;
    private final List<Section> sections;

    private MarkdownTables(String path, List<Section> sections) {
        this.path = path;
        this.sections = sections;
    }

    public String path() {
        return path;
    }

    public List<Section> sections() {
        return sections;
    }

    /** The first section whose title equals {@code title} ignoring case, or null. */
    public @Nullable Section section(String title) {
        for (Section s : sections) {
            if (s.title().equalsIgnoreCase(title)) {
                return s;
            }
        }
        return null;
    }

    /** Reads {@code file} (UTF-8, BOM and CRLF accepted); returns null when it does not exist. */
    public static @Nullable MarkdownTables readIfExists(Path file, String displayPath) throws AtomizerException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new AtomizerException(displayPath + ": cannot read: " + e.getMessage(), e);
        }
        return parse(decode(bytes, displayPath), displayPath);
    }

    /** Parses markdown text already decoded. */
    public static MarkdownTables parse(String text, String displayPath) {
        Node doc = PARSER.parse(text);
        List<Section> sections = new ArrayList<>();
        String title = null;
        int titleLine = 0;
        List<Table> tables = new ArrayList<>();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && h.getLevel() <= 2) {
                if (title != null) {
                    sections.add(new Section(title, titleLine, List.copyOf(tables)));
                }
                tables.clear();
                title = h.getLevel() == 2 ? plainText(h).trim() : null;
                titleLine = line(h);
            } else if (n instanceof TableBlock t && title != null) {
                tables.add(table(t));
            }
        }
        if (title != null) {
            sections.add(new Section(title, titleLine, List.copyOf(tables)));
        }
        return new MarkdownTables(displayPath, List.copyOf(sections));
    }

    /** A configuration problem located in this file (exit code 2). */
    public Diagnostic problem(int line, String message) {
        return new Diagnostic(path, Math.max(line, 1), 1, RuleCatalog.CONFIG, Severity.ERROR, message);
    }

    private static Table table(TableBlock t) {
        int first = line(t);
        List<String> headers = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        // spec (GFM): one row per line: header, delimiter row, then body rows.
        int bodyIndex = 0;
        for (Node section = t.getFirstChild(); section != null; section = section.getNext()) {
            boolean head = section instanceof org.commonmark.ext.gfm.tables.TableHead;
            for (Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                if (!(r instanceof TableRow)) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (Node c = r.getFirstChild(); c != null; c = c.getNext()) {
                    if (c instanceof TableCell) {
                        cells.add(plainText(c).trim());
                    }
                }
                if (head) {
                    for (String h : cells) {
                        headers.add(h.toLowerCase(Locale.ROOT));
                    }
                } else {
                    rows.add(new Row(first + 2 + bodyIndex++, List.copyOf(cells)));
                }
            }
        }
        return new Table(first, List.copyOf(headers), List.copyOf(rows));
    }

    private static int line(Node n) {
        List<SourceSpan> spans = n.getSourceSpans();
        return spans.isEmpty() ? 1 : spans.get(0).getLineIndex() + 1;
    }

    /** Literal text of a node: text and code spans, emphasis unwrapped. */
    public static String plainText(Node node) {
        StringBuilder sb = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sb.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                sb.append(code.getLiteral());
            }
        });
        return sb.toString();
    }

    /**
     * The largest contract, status file or template read (1 MiB): a table of a few hundred rows is
     * a few kilobytes, and a larger file would only exhaust the heap in the markdown parser.
     */
    public static final int MAX_BYTES = 1 << 20;

    /** Strict UTF-8 with an optional BOM; a bad byte is reported at its line; at most {@link #MAX_BYTES}. */
    public static String decode(byte[] bytes, String displayPath) throws AtomizerException {
        if (bytes.length > MAX_BYTES) {
            throw new AtomizerException(displayPath + ": " + bytes.length + " bytes, more than the " + MAX_BYTES
                    + " (1 MiB) a contract, status file or template may have; shorten it");
        }
        int start =
                bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF
                        ? 3
                        : 0;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            int line = 1;
            int bad = firstInvalid(bytes, start);
            for (int i = start; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new AtomizerException(
                    displayPath + ": not valid UTF-8",
                    List.of(new Diagnostic(
                            displayPath,
                            line,
                            1,
                            dev.atomizer.log.Encoding.ID,
                            Severity.ERROR,
                            "the file is not valid UTF-8 (bad byte at offset " + bad + "); save it as UTF-8")));
        }
    }

    private static int firstInvalid(byte[] bytes, int start) {
        var dec = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(Math.max(16, bytes.length));
        var result = dec.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }
}
