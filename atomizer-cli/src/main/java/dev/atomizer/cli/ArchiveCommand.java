package dev.atomizer.cli;

import dev.atomizer.api.Archived;
import dev.atomizer.api.AtomizerException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "archive",
        header = "Move the log's entries dated before a day into a new archive file, in one commit.",
        description = {
            "Move the longest prefix of the log's entries dated before --before, byte",
            "for byte, into shared/archive/project_log-before-YYYY-MM-DD.md (a title,",
            "a blank line, the entries); the log keeps its preamble and the rest. Both",
            "files are committed in one commit, or left staged with --no-commit.",
            "Every command reads the archives, the log and the inbox as one history,",
            "so the dashboards, KPIs and reports do not change. Refused (exit 2) when",
            "nothing is dated before that day, the archive exists, other changes are",
            "staged, or the entries to move have lint errors."
        })
final class ArchiveCommand extends CommandBase {

    @Option(
            names = "--before",
            required = true,
            paramLabel = "YYYY-MM-DD",
            description = "Archive the entries dated before this day (exclusive).")
    String before;

    @Option(names = "--no-commit", description = "Stage the archive and the log; do not commit.")
    boolean noCommit;

    @Override
    public Integer call() throws AtomizerException {
        LocalDate day;
        try {
            day = LocalDate.parse(before.strip());
        } catch (DateTimeParseException e) {
            throw new AtomizerException("--before: '" + before + "' is not a day (YYYY-MM-DD, e.g. 2026-01-01)", e);
        }
        Archived a = atomizer().archive(day, !noCommit);
        main.err.println("atomizer: moved " + a.entries() + (a.entries() == 1 ? " entry" : " entries") + " to "
                + a.archive() + " (" + a.remaining() + " left in the log); "
                + (a.committed() ? "committed" : "staged, not committed"));
        return Main.OK;
    }
}
