package dev.atomizer.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.NewEntry;
import dev.atomizer.governance.AppendCheck;
import dev.atomizer.merge.LogMerge;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Differential test of every reader of the log: the parser, the grammar's scan, the append check
 * of the hooks and {@code verify}, the merge driver's pieces and {@code log}'s view of the end of
 * the file must agree on where entries start and what the last timestamp is, and all must agree
 * with CommonMark's reading of the whole document (level-2 ATX headings at column 1, top level).
 * The logs are made of the lines that make readings differ: fences (indented, in list items,
 * unclosed), HTML blocks, headings in code, indented headings, CRLF and lone CR line breaks.
 */
class LogReadingsAgreeTest {

    private static final Parser COMMONMARK =
            Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    @Property(tries = 400)
    void everyReaderFindsTheEntriesCommonMarkFinds(@ForAll("logs") String log) throws Exception {
        byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
        List<Integer> truth = commonMarkEntryLines(log);

        List<Integer> parser = LogParser.parse(log).stream().map(RawEntry::line).toList();
        assertThat(parser).as("parser").isEqualTo(truth);

        LogGrammar.Starts starts = LogGrammar.entryStarts(bytes, 0, bytes.length);
        assertThat(lines(bytes, starts)).as("grammar").isEqualTo(truth);

        // the merge driver cuts what a side appended to an empty base at the same lines: each
        // piece holds one entry (the first one the text before it too)
        List<LogMerge.Piece> cut = LogMerge.appendedPieces(new byte[0], bytes, 0);
        List<Integer> pieces = new ArrayList<>();
        for (LogMerge.Piece p : cut) {
            int from = LogGrammar.lineNumber(bytes, p.offset());
            int to = LogGrammar.lineNumber(bytes, p.offset() + p.text().getBytes(StandardCharsets.ISO_8859_1).length);
            truth.stream().filter(l -> l >= from && l <= to).findFirst().ifPresent(pieces::add);
        }
        if (!truth.isEmpty()) {
            assertThat(cut).as("merge driver pieces").hasSize(truth.size());
        }
        assertThat(pieces).as("merge driver").isEqualTo(truth);
    }

    @Property(tries = 300)
    void theHooksLastTimestampAndFirstAppendedEntryAreTheParsers(
            @ForAll("logs") String old, @ForAll("logs") String added) throws Exception {
        String neu = old + (old.endsWith("\n") || old.endsWith("\r") || old.isEmpty() ? "" : "\n") + added;
        byte[] o = old.getBytes(StandardCharsets.UTF_8);
        byte[] n = neu.getBytes(StandardCharsets.UTF_8);
        AppendCheck c = AppendCheck.compare(o, n);
        assertThat(c.appendOnly()).isTrue();
        int tailLine = LogGrammar.lineNumber(n, c.tailOffset());
        List<RawEntry> entries = LogParser.parse(neu);
        String previous = null;
        Integer firstAppended = null;
        for (RawEntry e : entries) {
            if (e.line() < tailLine) {
                String ts = LogGrammar.timestamp(e.heading());
                previous = ts != null ? ts : previous;
            } else if (firstAppended == null) {
                firstAppended = e.line();
            }
        }
        assertThat(c.previousTimestamp()).as("previous timestamp").isEqualTo(previous);
        if (firstAppended == null) {
            assertThat(c.entriesOffset()).isEqualTo(n.length);
        } else {
            assertThat(LogGrammar.lineNumber(n, c.entriesOffset()))
                    .as("first appended entry")
                    .isEqualTo(firstAppended);
        }
        // the appended entries, parsed from there on their own, are the ones of the whole file
        String from = new String(n, c.entriesOffset(), n.length - c.entriesOffset(), StandardCharsets.UTF_8);
        assertThat(LogParser.parse(from)).hasSize((int)
                entries.stream().filter(e -> e.line() >= tailLine).count());
    }

