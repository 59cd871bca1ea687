package dev.atomizer.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The one-pass comparison: where the appended part starts and which line that is, for LF, CRLF,
 * whitespace at the old end and any edit above it.
 */
class AppendCheckTest {

    private static final String ENTRY =
            "## [2026-02-16 09:00] manager | p | milestone\n\n**Status:** completed\n" + "**Summary:** Done.\n\n---\n";

    @Test
    void anAppendStartsAfterTheOldLastLine() {
        String old = "# Log\n\n" + ENTRY;
        AppendCheck c = check(old, old + "\n" + ENTRY);
        assertThat(c.appendOnly()).isTrue();
        assertThat(c.tailOffset()).isEqualTo(bytes(old).length);
        assertThat(c.tailFirstLine(bytes(old + "\n" + ENTRY))).isEqualTo(9);
        assertThat(c.previousTimestamp()).isEqualTo("2026-02-16 09:00");
        assertThat(c.oldEndsClosed()).isTrue();
    }

    @Test
    void crlfWhitespaceAtTheOldEndAndAMissingFinalNewlineAreTolerated() {
        String old = "# Log\r\n\r\n" + ENTRY.replace("\n", "\r\n");
        assertThat(check(old, old + ENTRY).tailFirstLine(bytes(old + ENTRY))).isEqualTo(9);
        String bare = old.stripTrailing();
        AppendCheck c = check(bare, bare + "  \r\n\r\n" + ENTRY);
        assertThat(c.appendOnly()).isTrue();
        assertThat(c.tailFirstLine(bytes(bare + "  \r\n\r\n" + ENTRY))).isEqualTo(9);
        assertThat(c.tailOffset()).isEqualTo(bytes(bare + "  \r\n").length);
        assertThat(check(old + "\n\n\n", old + ENTRY).appendOnly()).isTrue();
    }

    @Test
    void anEditOrTextOnTheOldLastLineIsNotAnAppend() {
        String old = "# Log\n\n" + ENTRY;
        AppendCheck edited = check(old, old.replace("Done.", "Gone.") + ENTRY);
        assertThat(edited.appendOnly()).isFalse();
        assertThat(edited.changedLine()).isEqualTo(6);
        assertThat(edited.entryLine()).isEqualTo(3);
        assertThat(edited.entryHeading()).isEqualTo("## [2026-02-16 09:00] manager | p | milestone");
        assertThat(check(old.stripTrailing(), old.stripTrailing() + "- more\n").appendOnly())
                .isFalse();
        assertThat(check(old, "# Log\n").appendOnly()).isFalse();
    }

    /** The line the check reports for the appended part is the line that offset is on, whatever the text. */
    @Property(tries = 2000)
    void theTailLineIsTheLineOfTheTailOffset(
            @ForAll("texts") String old, @ForAll("texts") String added, @ForAll("texts") String edit) throws Exception {
        byte[] o = bytes(old);
        for (String neu : new String[] {old + added, edit + added, old.stripTrailing() + added}) {
            byte[] n = bytes(neu);
            AppendCheck c = AppendCheck.compare(o, n);
            if (c.appendOnly()) {
                assertThat(c.tailFirstLine(n)).isEqualTo(AppendCheck.lineOf(n, c.tailOffset()));
                assertThat(c.tailOffset() == 0
                                || n[c.tailOffset() - 1] == '\n'
                                || n[c.tailOffset() - 1] == '\r'
                                || c.tailOffset() == n.length)
                        .isTrue();
                assertThat(c.tailOffset()).isBetween(0, n.length);
                String core = old.stripTrailing();
                assertThat(neu).startsWith(core.isEmpty() ? "" : core);
            } else {
                assertThat(c.changedLine()).isBetween(1, AppendCheck.lineOf(o, o.length));
            }
        }
        if (!added.isBlank() && added.startsWith("\n")) {
            assertThat(AppendCheck.compare(o, bytes(old + added)).appendOnly()).isTrue();
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab# \t\r\n-é").ofMaxLength(40);
    }

    private static AppendCheck check(String old, String neu) {
        try {
            return AppendCheck.compare(bytes(old), bytes(neu));
        } catch (dev.atomizer.log.LimitException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
