package dev.atomizer.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.Severities;
import dev.atomizer.api.Severity;
import dev.atomizer.contract.Contract;
import dev.atomizer.git.FileChange;
import dev.atomizer.git.Tree;
import dev.atomizer.lint.Linter;
import dev.atomizer.log.LogGrammar;
import dev.atomizer.log.LogParser;
import dev.atomizer.log.RawEntry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What the hooks and {@code verify} report for an append is what a lint of the whole new log
 * reports in the appended lines, byte for byte, whatever the appended text holds: entries, HTML
 * comments opened and closed on the same line or on others, {@code <!-- -->} at line ends,
 * fences of every length and character, thematic breaks, indented code, link reference
 * definitions, headings inside blocks, indented headings. So the gate passes exactly when the
 * whole log lints clean, and what passes is blank lines and whole entries: nothing hides from it
 * that a reader or a renderer sees.
 */
class AppendedTextProperties {

    static final String LOG = GitChecksTest.LOG;

    /** Valid logs (each lints clean): the one of the other tests, and one whose entries hold code, HTML and lists. */
    static final List<String> VALID = List.of(
            GitChecksTest.BASE,
            GitChecksTest.BASE.stripTrailing(),
            "# Project log\n\n<!-- a template:\n## [YYYY-MM-DD HH:MM] agent | project | event\n-->\n\n"
                    + "## [2026-02-16 09:00] manager | bracket-topopt | milestone\n\n**Status:** completed\n"
                    + "**Summary:** Quoted a log.\n**Detail:**\n````\n## [2099-01-01 00:00] x | y | z\n```\n---\n````\n"
                    + "<!-- hidden\n## [2099-01-01 00:00] x | y | z\n-->\n- a list\n\n  ```\n  code\n  ```\n\n---\n\n");

    /** Logs whose last entry leaves something open: the gate may only be stricter than a lint there. */
    static final List<String> OPEN = List.of(
            GitChecksTest.BASE + "## [2026-02-16 10:30] manager | p | milestone\n\n**Status:** completed\n"
                    + "**Summary:** s\n",
            GitChecksTest.BASE + "## [2026-02-16 10:30] manager | p | milestone\n\n**Status:** completed\n"
                    + "**Summary:** s\n**Detail:**\n```\ncode\n\n---\n",
            GitChecksTest.BASE + "## [2026-02-16 10:30] manager | p | milestone\n\n**Status:** completed\n"
                    + "**Summary:** s\n**Detail:**\n<!-- a note\n\n---\n",
            GitChecksTest.BASE + "## [2026-02-16 10:30] manager | p | milestone\n\n**Status:** completed\n"
                    + "**Summary:** s\n**Detail:**\n- item\n\n    indented code\n");

    static final List<String> LINES = List.of(
            "",
            "",
            "   ",
            "\t",
            "plain text",
            "more text <!-- -->",
            "[ref]: /hidden",
            "> quoted",
            "- item",
            "1. item",
            "    indented code",
            "\tindented code",
            "\f",
            "\u000B",
            "---",
            "---",
            "***",
            "___",
            "- - -",
            "--- <!-- -->",
            "===",
            "```",
            "```",
            "````",
            "~~~",
            "~~~~",
            "   ```",
            "```js",
            "``` `",
            "    ```",
            "~~~ info ```",
            "<!--",
            "<!--",
            "-->",
            "-->",
            "<!-- x -->",
            "<!-- -->",
            "note -->",
            "--> after",
            "<!-- open",
            "<div>",
            "</div>",
            "<pre>",
            "</pre>",
            "<?php",
            "?>",
            "<!DOCTYPE x",
            ">",
            "<![CDATA[",
            "]]>",
            "# h1",
            "### h3",
            "##",
            "## not an entry",
            " ## [2026-02-17 09:00] ceo | bracket-topopt | decision <!-- -->",
            "   ## [2026-02-17 09:00] ceo | bracket-topopt | decision",
            "**Status:** completed",
            "**Status:** completed <!-- -->",
            "**Summary:** Budget doubled.",
            "**Summary:** Budget doubled. <!-- -->",
            "**Detail:**");

