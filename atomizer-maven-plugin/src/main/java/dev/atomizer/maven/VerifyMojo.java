package dev.atomizer.maven;

import dev.atomizer.Atomizer;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileSummary;
import dev.atomizer.render.Formatter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Judges what a range brings to its base, as CI must (hooks can be skipped with {@code --no-verify}):
 * the head against the base under the base's contract, every parent accounted for, each commit
 * checked as a second line (docs/governance.md, "How a range is judged"). With
 * {@code format=markdown} the report is the Auditor summary of the range; with {@code format=github}
 * the annotations are printed and, when {@code GITHUB_STEP_SUMMARY} is set (GitHub Actions), the
 * Auditor summary is appended to that file.
 */
@Mojo(name = "verify", threadSafe = true)
public class VerifyMojo extends AbstractReportMojo {

    /** The commit the range starts after, e.g. {@code origin/main} or a pull request's base sha. */
    @Parameter(property = "atomizer.base", required = true)
    private String base;

    /** The last commit of the range. */
    @Parameter(property = "atomizer.head", defaultValue = "HEAD")
    private String head;

    /** A formatter that writes the finished Auditor summary and nothing per diagnostic (the log has those). */
    private static Formatter summary(OutputStream stream, String markdown) {
        return new Formatter() {
            @Override
            public void diagnostic(Diagnostic d) {
                // the summary already holds every diagnostic
            }

            @Override
            public void finish(FileSummary s) throws IOException {
                stream.write(markdown.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /**
     * Never: the gate is not the checked build's to turn off. {@code atomizer.skip} and
     * {@code atomizer.failOnViolation} can be set by the pull request under check (its pom.xml,
     * its {@code .mvn/maven.config}), so verify always runs and always fails on errors; a workflow
     * step that must not fail the job says so itself ({@code continue-on-error}).
     */
    @Override
    protected boolean skippable() {
        return false;
    }

    @Override
    protected void process() throws AtomizerException, MojoFailureException {
        repositoryPaths(); // an unknown format fails before any work
        if (skip) {
            getLog().warn(
                            "Atomizer: atomizer.skip is ignored by atomizer:verify: the gate is not the checked build's to skip");
        }
        if (!failOnViolation) {
            getLog().warn("Atomizer: atomizer.failOnViolation=false is ignored by atomizer:verify: it fails on errors "
                    + "(a workflow step that must not fail the job sets continue-on-error)");
        }
        Path stepSummary = "github".equals(format)
                ? Atomizer.stepSummary(System.getenv(), Path.of("").toAbsolutePath())
                : null;
        // markdown is for people: the Auditor summary of the range rather than a bare table; on
        // GitHub, the job summary the Auditor reads beside the annotations
        Atomizer.Verification v = Atomizer.at(workspace(), severities(), root.toPath())
                .verify(
                        base,
                        head,
                        "markdown".equals(format) || stepSummary != null,
                        "<rules>",
                        c -> getLog().debug("checking " + c));
        if (v.warning() != null) {
            getLog().warn("Atomizer: " + v.warning());
        }
        String audit = "markdown".equals(format) ? v.auditorSummary() : null;
        try (Report report = openReport(v.workTree(), audit == null ? null : stream -> summary(stream, audit))) {
            for (var d : v.result().diagnostics()) {
                report.diagnostic(d);
            }
            report.finish(v.result().summary());
        } catch (java.io.IOException e) {
            throw new AtomizerException("cannot write the report: " + e.getMessage(), e);
        }
        if (stepSummary != null) {
            Atomizer.appendStepSummary(stepSummary, v.auditorSummary());
            getLog().info("Atomizer: Auditor summary appended to $" + Atomizer.STEP_SUMMARY);
        }
        String summary = "Atomizer: " + v.summaryLine();
        if (v.failed()) {
            getLog().error(summary);
            throw new MojoFailureException(v.result().summary().errors() + " violation"
                    + (v.result().summary().errors() == 1 ? "" : "s") + " in " + v.range()
                    + " (listed above, each with its commit); fix them in a new commit");
        }
        getLog().info(summary);
    }
}
