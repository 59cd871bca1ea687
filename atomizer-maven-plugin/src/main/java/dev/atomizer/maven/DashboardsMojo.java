package dev.atomizer.maven;

import dev.atomizer.Atomizer;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.FileOutcome;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Regenerates every derived file (the exec-summary, technical and operations dashboards) from the
 * log and PROJECT_STATUS.md. Unchanged files are not rewritten; writes are atomic; the log is never
 * touched. Not bound to a phase: run {@code mvn atomizer:dashboards}.
 */
@Mojo(name = "dashboards", threadSafe = true)
public class DashboardsMojo extends AbstractAtomizerMojo {

    /**
     * Describe the state at this moment, {@code YYYY-MM-DD HH:MM} (default: the newest entry's
     * timestamp). Commit only files made without it.
     */
    @Parameter(property = "atomizer.asOf")
    private String asOf;

    @Override
    protected void process() throws AtomizerException {
        LocalDateTime at = Atomizer.asOf(asOf, "atomizer.asOf");
        List<FileOutcome> outcomes =
                Atomizer.at(workspace(), Map.of(), root.toPath()).dashboards(at);
        int written = 0;
        for (FileOutcome o : outcomes) {
            getLog().info((o.written() ? "Wrote " : "Unchanged ") + o.path());
            written += o.written() ? 1 : 0;
        }
        getLog().info("Atomizer: " + outcomes.size() + " derived files, " + written + " written, "
                + (outcomes.size() - written) + " unchanged");
    }
}
