package dev.atomizer.maven;

import dev.atomizer.Atomizer;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.FileSummary;
import dev.atomizer.render.Formats;
import dev.atomizer.render.TextFormatter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the project log against the contract: one log line per violation, then a count, then a
 * build failure when there are errors (warnings never fail the build).
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class LintMojo extends AbstractReportMojo {

    /** The log to lint. */
    @Parameter(property = "atomizer.log", defaultValue = "${project.basedir}/shared/project_log.md")
    private File log;

    /** Further log files to lint (each against the same contract). */
    @Parameter
    private List<File> files = new ArrayList<>();

    @Override
    protected void process() throws AtomizerException, MojoFailureException {
        Path base = repositoryPaths() ? Formats.repositoryRoot(root.toPath()) : root.toPath();
        Atomizer atomizer = Atomizer.open(workspace().withLog(log.toPath()), severities(), base);
        List<File> targets = new ArrayList<>();
        targets.add(log);
        targets.addAll(files);
        FileSummary total = FileSummary.EMPTY;
        try (Report report = openReport(base)) {
            for (File f : targets) {
                total = total.plus(atomizer.lint(f.toPath(), d -> {
                    try {
                        report.diagnostic(d);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            report.finish(total);
        } catch (UncheckedIOException e) {
            throw new AtomizerException(
                    "cannot write the report: " + e.getCause().getMessage(), e);
        }
        String summary = "Atomizer: " + TextFormatter.summaryLine(total);
        if (total.errors() > 0) {
            getLog().error(summary);
            if (failOnViolation) {
                throw new MojoFailureException("The project log has " + total.errors() + " error"
                        + (total.errors() == 1 ? "" : "s") + " (listed above). Fix the entries, or append a "
                        + "correcting entry; run 'mvn atomizer:lint' to check again.");
            }
        } else {
            getLog().info(summary);
        }
    }
}
