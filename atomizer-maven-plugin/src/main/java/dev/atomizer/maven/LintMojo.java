package dev.atomizer.maven;

import dev.atomizer.Atomizer;
import dev.atomizer.AtomizerException;
import dev.atomizer.lint.FileSummary;
import dev.atomizer.render.TextFormatter;
import java.io.File;
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
public class LintMojo extends AbstractAtomizerMojo {

    /** The log to lint. */
    @Parameter(property = "atomizer.log", defaultValue = "${project.basedir}/shared/project_log.md")
    private File log;

    /** Further log files to lint (each against the same contract). */
    @Parameter
    private List<File> files = new ArrayList<>();


    @Override
    protected void process() throws AtomizerException, MojoFailureException {
        Atomizer atomizer = Atomizer.open(workspace().withLog(log.toPath()), severities(), root.toPath());
        List<File> targets = new ArrayList<>();
        targets.add(log);
        targets.addAll(files);
        FileSummary total = FileSummary.EMPTY;
        for (File f : targets) {
            total = total.plus(atomizer.lint(f.toPath(), this::log));
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
