package dev.atomizer.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogParserTest {

    static String entry(String ts, String body) {
        return "## [" + ts + "] manager | bracket-topopt | milestone\n\n" + body + "\n\n---\n\n";
    }

    static final String OK = "**Status:** completed\n**Summary:** Done.";

    @Test
    void preambleIsFreeAndEntriesCarryTheirFields() {
        List<RawEntry> entries = LogParser.parse(
                "# Log\n\nIntro with **Status:** words.\n\n"
                        + entry(
                                "2026-02-16 09:00",
                                "**Status:** blocked\n**Summary:** Waiting.\n**Detail:** Line one\nline two\n\n- item\n**Metrics:** tokens=5\n**Blockers:** ceo"));
        assertThat(entries).hasSize(1);
        RawEntry e = entries.get(0);
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.header().agent()).isEqualTo("manager");
        assertThat(e.fields())
                .extracting(FieldLine::name)
                .containsExactly("Status", "Summary", "Detail", "Metrics", "Blockers");
        assertThat(e.field("Detail").fullValue()).isEqualTo("Line one\nline two\n\n- item");
        assertThat(e.field("Metrics").line()).isEqualTo(13);
        assertThat(e.separatorLine()).isEqualTo(16);
        assertThat(e.strayLines()).isEmpty();
    }

    @Test
    void aFieldLineRightAfterAListIsAFieldNotALazyContinuation() {
        List<RawEntry> entries = LogParser.parse(
                "# Log\n\n"
                        + entry(
                                "2026-02-16 09:00",
                                "**Status:** completed\n**Summary:** s\n**Detail:**\n- one\n  still one\n- two\nlazy text\n**Metrics:** tokens=5\n> quote\n**Blockers:** none"));
        RawEntry e = entries.get(0);
        assertThat(e.fields())
                .extracting(FieldLine::name)
                .containsExactly("Status", "Summary", "Detail", "Metrics", "Blockers");
        assertThat(e.field("Detail").fullValue()).isEqualTo("- one\n  still one\n- two\nlazy text");
        assertThat(e.field("Metrics").fullValue()).isEqualTo("tokens=5\n> quote");
        assertThat(e.field("Blockers").value()).isEqualTo("none");
    }

    @Test
    void structureInsideFencedCodeIsCode() {
        String detail =
                "**Status:** completed\n**Summary:** Code.\n**Detail:**\n\n```text\n---\n## [2026-01-01 00:00] fake | heading | x\n**Status:** no\n```\n\n~~~~\n## [2026-01-01 00:00] x | y | z\n~~~~";
        List<RawEntry> entries =
                LogParser.parse("# Log\n\n" + entry("2026-02-16 09:00", detail) + entry("2026-02-16 09:01", OK));
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).fields()).extracting(FieldLine::name).containsExactly("Status", "Summary", "Detail");
        assertThat(entries.get(0).field("Detail").fullValue()).contains("## [2026-01-01 00:00] fake | heading | x");
        assertThat(entries.get(1).header().timestamp()).isEqualTo("2026-02-16 09:01");
    }

    @Test
    void anUnclosedFenceRunsToTheEndOfTheFileAsCommonMarkSays() {
        List<RawEntry> entries = LogParser.parse(openFence("```"));
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).separatorLine()).isZero();
    }

    @Test
    void anIndentedUnclosedFenceAlsoSwallowsTheNextHeading() {
        // indented fences are not tracked by the splitter; commonmark decides and the cut is undone
        assertThat(LogParser.parse(openFence("  ```"))).hasSize(1);
    }

    @Test
    void aFenceInsideAListItemEndsWhereTheListEnds() {
        // "  ```" opens a fence inside the list item; a heading at column 1 closes both
        String log = "# Log\n\n"
                + "## [2026-02-16 09:00] manager | p | milestone\n\n**Status:** completed\n**Summary:** s\n**Detail:**\n- item\n\n  ```\n  code\n"
                + entry("2026-02-16 09:01", OK);
        List<RawEntry> entries = LogParser.parse(log);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1).line()).isEqualTo(12);
    }

    @Test
    void anHtmlBlockThatRunsOnKeepsTheHeadingInside() {
        String log = "# Log\n\n"
                + "## [2026-02-16 09:00] manager | p | milestone\n\n**Status:** completed\n**Summary:** s\n**Detail:**\n\n<!-- a comment\n\n"
                + entry("2026-02-16 09:01", OK) + "-->\n\n" + entry("2026-02-16 09:02", OK);
        List<RawEntry> entries = LogParser.parse(log);
        assertThat(entries)
                .extracting(e -> e.header().timestamp())
                .containsExactly("2026-02-16 09:00", "2026-02-16 09:02");
    }

    @Test
    void anIndentedHeadingIsPartOfTheEntryItIsIn() {
        // the grammar's entries start at column 1; the parser notes the indented one for lint
        String log = "# Log\n\n" + entry("2026-02-16 09:00", OK) + "  ## [2026-02-16 09:01] manager | p | milestone\n\n"
                + OK + "\n\n---\n";
        List<RawEntry> entries = LogParser.parse(log);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).indentedHeadings()).containsExactly(10);
    }

    @Test
    void aMissingBlankLineBeforeTheSeparatorIsASetextHeading() {
        List<RawEntry> entries = LogParser.parse(
                "# Log\n\n## [2026-02-16 09:00] manager | p | milestone\n\n**Status:** completed\n**Summary:** s\n---\n");
        assertThat(entries.get(0).setextLine()).isEqualTo(7);
        assertThat(entries.get(0).field("Summary").value()).isEqualTo("s");
        assertThat(entries.get(0).field("Summary").continuation()).isEmpty();
    }

    @Test
    void crlfBomAndLoneCrAreLineEndings() throws Exception {
        byte[] bytes = ("\uFEFF# Log\r\n\r\n" + entry("2026-02-16 09:00", OK).replace("\n", "\r\n")
                        + entry("2026-02-16 09:01", OK).replace("\n", "\r"))
                .getBytes(StandardCharsets.UTF_8);
        List<RawEntry> entries = new ArrayList<>();
        LogParser.parse(new Utf8LineReader(new ByteArrayInputStream(bytes)), entries::add);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).field("Status").value()).isEqualTo("completed");
        assertThat(entries.get(1).line()).isEqualTo(10);
    }

    @Test
    void invalidUtf8IsReportedAtItsLineAndColumn() {
        byte[] bytes = "# Log\n\nok \u00e9 \u00ff\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, broken, 0, bytes.length - 1);
        broken[bytes.length - 1] = (byte) 0xC3; // a lead byte followed by a newline
        broken[bytes.length] = '\n';
        assertThatThrownBy(() -> LogParser.parse(new Utf8LineReader(new ByteArrayInputStream(broken)), e -> {}))
                .isInstanceOf(EncodingException.class)
                .satisfies(e -> {
                    assertThat(((EncodingException) e).line()).isEqualTo(3);
                    assertThat(((EncodingException) e).column())
                            .isEqualTo(7); // o, k, space, é, space, ÿ: the bad byte is the 7th character
                });
    }

    @Test
    void utf16IsNotAccepted() {
        byte[] bytes = {(byte) 0xFF, (byte) 0xFE, '#', 0, '\n', 0};
        assertThatThrownBy(() -> LogParser.parse(new Utf8LineReader(new ByteArrayInputStream(bytes)), e -> {}))
                .isInstanceOf(EncodingException.class)
                .hasMessageContaining("UTF-16");
    }

    @Test
    void emptyAndHeadingOnlyFiles() {
        assertThat(LogParser.parse("")).isEmpty();
        assertThat(LogParser.parse("# Just a title")).isEmpty();
        List<RawEntry> one = LogParser.parse("## [2026-02-16 09:00] manager | p | milestone");
        assertThat(one).hasSize(1);
        assertThat(one.get(0).separatorLine()).isZero();
        assertThat(one.get(0).endLine()).isEqualTo(1);
    }

    @Test
    void anEntryLargerThanTheChunkCapAndManySmallOnesAfterIt() {
        StringBuilder sb = new StringBuilder("# Log\n\n");
        StringBuilder big = new StringBuilder("**Status:** completed\n**Summary:** Big.\n**Detail:**\n\n```\n");
        for (int i = 0; i < 40_000; i++) {
            big.append("## [2026-01-01 00:00] inside | big | fence ").append(i).append('\n');
        }
        big.append("```");
        sb.append(entry("2026-02-16 09:00", big.toString()));
        for (int i = 0; i < 3000; i++) {
            sb.append(entry("2026-02-16 10:00", OK));
        }
        List<RawEntry> entries = LogParser.parse(sb.toString());
        assertThat(entries).hasSize(3001);
        assertThat(entries.get(0).separatorLine()).isEqualTo(40_012);
        assertThat(entries.get(3000).line()).isEqualTo(40_014 + 2999 * 7);
    }

    @Test
    void headingShapes() {
        EntryHeader ok = EntryHeader.parse("## [2026-02-16 09:00] tech-lead | wing-spar | study-start");
        assertThat(ok.wellFormed()).isTrue();
        assertThat(ok.agentColumn()).isEqualTo(23);
        assertThat(ok.projectColumn()).isEqualTo(35);
        assertThat(ok.eventColumn()).isEqualTo(47);
        assertThat(EntryHeader.parse("## [2026-02-16 09:00] a | b").problem()).contains("found 2");
        assertThat(EntryHeader.parse("## [2026-02-16 09:00] a | b | c | d").problem())
                .contains("found 4");
        assertThat(EntryHeader.parse("## [2026-02-16 09:00] a |  b | c").problem())
                .contains("one space");
        assertThat(EntryHeader.parse("## [2026-02-16 09:00]  a | b | c").problem())
                .contains("one space");
        assertThat(EntryHeader.parse("## [2026-02-16 09:00] a | b | c ").problem())
                .contains("trailing");
        assertThat(EntryHeader.parse("##  [2026-02-16 09:00] a | b | c").problemColumn())
                .isEqualTo(4);
        assertThat(EntryHeader.parse("## [2026-02-16 09:00 a | b | c").problem())
                .isNotNull();
        assertThat(EntryHeader.parse("## [2026-02-29 09:00] a | b | c").dateTime())
                .isNull();
        assertThat(EntryHeader.parse("## [2028-02-29 09:00] a | b | c").dateTime())
                .isNotNull();
    }

    @Test
    void metricsTokens() {
        assertThat(Metric.parse("a=1,b=2  c_3=x,, d=é", 14))
                .extracting(Metric::key, Metric::column, Metric::problem)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", 14, null),
                        org.assertj.core.groups.Tuple.tuple("b", 18, null),
                        org.assertj.core.groups.Tuple.tuple("c_3", 23, null),
                        org.assertj.core.groups.Tuple.tuple("d", 31, null));
        assertThat(Metric.parse("x", 1).get(0).problem()).contains("not a key=value");
        assertThat(Metric.parse("1a=2", 1).get(0).problem()).contains("lowercase");
        assertThat(Metric.parse("a=", 1).get(0).problem()).contains("no value");
    }

    /** A log whose first entry's Detail opens {@code fence} and never closes it, then a second entry. */
    static String openFence(String fence) {
        return "# Log\n\n"
                + entry(
                        "2026-02-16 09:00",
                        "**Status:** completed\n**Summary:** Open fence.\n**Detail:**\n\n" + fence + "\nnever closed")
                + entry("2026-02-16 09:01", OK);
    }
}
