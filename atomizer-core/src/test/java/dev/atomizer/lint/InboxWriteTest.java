package dev.atomizer.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.Atomizer;
import dev.atomizer.api.Appended;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.NewEntry;
import dev.atomizer.api.Workspace;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Atomizer.append} with the contract's {@code Entry inbox: on}: each entry a new file of the
 * inbox, exactly its bytes, linted after the history's last entry; {@code --file} still appends to
 * the file it names; and {@code timestamp-order} allows the contract's fold window, only with the
 * inbox on.
 */
class InboxWriteTest {

    static final String LOG_TEXT = "# Project log\n\n## [2026-02-20 10:00] manager | bracket-topopt | milestone\n\n"
            + "**Status:** completed\n**Summary:** Kick-off.\n\n---\n";

    @TempDir
    Path root;

    void repo(String inbox, String window) throws Exception {
        try (InputStream in = Atomizer.class.getResourceAsStream("/dev/atomizer/install/schemas.md")) {
            String c = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("| Entry inbox | off |", "| Entry inbox | " + inbox + " |")
                    .replace("| Fold window | 7 days |", "| Fold window | " + window + " |");
            Path contract = root.resolve(Workspace.CONTRACT);
            Files.createDirectories(contract.getParent());
            Files.writeString(contract, c);
        }
        Files.writeString(root.resolve(Workspace.LOG), LOG_TEXT);
    }

    Appended log(String ts, String summary) throws Exception {
        return log(Workspace.at(root), ts, summary);
    }

    static Appended log(Workspace ws, String ts, String summary) throws Exception {
        return Atomizer.open(ws, Map.of(), ws.root())
                .append(
                        new NewEntry(
                                ts, "optimizer", "bracket-topopt", "milestone", "completed", summary, null, null, null),
                        true,
                        false);
    }

    List<String> inbox() throws Exception {
        Path dir = root.resolve(Workspace.INBOX);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> Workspace.INBOX + "/" + p.getFileName()).sorted().toList();
        }
    }

    @Test
    void withTheInboxOnEachEntryIsANewFileOfExactlyItsBytes() throws Exception {
        repo("on", "7 days");
        Appended a = log("2026-02-20 11:00", "Mesh study.");
        assertThat(a.written()).as(a.problems().toString()).isTrue();
        assertThat(a.target()).matches("shared/inbox/2026-02-20T1100-optimizer-[0-9a-f]{8}\\.md");
        assertThat(inbox()).containsExactly(a.target());
        assertThat(Files.readString(root.resolve(a.target())))
                .isEqualTo("## [2026-02-20 11:00] optimizer | bracket-topopt | milestone\n\n**Status:** completed\n"
                        + "**Summary:** Mesh study.\n\n---\n");
        assertThat(Files.readString(root.resolve(Workspace.LOG))).isEqualTo(LOG_TEXT);

        Appended b = log("2026-02-20 11:00", "Same minute, another file.");
        assertThat(b.written()).isTrue();
        assertThat(inbox()).hasSize(2).contains(b.target());
        assertThat(b.target()).isNotEqualTo(a.target());
    }

    @Test
    void theEntryIsLintedAfterTheLastInboxFileWithinTheFoldWindow() throws Exception {
        repo("on", "2 days");
        assertThat(log("2026-02-25 09:00", "Late.").written()).isTrue();
        // a day older than the last inbox entry: within the window
        assertThat(log("2026-02-24 09:00", "Written on a branch the day before.")
                        .written())
                .isTrue();
        // but the last is now the 09:00 of the 25th by name: three days older is refused, nothing written
        Appended old = log("2026-02-22 08:00", "Much older.");
        assertThat(old.written()).isFalse();
        assertThat(old.problems()).extracting(Diagnostic::rule).containsExactly("timestamp-order");
        assertThat(old.problems().get(0).message()).contains("fold window (2880 minutes)");
        assertThat(inbox()).hasSize(2);
    }

    @Test
    void aFileNamedWithFileIsAppendedToDirectly() throws Exception {
        repo("on", "7 days");
        Path other = root.resolve("shared/other_log.md");
        Files.writeString(other, LOG_TEXT);
        Appended a = log(Workspace.at(root).withLog(other), "2026-02-20 11:00", "Direct.");
        assertThat(a.written()).isTrue();
        assertThat(Files.readString(other)).startsWith(LOG_TEXT).contains("**Summary:** Direct.");
        assertThat(inbox()).isEmpty();
    }

    @Test
    void withTheInboxOffTheLogIsAppendedToAndOrderIsStrict() throws Exception {
        repo("off", "7 days");
        Appended a = log("2026-02-20 11:00", "Appended.");
        assertThat(a.written()).isTrue();
        assertThat(a.target()).endsWith("project_log.md");
        assertThat(inbox()).isEmpty();
        Appended older = log("2026-02-20 10:30", "Older.");
        assertThat(older.written()).isFalse();
        assertThat(older.problems()).extracting(Diagnostic::rule).containsExactly("timestamp-order");
    }

    @Test
    void timestampOrderAllowsTheFoldWindowOnlyWithTheInboxOn() throws Exception {
        String log = LOG_TEXT + "\n" + entry("2026-02-15 10:00", "Folded late.") + "\n"
                + entry("2026-02-07 10:00", "Folded too late.");
        repo("on", "7 days");
        Files.writeString(root.resolve(Workspace.LOG), log);
        assertThat(lint()).containsExactly("timestamp-order:17");
        repo("off", "7 days");
        Files.writeString(root.resolve(Workspace.LOG), log);
        assertThat(lint()).containsExactly("timestamp-order:10", "timestamp-order:17");
    }

    static String entry(String ts, String summary) {
        return "## [" + ts + "] optimizer | bracket-topopt | milestone\n\n**Status:** completed\n**Summary:** "
                + summary + "\n\n---\n";
    }

    List<String> lint() throws Exception {
        List<String> out = new ArrayList<>();
        Atomizer.open(Workspace.at(root), Map.of(), root)
                .lint(root.resolve(Workspace.LOG), d -> out.add(d.rule() + ":" + d.line()));
        return out;
    }
}