    @Provide
    Arbitrary<String> pieces() {
        Arbitrary<String> line = Arbitraries.of(LINES);
        Arbitrary<String> hour = Arbitraries.integers().between(8, 23).map(h -> String.format("%02d", h));
        Arbitrary<String> heading = Arbitraries.of(
                        "manager | bracket-topopt | milestone", "ceo | bracket-topopt | decision")
                .flatMap(who -> hour.map(h -> "## [2026-02-17 " + h + ":00] " + who));
        Arbitrary<String> entry = heading.map(h -> h + "\n\n**Status:** completed\n**Summary:** Done.\n\n---\n");
        Arbitrary<String> hiddenHeading = heading.map(h -> h + " <!-- -->");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, line),
                net.jqwik.api.Tuple.of(3, entry),
                net.jqwik.api.Tuple.of(2, heading),
                net.jqwik.api.Tuple.of(1, hiddenHeading));
    }

    @Provide
    Arbitrary<String> appended() {
        return Arbitraries.lazy(this::pieces)
                .list()
                .ofMaxSize(10)
                .flatMap(ps -> Arbitraries.of("\n", "\r\n")
                        .flatMap(nl -> Arbitraries.of("", nl)
                                .map(end ->
                                        String.join(nl, ps).replace("\n", nl).replace("\r\r\n", "\r\n") + end)));
    }

    @Provide
    Arbitrary<String> valid() {
        return Arbitraries.of(VALID);
    }

    @Provide
    Arbitrary<String> open() {
        return Arbitraries.of(OPEN);
    }

    @Property(tries = 1500)
    void theGateReportsWhatALintOfTheWholeLogReportsInTheAppendedLines(
            @ForAll("valid") String old, @ForAll("appended") String added) throws Exception {
        String neu = join(old, added);
        assertThat(fullLint(old)).as("the old log lints clean").isEmpty();
        AppendCheck c = AppendCheck.compare(bytes(old), bytes(neu));
        assertThat(c.appendOnly()).isTrue();
        int tailLine = c.tailFirstLine(bytes(neu));
        List<String> expected = rendered(
                fullLint(neu).stream().filter(d -> d.line() >= tailLine).toList());
        GitChecks.Result hook = gate(old, neu);
        assertThat(rendered(hook.diagnostics())).as(neu).isEqualTo(expected);
        boolean lintFails = fullLint(neu).stream().anyMatch(d -> d.severity() == Severity.ERROR);
        assertThat(hook.failed()).as("pass or fail, as a lint of the whole log").isEqualTo(lintFails);
        if (!hook.failed()) {
            assertOnlyBlankLinesAndEntries(neu, c);
        }
    }

    /**
     * Appended to a log whose last entry leaves a block or itself open, the gate reports all that a
     * lint does in the appended lines, and passes only blank lines, the line that closes the open
     * block (alone), the old entry's {@code ---} and whole entries.
     */
    @Property(tries = 600)
    void afterAnOpenEntryTheGateIsAtLeastAsStrictAsALint(@ForAll("open") String old, @ForAll("appended") String added)
            throws Exception {
        String neu = join(old, added);
        AppendCheck c = AppendCheck.compare(bytes(old), bytes(neu));
        String before =
                new String(bytes(neu), c.tailOffset(), c.entriesOffset() - c.tailOffset(), StandardCharsets.UTF_8);
        // blank lines appended to an open block add nothing, though a lint now reports the old
        // entry's end on the last of them
        int from = !blank(before)
                ? c.tailFirstLine(bytes(neu))
                : c.entriesOffset() < bytes(neu).length
                        ? LogGrammar.lineNumber(bytes(neu), c.entriesOffset())
                        : Integer.MAX_VALUE;
        List<String> expected =
                rendered(fullLint(neu).stream().filter(d -> d.line() >= from).toList());
        GitChecks.Result hook = gate(old, neu);
        assertThat(rendered(hook.diagnostics())).as(neu).containsAll(expected);
        if (!hook.failed()) {
            List<String> text = before.lines().filter(l -> !blank(l)).toList();
            assertThat(text.size()).as(before).isLessThanOrEqualTo(2);
            for (String l : text) {
                assertThat(l.strip()).as(before).matches("([-*_])( *\\1){2,} *|`{3,}|~{3,}|-->");
            }
        }
    }

    /** The appended lines before the first appended entry are blank (so all the rest is entries). */
    private static void assertOnlyBlankLinesAndEntries(String neu, AppendCheck c) {
        byte[] n = bytes(neu);
        String before = new String(n, c.tailOffset(), c.entriesOffset() - c.tailOffset(), StandardCharsets.UTF_8);
        assertThat(blank(before))
                .as("text before the first appended entry is blank: " + before)
                .isTrue();
        int tailLine = c.tailFirstLine(n);
        List<RawEntry> appended =
                LogParser.parse(neu).stream().filter(e -> e.line() >= tailLine).toList();
        if (c.entriesOffset() < n.length) {
            assertThat(appended).isNotEmpty();
            assertThat(appended.get(0).line()).isEqualTo(LogGrammar.lineNumber(n, c.entriesOffset()));
        }
    }

    /** Blank as CommonMark has it: spaces, tabs and line breaks only (a form feed is text). */
    static boolean blank(String s) {
        return s.chars().allMatch(ch -> ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n');
    }

    static String join(String old, String added) {
        return old + (old.endsWith("\n") || old.isEmpty() ? "" : "\n") + added;
    }

    /** pre-commit's and verify's check of one change: the log modified from {@code old} to {@code neu}. */
    static GitChecks.Result gate(String old, String neu) throws Exception {
        byte[] o = bytes(old);
        byte[] n = bytes(neu);
        FileChange change = new FileChange(FileChange.Kind.MODIFY, LOG, LOG, () -> o, () -> n);
        Tree after = path -> path.equals(LOG) ? n : null;
        return GitChecks.check(
                List.of(change),
                ParsedFiles.contract(null),
                after,
                null,
                null,
                Map.of(),
                DerivedFiles.NONE,
                LogResumes.inMemory(),
                null,
                null,
                null,
                null);
    }

    static List<Diagnostic> fullLint(String log) throws Exception {
        Contract c = ParsedFiles.contract(null);
        List<Diagnostic> out = new ArrayList<>();
        new Linter(c, ParsedFiles.status(null).slugs(), Severities.of(c.severities()))
                .lint(LOG, new ByteArrayInputStream(bytes(log)), out::add);
        return out;
    }

    static List<String> rendered(List<Diagnostic> ds) {
        return ds.stream().map(Diagnostic::toText).toList();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
