package dev.atomizer.lint;

import dev.atomizer.api.Appended;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileSummary;
import dev.atomizer.api.Severity;
import dev.atomizer.log.LogAppender;
import dev.atomizer.log.NewEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The append use case: one entry, linted against the contract and the time of the last entry
 * under the append's lock, then written atomically at the end of the log, or not at all.
 */
public final class EntryWriter {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** The rule that refuses text the entry would be read into (the rules' package sits above this one). */
    private static final String STRAY_CONTENT = "stray-content";

    private final Linter linter;
    private final Duration tolerance;

    public EntryWriter(Linter linter, Duration tolerance) {
        this.linter = linter;
        this.tolerance = tolerance;
    }

    /**
     * Appends {@code entry} to {@code log} (shown as {@code shown}). With {@code fixedTime} false the
     * entry is stamped now ({@code entry}'s timestamp), or with the last entry's time when that one
     * is ahead of the clock within the tolerance, so the log never goes back in time. A dry run
     * lints the entry alone and writes nothing.
     */
    public Appended append(Path log, String shown, NewEntry entry, boolean fixedTime, boolean dryRun)
            throws IOException {
        List<Diagnostic> problems = new ArrayList<>();
        int[] entries = {1};
        NewEntry[] made = {entry};
        boolean written = false;
        try {
            LogAppender.append(
                    dryRun ? devNull() : log,
                    last -> made[0] = fixedTime || dryRun ? entry : entry.at(stampAfter(entry.timestamp(), last)),
                    tail -> {
                        if (!tail.startsEntry()) {
                            String where =
                                    tail.hostLine() > 0 ? "the entry at line " + tail.hostLine() : "the preamble";
                            problems.add(new Diagnostic(
                                    shown,
                                    Math.max(1, tail.hostLine()),
                                    1,
                                    STRAY_CONTENT,
                                    Severity.ERROR,
                                    shown + ": " + where + " opens a code fence or HTML block and never"
                                            + " closes it, so a new entry would be read as part of it; append a line"
                                            + " that closes it (such as '```' or '-->') first"));
                            throw new Rejected();
                        }
                        FileSummary s = linter.lint(
                                "<new entry>",
                                new ByteArrayInputStream(
                                        text(made[0]).concat("\n").getBytes(StandardCharsets.UTF_8)),
                                dryRun ? null : tail.lastTimestamp(),
                                problems::add);
                        entries[0] = s.entries();
                        if (s.errors() > 0 || s.entries() != 1) {
                            throw new Rejected();
                        }
                    });
            written = !dryRun;
        } catch (Rejected r) {
            // the problems say why
        }
        return new Appended(
                shown, text(made[0]), made[0].timestamp(), entry.timestamp(), entries[0], problems, written);
    }

    private static String text(NewEntry e) {
        return String.join("\n", e.lines());
    }

    /**
     * The stamp of an entry appended now, after an entry stamped {@code last} (null: none): now, or
     * {@code last} when that is ahead of now by no more than the tolerance. An entry further ahead
     * is misdated: now is kept, and timestamp-order says so.
     */
    String stampAfter(String now, String last) {
        if (last == null) {
            return now;
        }
        try {
            LocalDateTime n = LocalDateTime.parse(now, MINUTE);
            LocalDateTime l = LocalDateTime.parse(last, MINUTE);
            return l.isAfter(n) && !l.isAfter(n.plus(tolerance)) ? last : now;
        } catch (DateTimeParseException e) {
            return now;
        }
    }

    private static Path devNull() throws IOException {
        Path p = Files.createTempFile("atomizer-dry-run", ".md");
        p.toFile().deleteOnExit();
        return p;
    }

    private static final class Rejected extends IOException {
        private static final long serialVersionUID = 1L;

        Rejected() {
            super("rejected", null);
        }
    }
}
