package dev.atomizer.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.Workspace;
import dev.atomizer.derive.Derived;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The log's history read as one log: archives, the log, the inbox. */
class LogFilesTest {

    static final String PREAMBLE = "# Project log\n\nAppend-only.\n\n";

    static String entry(String ts, String event, String status) {
        return "## [" + ts + "] manager | alpha | " + event + "\n\n**Status:** " + status
                + "\n**Summary:** Something.\n" + (status.equals("blocked") ? "**Blockers:** Nobody.\n" : "")
                + "\n---\n";
    }

    static final String E1 = entry("2026-03-02 09:00", "milestone", "completed") + "\n";
    static final String E2 = entry("2026-03-03 09:00", "decision-needed", "in-progress") + "\n";
    static final String E3 = entry("2026-03-04 09:00", "milestone", "blocked");

    /** A state of the repository holding {@code files} (path, text), listing its paths. */
    static Tree state(Map<String, String> files) {
        Map<String, String> sorted = new TreeMap<>(files);
        return new Tree() {
            @Override
            public byte[] read(String path) {
                String text = sorted.get(path);
                return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public Collection<String> paths() {
                return sorted.keySet();
            }
        };
    }

    static String history(Map<String, String> files) throws Exception {
        return new String(LogFiles.history(state(files)), StandardCharsets.UTF_8);
    }

    @Test
    void archivesReadBeforeTheLogGiveTheLogAsItWasBeforeThem() throws Exception {
        String whole = PREAMBLE + E1 + E2 + E3;
        assertThat(history(Map.of(Workspace.LOG, whole))).isEqualTo(whole);
        assertThat(history(Map.of(
                        Workspace.archive("2026-03-03"),
                        "# Project log archive: entries before 2026-03-03\n\n" + E1,
                        Workspace.LOG,
                        PREAMBLE + E2 + E3)))
                .isEqualTo(whole);
        assertThat(history(Map.of(
                        Workspace.archive("2026-03-03"),
                        "# Archive\n\n" + E1,
                        Workspace.archive("2026-03-04"),
                        "# Archive\n\n" + E2,
                        Workspace.LOG,
                        PREAMBLE + E3)))
                .isEqualTo(whole);
        // everything archived: the log is its preamble alone
        assertThat(history(Map.of(
                        Workspace.archive("2026-03-05"), "# Archive\n\n" + E1 + E2 + E3, Workspace.LOG, PREAMBLE)))
                .isEqualTo(whole);
        // files elsewhere are not the history's
        assertThat(history(Map.of(
                        "shared/archive/sub/x.md", E1, "shared/archive/notes.txt", E1, Workspace.LOG, PREAMBLE + E2)))
                .isEqualTo(PREAMBLE + E2);
    }

    @Test
    void anInboxEntryFollowsTheLogAsTheFoldAppendsIt() throws Exception {
        String inbox = Workspace.inboxEntry("2026-03-05 09:00", "manager", "0a1b2c3d");
        String late = entry("2026-03-05 09:00", "milestone", "completed");
        // the log ends with a blank line, with one line break, without one
        assertThat(history(Map.of(Workspace.LOG, PREAMBLE + E1, inbox, late))).isEqualTo(PREAMBLE + E1 + late);
        assertThat(history(Map.of(Workspace.LOG, PREAMBLE + E3, inbox, late))).isEqualTo(PREAMBLE + E3 + "\n" + late);
        assertThat(history(Map.of(Workspace.LOG, PREAMBLE + E3.strip(), inbox, late)))
                .isEqualTo(PREAMBLE + E3.strip() + "\n\n" + late);
        // CRLF logs get CRLF separators
        String crlf = (PREAMBLE + E3).replace("\n", "\r\n");
        assertThat(history(Map.of(Workspace.LOG, crlf, inbox, late.replace("\n", "\r\n"))))
                .isEqualTo(crlf + "\r\n" + late.replace("\n", "\r\n"));
    }

    @Test
    void theDerivedFilesAreTheSameWithEntriesArchivedPendingOrFolded() throws Exception {
        String late = entry("2026-03-05 09:00", "milestone", "completed");
        String inbox = Workspace.inboxEntry("2026-03-05 09:00", "manager", "0a1b2c3d");
        Map<String, byte[]> folded =
                Derived.generate(state(Map.of(Workspace.LOG, PREAMBLE + E1 + E2 + E3 + "\n" + late)), null);
        Map<String, byte[]> moved = Derived.generate(
                state(Map.of(
                        Workspace.archive("2026-03-03"),
                        "# Archive\n\n" + E1,
                        Workspace.LOG,
                        PREAMBLE + E2 + E3,
                        inbox,
                        late)),
                null);
        assertThat(moved.keySet()).containsExactlyElementsOf(folded.keySet());
        for (String path : folded.keySet()) {
            assertThat(new String(moved.get(path), StandardCharsets.UTF_8))
                    .as(path)
                    .isEqualTo(new String(folded.get(path), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aCommitAddsEntriesWhenItChangesTheLogOrTheInboxAndMovesNone() {
        String archive = Workspace.archive("2026-03-03");
        String inbox = Workspace.inboxEntry("2026-03-05 09:00", "manager", "0a1b2c3d");
        assertThat(LogFiles.addsEntries(List.of(Workspace.LOG))).isTrue();
        assertThat(LogFiles.addsEntries(List.of(inbox))).isTrue();
        assertThat(LogFiles.addsEntries(List.of(Workspace.LOG, archive)))
                .as("an archive")
                .isFalse();
        assertThat(LogFiles.addsEntries(List.of(Workspace.LOG, inbox)))
                .as("a fold")
                .isFalse();
        assertThat(LogFiles.addsEntries(List.of("shared/dashboards/exec-summary.md")))
                .isFalse();
    }
}