    /** A version read from the resume point of the version it extends reads as it does read whole. */
    @Property(tries = 300)
    void resumingFromTheVersionBeforeChangesNothing(
            @ForAll("logs") String v1, @ForAll("logs") String added1, @ForAll("logs") String added2) throws Exception {
        byte[] a = v1.getBytes(StandardCharsets.UTF_8);
        byte[] b = (v1 + "\n" + added1).getBytes(StandardCharsets.UTF_8);
        byte[] c = (v1 + "\n" + added1 + "\n" + added2).getBytes(StandardCharsets.UTF_8);
        AppendCheck first = AppendCheck.compare(a, b);
        AppendCheck whole = AppendCheck.compare(b, c);
        AppendCheck resumed = AppendCheck.compare(b, c, first.resumeNew());
        AppendCheck fromOld =
                AppendCheck.compare(b, c, AppendCheck.compare(b, b).resumeOld());
        for (AppendCheck r : List.of(resumed, fromOld)) {
            assertThat(r.previousTimestamp()).isEqualTo(whole.previousTimestamp());
            assertThat(r.entriesOffset()).isEqualTo(whole.entriesOffset());
            assertThat(r.hostLine()).isEqualTo(whole.hostLine());
            assertThat(r.resumeNew()).isEqualTo(whole.resumeNew());
            assertThat(r.resumeOld()).isEqualTo(whole.resumeOld());
        }
    }

    @Property(tries = 150)
    void logSeesTheEndOfTheFileAsTheParserDoes(@ForAll("logs") String log) throws Exception {
        Path dir = Files.createTempDirectory("grammar");
        try {
            Path file = dir.resolve("log.md");
            Files.writeString(file, log);
            NewEntry entry =
                    new NewEntry("2026-03-01 10:00", "manager", "p", "milestone", "completed", "s", null, null, null);
            LogAppender.Tail[] seen = new LogAppender.Tail[1];
            LogAppender.append(file, entry, tail -> {
                seen[0] = tail;
                throw new java.io.IOException("stop");
            });
            String expectedLast = null;
            for (RawEntry e : LogParser.parse(log)) {
                String ts = LogGrammar.timestamp(e.heading());
                expectedLast = ts != null ? ts : expectedLast;
            }
            assertThat(seen[0].lastTimestamp()).isEqualTo(expectedLast);
        } catch (java.io.IOException e) {
            assertThat(e).hasMessage("stop");
        } finally {
            deleteTree(dir);
        }
    }

    @Property(tries = 150)
    void logAppendsOnlyWhereTheNewHeadingStartsAnEntry(@ForAll("logs") String log) throws Exception {
        Path dir = Files.createTempDirectory("grammar");
        try {
            Path file = dir.resolve("log.md");
            Files.writeString(file, log);
            NewEntry entry =
                    new NewEntry("2026-03-01 10:00", "manager", "p", "milestone", "completed", "s", null, null, null);
            boolean[] starts = new boolean[1];
            LogAppender.append(file, entry, tail -> starts[0] = tail.startsEntry());
            String written = Files.readString(file);
            int headingLine = (int) written.lines().count() - entry.lines().size() + 1;
            boolean isEntry = commonMarkEntryLines(written).contains(headingLine);
            assertThat(starts[0])
                    .as("the appender says the new heading starts an entry")
                    .isEqualTo(isEntry);
        } finally {
            deleteTree(dir);
        }
    }

    @Example
    void aFencedHeadingIsNeitherAnEntryNorTheLastTimestamp() throws Exception {
        String old = "# Log\n\n## [2026-03-01 09:00] manager | p | milestone\n\n**Status:** completed\n**Summary:** s\n"
                + "**Detail:**\n```\n## [2099-01-01 00:00] manager | p | milestone\n```\n\n---\n";
        String neu = old
                + "\n## [2026-03-01 09:30] manager | p | milestone\n\n**Status:** completed\n**Summary:** s\n\n---\n";
        AppendCheck c = AppendCheck.compare(old.getBytes(StandardCharsets.UTF_8), neu.getBytes(StandardCharsets.UTF_8));
        assertThat(c.previousTimestamp()).isEqualTo("2026-03-01 09:00");
        assertThat(c.hostLine()).isZero();
    }

