package dev.atomizer.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.Diagnostic;
import dev.atomizer.log.LogParser;
import dev.atomizer.log.RawEntry;
import dev.atomizer.robustness.LogGenerators.Format;
import dev.atomizer.robustness.LogGenerators.Log;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any log written to the contract (the README's "The log entry contract") lints clean, however it is laid out:
 * Detail with lists and fenced code holding {@code ---} and entry-heading lines, LF / CRLF / mixed
 * line endings, with or without a BOM or a trailing newline.
 */
class ValidLogProperties {

    @Provide
    Arbitrary<Log> logs() {
        return LogGenerators.evenlySizedLogs(0, 300);
    }

    @Provide
    Arbitrary<Log> smallLogs() {
        return LogGenerators.logs(0, 8);
    }

    @Provide
    Arbitrary<Log> hugeLogs() {
        return LogGenerators.hugeLogs(1800, 2200);
    }

    @Provide
    Arbitrary<Format> formats() {
        return LogGenerators.formats();
    }

    @Property(tries = 200)
    void smallValidLogsLintClean(@ForAll("smallLogs") Log log, @ForAll("formats") Format format) {
        checkClean(log, format);
    }

    @Property(tries = 20)
    void validLogsLintClean(@ForAll("logs") Log log, @ForAll("formats") Format format) {
        checkClean(log, format);
    }

    @Property(tries = 5)
    void hugeValidLogsLintClean(@ForAll("hugeLogs") Log log, @ForAll("formats") Format format) {
        checkClean(log, format);
    }

    @Provide
    Arbitrary<Log> giantEntryLogs() {
        return LogGenerators.logsWithAGiantEntry();
    }

    /** An entry longer than the parser's chunk cap (1 MiB) is still read as one entry. */
    @Property(tries = 4)
    void logsWithAGiantEntryLintClean(@ForAll("giantEntryLogs") Log log, @ForAll("formats") Format format) {
        checkClean(log, format);
    }

    /**
     * Found by these properties: LogParser tracks fences line by line to know where it may cut the
     * log into chunks. A column-1 fence line inside an HTML block (here an HTML comment in the
     * preamble, as a commented-out entry template would be) is not a fence for commonmark, but the
     * tracking takes it for one; from then on it sees real fences inverted, and every {@code ## }
     * line inside a real fenced code block makes it re-parse the whole growing chunk with
     * commonmark. The result stays right (commonmark decides), but the time is quadratic: 8,000
     * such lines (100 KB) take seconds, 32,000 (440 KB) over a minute, against about 0.1 s without
     * the comment.
     */
    @Example
    void fenceLineInsideHtmlDoesNotMakeParsingQuadratic() {
        StringBuilder sb = new StringBuilder("<!-- template:\n```\n-->\n\n");
        sb.append(
                "## [2026-01-01 00:00] a | b | milestone\n\n**Status:** completed\n**Summary:** s\n**Detail:** d\n\n```\n");
        for (int i = 0; i < 32_000; i++) {
            sb.append("## line ").append(i).append('\n');
        }
        sb.append("```\n\n---\n");
        byte[] bytes = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        LintChecks.Result r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> LintChecks.lint(new ByteArrayInputStream(bytes)));
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.summary().entries()).isEqualTo(1);
    }

    /**
     * The same quadratic time by the other way the parser defers to commonmark: every {@code ## }
     * line inside an HTML block (here an HTML comment holding archived entries) re-parses the whole
     * chunk so far to learn that the block absorbs it. 8,000 such lines (95 KB) take over 10 s,
     * 16,000 (200 KB) over a minute.
     */
    @Example
    void headingLinesInsideAnHtmlCommentDoNotMakeParsingQuadratic() {
        StringBuilder sb = new StringBuilder("# Log\n\n<!-- archived entries:\n");
        for (int i = 0; i < 16_000; i++) {
            sb.append("## old ").append(i).append('\n');
        }
        sb.append("-->\n\n## [2026-01-01 00:00] a | b | milestone\n\n**Status:** completed\n**Summary:** s\n\n---\n");
        byte[] bytes = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        LintChecks.Result r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> LintChecks.lint(new ByteArrayInputStream(bytes)));
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.summary().entries()).isEqualTo(1);
    }

    private static void checkClean(Log log, Format format) {
        byte[] bytes = log.bytes(format);
        LintChecks.Result r = LintChecks.lint(new ByteArrayInputStream(bytes));
        assertThat(r.diagnostics())
                .as("diagnostics of a valid log (%s)", format)
                .extracting(Diagnostic::toText)
                .isEmpty();
        assertThat(r.summary().entries()).as("entries").isEqualTo(log.entries().size());
        assertThat(r.summary().errors()).isZero();
        assertThat(r.summary().warnings()).isZero();

        // the same bytes handed over a few at a time (CRLF and UTF-8 sequences split across reads)
        LintChecks.Result trickled =
                LintChecks.lint(new LintChecks.TrickleInputStream(bytes, new java.util.Random(format.mixSeed())));
        assertThat(trickled).isEqualTo(r);

        List<String> expected = log.timestamps();
        List<RawEntry> parsed = LogParser.parse(log.text(format));
        assertThat(parsed).as("LogParser.parse entry count").hasSize(expected.size());
        for (int i = 0; i < parsed.size(); i++) {
            RawEntry e = parsed.get(i);
            assertThat(e.header().wellFormed())
                    .as("entry %d heading '%s' well formed", i, e.heading())
                    .isTrue();
            assertThat(e.header().timestamp()).as("entry %d timestamp", i).isEqualTo(expected.get(i));
            assertThat(e.header().agent()).isEqualTo(log.entries().get(i).agent());
            assertThat(e.header().project()).isEqualTo(log.entries().get(i).project());
            assertThat(e.header().event()).isEqualTo(log.entries().get(i).event());
        }
    }
}
