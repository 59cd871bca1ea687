package dev.atomizer.maven;

import dev.atomizer.Atomizer;
import dev.atomizer.api.Archived;
import dev.atomizer.api.AtomizerException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Moves the log's entries dated before a day, byte for byte, into a new archive file under
 * {@code shared/archive/} and commits it with the shortened log in one commit (or stages both).
 * Every goal reads the archives, the log and the inbox as one history, so the derived files do not
 * change. Not bound to a phase: run {@code mvn atomizer:archive -Dbefore=YYYY-MM-DD}.
 */
@Mojo(name = "archive", requiresProject = false, threadSafe = true)
public class ArchiveMojo extends AbstractAtomizerMojo {

    /** Archive the entries dated before this day, {@code YYYY-MM-DD} (exclusive). */
    @Parameter(property = "before", required = true)
    private String before;

    /** Stage the archive and the log without committing them. */
    @Parameter(property = "noCommit", defaultValue = "false")
    private boolean noCommit;

    @Override
    protected void process() throws AtomizerException {
        LocalDate day;
        try {
            day = LocalDate.parse(before == null ? "" : before.strip());
        } catch (DateTimeParseException e) {
            throw new AtomizerException("before: '" + before + "' is not a day (YYYY-MM-DD, e.g. 2026-01-01)", e);
        }
        Archived a = Atomizer.at(workspace(), Map.of(), root.toPath()).archive(day, !noCommit);
        getLog().info("Atomizer: moved " + a.entries() + (a.entries() == 1 ? " entry" : " entries") + " to "
                + a.archive() + " (" + a.remaining() + " left in the log); "
                + (a.committed() ? "committed" : "staged, not committed"));
    }
}