    @Example
    void headingsAfterAnUnclosedFenceAreTheFencesContent() throws Exception {
        String old = "# Log\n\n## [2026-03-01 09:00] manager | p | milestone\n\n**Status:** completed\n**Summary:** s\n"
                + "**Detail:**\n```\ncode\n\n---\n";
        String neu = old
                + "\n## [2026-03-01 09:30] manager | p | milestone\n\n**Status:** completed\n**Summary:** s\n\n---\n";
        byte[] n = neu.getBytes(StandardCharsets.UTF_8);
        AppendCheck c = AppendCheck.compare(old.getBytes(StandardCharsets.UTF_8), n);
        assertThat(c.entriesOffset()).isEqualTo(n.length);
        assertThat(c.hostLine()).isEqualTo(3);
        assertThat(LogParser.parse(neu)).hasSize(1);
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    // ---- the oracle ----

    /** Lines of the top-level level-2 ATX headings at column 1 of the whole document. */
    static List<Integer> commonMarkEntryLines(String text) {
        List<Integer> lines = new ArrayList<>();
        List<String> all = splitLines(text);
        for (Node n = COMMONMARK.parse(text).getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h
                    && h.getLevel() == 2
                    && !n.getSourceSpans().isEmpty()) {
                int index = n.getSourceSpans().get(0).getLineIndex();
                if (LogGrammar.isHeadingLine(all.get(index))) {
                    lines.add(index + 1);
                }
            }
        }
        return lines;
    }

    private static List<String> splitLines(String text) {
        List<String> out = new ArrayList<>();
        int s = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(s, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                s = i + 1;
            }
        }
        out.add(text.substring(s));
        return out;
    }

    private static List<Integer> lines(byte[] b, LogGrammar.Starts starts) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            out.add(LogGrammar.lineNumber(b, starts.at(k)));
        }
        return out;
    }

    // ---- the logs ----

    @Provide
    Arbitrary<String> logs() {
        Arbitrary<String> heading = Arbitraries.integers()
                .between(0, 59)
                .map(m -> "## [2026-03-01 10:" + (m < 10 ? "0" : "") + m + "] manager | p | milestone");
        Arbitrary<String> line = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, heading),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.of(
                                "## [2026-13-01 10:00] manager | p | milestone",
                                "##\tnot an entry heading",
                                "##",
                                "## no timestamp",
                                "  ## [2026-03-01 10:05] manager | p | x",
                                "### a subheading")),
                net.jqwik.api.Tuple.of(
                        6,
                        Arbitraries.of(
                                "**Status:** completed",
                                "**Summary:** s",
                                "**Detail:**",
                                "text",
                                "",
                                "",
                                "",
                                "---",
                                "- item",
                                "1. item",
                                "> quote")),
                net.jqwik.api.Tuple.of(
                        4,
                        Arbitraries.of(
                                "```", "~~~", "````", "```java", "``` `x`", "  ```", " ~~~", "   ```", "    ```",
                                "- ```", "  ```  ", "~~~~")),
                net.jqwik.api.Tuple.of(
                        3,
                        Arbitraries.of(
                                "<!--",
                                "-->",
                                "<!-- c -->",
                                "<div>",
                                "</div>",
                                "<pre>",
                                "</pre>",
                                "  <!--",
                                "<?x",
                                "?>",
                                "<span>",
                                "<!DOCTYPE x>",
                                "<![CDATA[",
                                "]]>",
                                "## heading -->")));
        Arbitrary<String> breaks = Arbitraries.of("\n", "\n", "\n", "\r\n", "\r");
        return Combinators.combine(line.list().ofMaxSize(30), breaks).as((lines, nl) -> {
            StringBuilder sb = new StringBuilder("# Log\n\n");
            for (String l : lines) {
                sb.append(l).append(nl);
            }
            return sb.toString();
        });
    }
}
