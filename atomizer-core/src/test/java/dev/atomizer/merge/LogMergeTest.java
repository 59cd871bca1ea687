package dev.atomizer.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.atomizer.log.LogParser;
import dev.atomizer.log.RawEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogMergeTest {

    static final String TITLE = "# Project log\n\n";

    /** An entry as {@code LogAppender} writes it: heading to closing {@code ---} and its line break. */
    static String entry(String ts, String agent, String summary) {
        return entry(ts, agent, summary, null);
    }

    static String entry(String ts, String agent, String summary, String detail) {
        return "## [" + ts + "] " + agent + " | bracket-topopt | milestone\n\n**Status:** completed\n**Summary:** "
                + summary + "\n" + (detail == null ? "" : "**Detail:**\n" + detail + "\n") + "\n---\n";
    }

    /** A log with the title and {@code entries}, separated by blank lines, ending after the last {@code ---}. */
    static String log(String... entries) {
        return append(TITLE, entries);
    }

    /** {@code text} with {@code entries} appended the way {@code LogAppender} separates them. */
    static String append(String text, String... entries) {
        StringBuilder sb = new StringBuilder(text);
        for (String e : entries) {
            String s = sb.toString();
            sb.append(s.isEmpty() || s.endsWith("\n\n") ? "" : s.endsWith("\n") ? "\n" : "\n\n")
                    .append(e);
        }
        return sb.toString();
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String s(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static String crlf(String s) {
        return s.replace("\n", "\r\n");
    }

    static LogMerge.Result merge(String base, String ours, String theirs) {
        return LogMerge.merge(b(base), b(ours), b(theirs));
    }

    static final String E1 = entry("2026-02-16 08:00", "manager", "one");
    static final String E2 = entry("2026-02-16 08:30", "coder", "two");
    static final String E3 = entry("2026-02-16 09:00", "manager", "three");

    @Test
    void bothSidesAppendAndTheEntriesAreMergedInTimestampOrder() {
        String base = log(E1);
        String a = entry("2026-02-16 10:00", "coder", "ours");
        String b = entry("2026-02-16 09:30", "tester", "theirs");
        LogMerge.Result r = assertCleanMerge(log(E1, b, a), base, append(base, a), append(base, b));
        assertThat(s(r.merged())).isEqualTo("""
                # Project log

                ## [2026-02-16 08:00] manager | bracket-topopt | milestone

                **Status:** completed
                **Summary:** one

                ---

                ## [2026-02-16 09:30] tester | bracket-topopt | milestone

                **Status:** completed
                **Summary:** theirs

                ---

                ## [2026-02-16 10:00] coder | bracket-topopt | milestone

                **Status:** completed
                **Summary:** ours

                ---
                """);
        assertThat(r.message()).contains("1 entry from ours and 1 from theirs");
    }

    @Test
    void interleavingTimestampsInterleaveTheEntries() {
        String base = log(E1, E2);
        String a1 = entry("2026-02-16 09:00", "coder", "a1");
        String a2 = entry("2026-02-16 11:00", "coder", "a2");
        String b1 = entry("2026-02-16 10:00", "tester", "b1");
        String b2 = entry("2026-02-16 12:00", "tester", "b2");
        assertCleanMerge(log(E1, E2, a1, b1, a2, b2), base, append(base, a1, a2), append(base, b1, b2));
    }

    @Test
    void equalTimestampsKeepOursFirstAndEachSidesOrder() {
        String base = log(E1);
        String a1 = entry("2026-02-16 10:00", "coder", "a1");
        String a2 = entry("2026-02-16 10:00", "coder", "a2");
        String b1 = entry("2026-02-16 10:00", "tester", "b1");
        String ours = append(base, a1, a2);
        String theirs = append(base, b1);
        assertThat(s(merge(base, ours, theirs).merged())).isEqualTo(log(E1, a1, a2, b1));
        assertThat(s(merge(base, theirs, ours).merged())).isEqualTo(log(E1, b1, a1, a2));
    }

    @Test
    void anEntryWithoutATimestampStaysAfterTheEntryBeforeItInItsSide() {
        String base = log(E1);
        String a1 = entry("2026-02-16 09:00", "coder", "a1");
        String notes = "## Notes without a timestamp\n\nfree text\n\n---\n";
        String a2 = entry("2026-02-16 11:00", "coder", "a2");
        String b = entry("2026-02-16 09:00", "tester", "b");
        assertCleanMerge(log(E1, a1, notes, b, a2), base, append(base, a1, notes, a2), append(base, b));
    }

    @Test
    void anEntryAppendedOnBothSidesIsKeptOnce() {
        String base = log(E1);
        String x = entry("2026-02-16 09:00", "manager", "cherry-picked");
        String a = entry("2026-02-16 10:00", "coder", "a");
        String b = entry("2026-02-16 09:30", "tester", "b");
        LogMerge.Result r = merge(base, append(base, x, a), append(base, x, b));
        assertThat(r.clean()).isTrue();
        assertThat(s(r.merged())).isEqualTo(log(E1, x, b, a));
        assertThat(r.message()).contains("1 entry appended on both sides kept once");

        // the copy that ends the file has no blank line after it: still the same entry
        assertThat(s(merge(base, append(base, x), append(base, x, b)).merged())).isEqualTo(log(E1, x, b));
    }

    @Test
    void whenOneSideLeftTheLogUnchangedTheOtherSideIsTakenAsIs() {
        String base = log(E1);
        String ours = append(base, entry("2026-02-16 10:00", "coder", "a"));
        LogMerge.Result r = merge(base, base, ours);
        assertThat(r.clean()).isTrue();
        assertThat(s(r.merged())).isEqualTo(ours);
        assertThat(s(merge(base, ours, base).merged())).isEqualTo(ours);
        assertThat(s(merge(base, ours, ours).merged())).isEqualTo(ours);
        // an edit on one side merges like git would; governance (append-only) is the hook's job
        String edited = base.replace("one", "uno");
        assertThat(s(merge(base, edited, base).merged())).isEqualTo(edited);
    }

    @Test
    void fencedCodeInsideAnAppendedEntryIsNotStructure() {
        String base = log(E1);
        String detail = """
                ```text
                ## [2026-02-16 23:59] fake | heading | inside-fence
                ---
                ```

                ~~~~
                ## [2020-01-01 00:00] x | y | z
                ```
                a backtick line does not close a tilde fence
                ## [2020-01-01 00:01] x | y | z
                ~~~~

                   ```
                ## [2020-01-01 00:02] indented fence | y | z
                   ```""";
        String f = entry("2026-02-16 10:00", "coder", "code sample", detail);
        String a = entry("2026-02-16 12:00", "coder", "a");
        String b = entry("2026-02-16 11:00", "tester", "b");
        LogMerge.Result r = assertCleanMerge(log(E1, f, b, a), base, append(base, f, a), append(base, b));
        assertThat(LogParser.parse(s(r.merged())))
                .extracting(e -> e.header().timestamp())
                .containsExactly("2026-02-16 08:00", "2026-02-16 10:00", "2026-02-16 11:00", "2026-02-16 12:00");
    }

    @Test
    void crlfLogsGetCrlfSeparators() {
        String base = log(E1);
        String a1 = entry("2026-02-16 09:00", "coder", "a1");
        String a2 = entry("2026-02-16 11:00", "coder", "a2");
        String b = entry("2026-02-16 10:00", "tester", "b");
        String theirs = append(base, b);
        // theirs ends right after its '---': the separator before a2 is made, in CRLF
        theirs = theirs.substring(0, theirs.length() - 1);
        LogMerge.Result r = merge(crlf(base), crlf(append(base, a1, a2)), crlf(theirs));
        assertThat(r.clean()).isTrue();
        assertThat(s(r.merged())).isEqualTo(crlf(log(E1, a1, b, a2)));
        assertThat(s(r.merged()).replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void aBaseWithoutTrailingNewlineIsSeparatedFromTheNewEntries() {
        String base = log(E1, E2);
        base = base.substring(0, base.length() - 1);
        String a = entry("2026-02-16 10:00", "coder", "a");
        String b = entry("2026-02-16 09:30", "tester", "b");
        LogMerge.Result r = merge(base, append(base, a), append(base, b));
        assertThat(r.clean()).isTrue();
        assertThat(s(r.merged())).isEqualTo(base + "\n\n" + b + "\n" + a);
        // a heading written right under the base's '---' gets the blank line CommonMark needs
        LogMerge.Result sameLine = merge(base, base + "\n## [2026-02-16 09:00] x | y | z\n", append(base, b));
        assertThat(s(sameLine.merged())).isEqualTo(base + "\n\n## [2026-02-16 09:00] x | y | z\n\n" + b);
        // trailing spaces on the last line are whitespace; other text there changes that line
        assertThat(merge(base, base + "  \n\n" + a, append(base, b)).clean()).isTrue();
        LogMerge.Result extended = merge(base, base + " and more\n\n" + a, append(base, b));
        assertThat(extended.clean()).isFalse();
        assertThat(extended.message()).startsWith("ours changed line 15 (in entry '## [2026-02-16 08:30] coder |");
        assertThat(s(extended.merged()))
                .isEqualTo(log(E1) + "\n" + E2.substring(0, E2.length() - 4)
                        + "<<<<<<< ours\n--- and more\n=======\n---\n>>>>>>> theirs\n\n" + b + "\n" + a);
    }

    @Test
    void tailsWithoutAnEntryAreKeptOnTheirOwnLines() {
        String base = log(E1);
        base = base.substring(0, base.length() - 1);
        String b = entry("2026-02-16 09:30", "tester", "b");
        // ours only ended the last line; theirs appended an entry
        LogMerge.Result r = merge(base, base + "\n", append(base, b));
        assertThat(r.clean()).isTrue();
        assertThat(s(r.merged())).isEqualTo(append(base, b));
        // stray text on both sides: both kept, each on its own line
        assertThat(s(merge("X\n", "X\nfoo", "X\nbar").merged())).isEqualTo("X\nfoo\nbar");
    }

    @Test
    void anEmptyBaseIsANewFileOnBothSidesAndTheCommonTitleIsKeptOnce() {
        String a = entry("2026-02-16 10:00", "coder", "a");
        String b = entry("2026-02-16 09:00", "tester", "b");
        assertCleanMerge(log(b, a), "", log(a), log(b));

        // no common title: both are appends to nothing, each side's text before its first entry kept with it
        assertThat(s(merge("", a, log(b)).merged())).isEqualTo(log(b, a));
        assertThat(s(merge("", a, b).merged())).isEqualTo(b + "\n" + a);
    }

    @Test
    void theBaseByteOrderMarkIsKept() {
        String bom = "\uFEFF";
        String base = bom + log(E1);
        String a = entry("2026-02-16 10:00", "coder", "a");
        String b = entry("2026-02-16 09:00", "tester", "b");
        // theirs lost the BOM on the way: the base's is kept, once
        LogMerge.Result r = merge(base, append(base, a), append(log(E1), b));
        assertThat(r.clean()).isTrue();
        assertThat(s(r.merged())).isEqualTo(bom + log(E1, b, a));
        // a new file on both sides with a BOM
        assertThat(s(merge("", bom + log(a), bom + log(b)).merged())).isEqualTo(bom + log(b, a));
    }

    @Test
    void bytesThatAreNotUtf8RoundTripExactly() {
        byte[] base = concat(
                b(TITLE + "## [2026-02-16 08:00] m | p | e\n\n**Summary:** "),
                new byte[] {(byte) 0xFF, (byte) 0xFE},
                b("\n\n---\n"));
        byte[] a = concat(
                b("## [2026-02-16 10:00] m | p | e\n\n**Summary:** "),
                new byte[] {(byte) 0xC3, (byte) 0x28},
                b("\n\n---\n"));
        byte[] bEntry = b("## [2026-02-16 09:00] m | p | e\n\n**Summary:** caf\u00E9\n\n---\n");
        LogMerge.Result r = LogMerge.merge(base, concat(base, b("\n"), a), concat(base, b("\n"), bEntry));
        assertThat(r.clean()).isTrue();
        assertThat(r.merged()).isEqualTo(concat(base, b("\n"), bEntry, b("\n"), a));
    }

    @Test
    void bothSidesEditingAnOldEntryConflictAroundThatLineOnly() {
        String base = log(E1, E2, E3);
        String ours = base.replace("**Summary:** two", "**Summary:** two (ours)");
        String theirs = base.replace("**Summary:** two", "**Summary:** two (theirs)");
        LogMerge.Result r = merge(base, ours, theirs);
        assertThat(r.clean()).isFalse();
        assertThat(s(r.merged()))
                .isEqualTo(TITLE + E1 + "\n"
                        + "## [2026-02-16 08:30] coder | bracket-topopt | milestone\n\n**Status:** completed\n"
                        + "<<<<<<< ours\n"
                        + "**Summary:** two (ours)\n"
                        + "=======\n"
                        + "**Summary:** two (theirs)\n"
                        + ">>>>>>> theirs\n"
                        + "\n---\n\n" + E3);
        assertThat(r.message())
                .isEqualTo("ours changed line 13 (in entry '## [2026-02-16 08:30] coder | bracket-topopt"
                        + " | milestone') and theirs changed line 13 (in entry '## [2026-02-16 08:30] coder | bracket-topopt"
                        + " | milestone') of the common base (the log is append-only); resolve by keeping the base and"
                        + " re-appending your entries");
    }

    @Test
    void anEditedOldEntryConflictsAroundTheEditWhileBothSidesNewEntriesAreMergedAfterTheBase() {
        String base = log(E1, E2);
        String a = entry("2026-02-16 10:00", "coder", "a");
        String b = entry("2026-02-16 09:30", "tester", "b");
        String ours = append(base.replace("**Summary:** one", "**Summary:** one, edited"), a);
        String theirs = append(base, b);
        LogMerge.Result r = merge(base, ours, theirs);
        assertThat(r.clean()).isFalse();
        assertThat(s(r.merged()))
                .isEqualTo(TITLE
                        + "## [2026-02-16 08:00] manager | bracket-topopt | milestone\n\n**Status:** completed\n"
                        + "<<<<<<< ours\n"
                        + "**Summary:** one, edited\n"
                        + "=======\n"
                        + "**Summary:** one\n"
                        + ">>>>>>> theirs\n"
                        + "\n---\n\n" + E2 + "\n" + b + "\n" + a);
        assertThat(r.message())
                .isEqualTo("ours changed line 6 (in entry '## [2026-02-16 08:00] manager | bracket-topopt"
                        + " | milestone') of the common base (the log is append-only); resolve by keeping the base and"
                        + " re-appending your entries");

        // the same with the edit on the other side, in the last entry of the base
        String ours2 = append(base, a);
        String theirs2 = append(base.replace("**Summary:** two", "**Summary:** two, edited"), b);
        LogMerge.Result r2 = merge(base, ours2, theirs2);
        assertThat(s(r2.merged()))
                .isEqualTo(TITLE + E1 + "\n"
                        + "## [2026-02-16 08:30] coder | bracket-topopt | milestone\n\n**Status:** completed\n"
                        + "<<<<<<< ours\n**Summary:** two\n=======\n**Summary:** two, edited\n>>>>>>> theirs\n"
                        + "\n---\n\n" + b + "\n" + a);
        assertThat(r2.message()).startsWith("theirs changed line 13 (in entry '## [2026-02-16 08:30] coder |");
    }

    @Test
    void aRemovedOldEntryConflictsAroundIt() {
        String base = log(E1, E2, E3);
        String a = entry("2026-02-16 10:00", "coder", "a");
        String b = entry("2026-02-16 09:30", "tester", "b");
        LogMerge.Result r = merge(base, append(log(E1, E3), a), append(base, b));
        assertThat(r.clean()).isFalse();
        assertThat(s(r.merged()))
                .isEqualTo(TITLE + E1 + "\n<<<<<<< ours\n=======\n" + E2 + "\n>>>>>>> theirs\n" + E3 + "\n" + b + "\n"
                        + a);
        assertThat(r.message()).startsWith("ours changed line 10 (in entry '## [2026-02-16 08:30] coder |");
    }

    @Test
    void aSideThatDeletesTheLogConflictsAndTheOtherSidesEntriesFollow() {
        String base = log(E1, E2);
        String b = entry("2026-02-16 09:30", "tester", "b");
        String theirs = append(base, b);
        LogMerge.Result r = merge(base, "", theirs);
        assertThat(r.clean()).isFalse();
        assertThat(s(r.merged())).isEqualTo("<<<<<<< ours\n=======\n" + base + ">>>>>>> theirs\n\n" + b);
        assertThat(r.message())
                .isEqualTo("ours deleted everything from line 1 of the common base (the log is"
                        + " append-only); resolve by keeping the base and re-appending your entries");

        LogMerge.Result truncated = merge(base, log(E1), theirs);
        assertThat(truncated.clean()).isFalse();
        assertThat(s(truncated.merged()))
                .isEqualTo(log(E1) + "<<<<<<< ours\n=======\n\n" + E2 + ">>>>>>> theirs\n\n" + b);
        assertThat(truncated.message())
                .isEqualTo("ours deleted everything from line 9 (in entry"
                        + " '## [2026-02-16 08:30] coder | bracket-topopt | milestone') of the common base (the log is append-only);"
                        + " resolve by keeping the base and re-appending your entries");
    }

    @Test
    void conflictMarkersGetTheirOwnLinesWhenAFileEndsWithoutALineBreak() {
        LogMerge.Result r = merge("a\nb\n", "a\nx", "a\ny");
        assertThat(r.clean()).isFalse();
        assertThat(s(r.merged())).isEqualTo("a\n<<<<<<< ours\nx\n=======\ny\n>>>>>>> theirs\n");
        LogMerge.Result crlf = merge("a\r\nb\r\n", "a\r\nx", "a\r\ny");
        assertThat(s(crlf.merged())).isEqualTo("a\r\n<<<<<<< ours\r\nx\r\n=======\r\ny\r\n>>>>>>> theirs\r\n");
    }

    @Test
    void runWritesTheResultIntoOursAndReturnsTheExitCode(@TempDir Path dir) throws IOException {
        String base = log(E1);
        String a = entry("2026-02-16 10:00", "coder", "a");
        String b = entry("2026-02-16 09:30", "tester", "b");
        Path o = Files.writeString(dir.resolve("base"), base);
        Path ours = Files.writeString(dir.resolve("ours"), append(base, a));
        Path theirs = Files.writeString(dir.resolve("theirs"), append(base, b));
        boolean posix = Files.getFileStore(ours).supportsFileAttributeView("posix");
        if (posix) {
            Files.setPosixFilePermissions(ours, PosixFilePermissions.fromString("rw-r--r--"));
        }
        List<String> messages = new ArrayList<>();
        assertThat(LogMerge.run(o, ours, theirs, messages::add)).isZero();
        assertThat(Files.readString(ours)).isEqualTo(log(E1, b, a));
        if (posix) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ours)))
                    .isEqualTo("rw-r--r--");
        }
        assertThat(messages).hasSize(1);
        assertThat(Files.readString(o)).isEqualTo(base);
        assertThat(Files.readString(theirs)).isEqualTo(append(base, b));

        Files.writeString(ours, "");
        assertThat(LogMerge.run(o, ours, theirs)).isEqualTo(1);
        assertThat(Files.readString(ours)).isEqualTo("<<<<<<< ours\n=======\n" + base + ">>>>>>> theirs\n\n" + b);
        // the temp file was moved into place, not left behind
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("base", "ours", "theirs");
        }
    }

    @Test
    void arbitraryBytesNeverThrow() {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            byte[] base = randomBytes(random);
            byte[] ours = random.nextBoolean() ? concat(base, randomBytes(random)) : randomBytes(random);
            byte[] theirs = random.nextBoolean() ? concat(base, randomBytes(random)) : randomBytes(random);
            assertThatCode(() -> LogMerge.merge(base, ours, theirs)).doesNotThrowAnyException();
        }
    }

    /** Random valid appends on both sides always merge cleanly, losing nothing and keeping time order. */
    @Test
    void randomAppendsOnBothSidesMergeCleanly() {
        Random random = new Random(20260216L);
        for (int iteration = 0; iteration < 200; iteration++) {
            Gen gen = new Gen(random, iteration);
            boolean emptyBase = random.nextInt(10) == 0;
            String base = emptyBase ? "" : TITLE;
            for (int k = random.nextInt(5); k > 0; k--) {
                base = append(base, gen.next());
            }
            if (!base.isEmpty() && random.nextInt(5) == 0) {
                base = base.substring(0, base.length() - 1);
            }
            int baseEntries = LogParser.parse(base).size();
            String ours = base;
            String theirs = base;
            List<String> added = new ArrayList<>();
            if (random.nextInt(3) == 0) {
                String shared = gen.next();
                ours = create(ours, shared);
                theirs = create(theirs, shared);
                added.add(shared);
            }
            String shared = gen.last;
            for (int k = random.nextInt(5); k > 0; k--) {
                String e = gen.next();
                ours = create(ours, e);
                added.add(e);
            }
            // theirs continues from the shared entry too: its entries interleave with ours
            gen.last = shared;
            for (int k = random.nextInt(5); k > 0; k--) {
                String e = gen.next();
                theirs = create(theirs, e);
                added.add(e);
            }
            boolean crlf = random.nextInt(4) == 0;
            if (crlf) {
                base = crlf(base);
                ours = crlf(ours);
                theirs = crlf(theirs);
                added.replaceAll(LogMergeTest::crlf);
            }

            LogMerge.Result r = merge(base, ours, theirs);
            String merged = s(r.merged());
            String context = "iteration " + iteration + "\n--- base\n" + base + "\n--- ours\n" + ours + "\n--- theirs\n"
                    + theirs + "\n--- merged\n" + merged;
            assertThat(r.clean()).as(context).isTrue();
            assertThat(merged).as(context).startsWith(base);
            for (String e : added) {
                assertThat(occurrences(merged, e))
                        .as(context + "\n--- entry\n" + e)
                        .isEqualTo(1);
            }
            List<String> tail = added.stream()
                    .sorted((x, y) -> Integer.compare(merged.indexOf(x), merged.indexOf(y)))
                    .map(e -> e.substring(4, 20))
                    .toList();
            assertThat(tail).as(context).isSorted();
            // the merged log reads as entries to CommonMark: each closed by its '---', none swallowed
            List<RawEntry> entries = LogParser.parse(merged.replace("\r\n", "\n"));
            assertThat(entries).as(context).hasSize(baseEntries + added.size());
            assertThat(entries).as(context).allSatisfy(e -> {
                assertThat(e.separatorLine()).isPositive();
                assertThat(e.setextLine()).isZero();
                assertThat(e.strayLines()).isEmpty();
            });
            if (crlf) {
                assertThat(merged.replace("\r\n", "")).as(context).doesNotContain("\n");
            }
        }
    }

    /**
     * A random edit of one old line on ours, with random appends on both sides: a conflict whose
     * markers hold just that line, and choosing theirs there gives the merge ours would have had
     * without the edit.
     */
    @Test
    void randomEditsOfTheBaseConflictAroundTheEditOnly() {
        Random random = new Random(42L);
        for (int iteration = 0; iteration < 200; iteration++) {
            Gen gen = new Gen(random, iteration);
            String base = TITLE;
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                base = append(base, gen.next());
            }
            if (random.nextInt(5) == 0) {
                base = base.substring(0, base.length() - 1);
            }
            String ours = base;
            String theirs = base;
            String shared = gen.last;
            for (int k = random.nextInt(4); k > 0; k--) {
                ours = append(ours, gen.next());
            }
            gen.last = shared;
            for (int k = random.nextInt(4); k > 0; k--) {
                theirs = append(theirs, gen.next());
            }
            String[] lines = base.split("\n", -1);
            int edited = random.nextInt(base.endsWith("\n") ? lines.length - 1 : lines.length);
            lines[edited] = "EDITED " + lines[edited];
            String editedBase = String.join("\n", lines);
            String editedOurs = editedBase + ours.substring(base.length());

            LogMerge.Result r = merge(base, editedOurs, theirs);
            String merged = s(r.merged());
            String context = "iteration " + iteration + "\n--- base\n" + base + "\n--- ours\n" + editedOurs
                    + "\n--- theirs\n" + theirs + "\n--- merged\n" + merged;
            if (theirs.equals(base)) {
                // nothing to merge: ours is taken, as git would (the append-only hook judges the edit)
                assertThat(merged).as(context).isEqualTo(editedOurs);
                continue;
            }
            assertThat(r.clean()).as(context).isFalse();
            assertThat(r.message()).as(context).startsWith("ours changed line " + (edited + 1) + " ");
            int open = merged.indexOf("<<<<<<< ours\n");
            int middle = merged.indexOf("=======\n", open);
            int close = merged.indexOf(">>>>>>> theirs\n", middle);
            assertThat(open).as(context).isNotNegative();
            assertThat(merged.substring(open + 13, middle)).as(context).isEqualTo(lines[edited] + "\n");
            String resolved =
                    merged.substring(0, open) + merged.substring(middle + 8, close) + merged.substring(close + 15);
            assertThat(resolved)
                    .as(context)
                    .isEqualTo(s(merge(base, ours, theirs).merged()));
        }
    }

    /** Entries with rising (sometimes equal) timestamps and varied bodies, each unique by its summary. */
    static final class Gen {
        final Random random;
        final int iteration;
        int n;
        String last = "2026-02-16 08:00";

        Gen(Random random, int iteration) {
            this.random = random;
            this.iteration = iteration;
        }

        String next() {
            int minutes = Integer.parseInt(last.substring(11, 13)) * 60
                    + Integer.parseInt(last.substring(14, 16))
                    + random.nextInt(3) * random.nextInt(20);
            minutes = Math.min(minutes, 23 * 60 + 59);
            last = last.substring(0, 11) + String.format("%02d:%02d", minutes / 60, minutes % 60);
            String summary = "entry " + iteration + "-" + n++;
            String detail = switch (random.nextInt(4)) {
                case 0 -> "```text\n## [2026-02-16 23:59] fake | heading | x\n---\n```";
                case 1 -> "Line one\n\n- a\n- b\n\n~~~\n## [2020-01-01 00:00] a | b | c\n~~~";
                case 2 -> "Plain text.";
                default -> null;
            };
            return entry(last, random.nextBoolean() ? "coder" : "tester", summary, detail);
        }
    }

    /** Appends the way {@code LogAppender} does, creating the file with the title when empty. */
    static String create(String log, String entry) {
        return append(log.isEmpty() ? TITLE : log, entry);
    }

    static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    static byte[] randomBytes(Random random) {
        String alphabet = "## [2026-02-16 09:00] ```~~~---\r\n\n \u00EF\u00BB\u00BFab";
        byte[] bytes = new byte[random.nextInt(60)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = random.nextInt(4) == 0
                    ? (byte) random.nextInt(256)
                    : (byte) alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** The three versions merge cleanly into {@code expected}. */
    // ---- after an archive: a side moved a prefix of the base's entries out of the log ----

    @Test
    void aSideThatArchivedMergesWithTheOtherSidesAppends() {
        String base = log(E1, E2, E3);
        String a = entry("2026-02-16 10:00", "coder", "ours");
        String b = entry("2026-02-16 09:30", "tester", "theirs");
        String archived = TITLE + E3; // E1 and E2 moved to an archive, byte for byte
        // ours archived, theirs appended; and the other way round
        LogMerge.Result r =
                assertCleanMerge(TITLE + E3 + "\n" + b + "\n" + a, base, append(archived, a), append(base, b));
        assertThat(r.message()).contains("left out the 2 entries ours archived");
        assertCleanMerge(TITLE + E3 + "\n" + b + "\n" + a, base, append(base, a), append(archived, b));
        // a side that only archived: the other side's entries follow what it kept
        assertCleanMerge(TITLE + E3 + "\n" + b, base, archived, append(base, b));
    }

    @Test
    void bothSidesArchivedAndTheLongerPrefixIsLeftOut() {
        String base = log(E1, E2, E3);
        String a = entry("2026-02-16 10:00", "coder", "ours");
        LogMerge.Result r =
                assertCleanMerge(TITLE + E3 + "\n" + a, base, append(TITLE + E2 + "\n" + E3, a), TITLE + E3);
        assertThat(r.message()).contains("both sides archived");
        // everything archived on one side
        assertCleanMerge(TITLE + a, base, append(base, a), TITLE);
    }

    @Test
    void aSideThatArchivedAndEditedAnEntryItKeptStillConflicts() {
        String base = log(E1, E2, E3);
        String edited = TITLE + E2 + "\n" + E3.replace("three", "3");
        LogMerge.Result r = merge(base, edited, append(base, entry("2026-02-16 09:30", "tester", "theirs")));
        assertThat(r.clean()).isFalse();
    }

    static LogMerge.Result assertCleanMerge(String expected, String base, String ours, String theirs) {
        LogMerge.Result r = merge(base, ours, theirs);
        assertThat(r.clean()).isTrue();
        assertThat(s(r.merged())).isEqualTo(expected);
        return r;
    }
}
