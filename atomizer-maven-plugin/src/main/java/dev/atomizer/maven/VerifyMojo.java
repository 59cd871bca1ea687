package dev.atomizer.maven;

import dev.atomizer.AtomizerException;
import dev.atomizer.git.GitRepo;
import dev.atomizer.governance.GitChecks;
import dev.atomizer.render.TextFormatter;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Re-checks every commit of a range, as CI must (hooks can be skipped with {@code --no-verify}):
 * each non-merge commit against its parent, with its own approval trailers.
 */
@Mojo(name = "verify", threadSafe = true)
public class VerifyMojo extends AbstractReportMojo {

    /** The commit the range starts after, e.g. {@code origin/main} or a pull request's base sha. */
    @Parameter(property = "atomizer.base", required = true)
    private String base;

    /** The last commit of the range. */
    @Parameter(property = "atomizer.head", defaultValue = "HEAD")
    private String head;


    @Override
    protected void process() throws AtomizerException, MojoFailureException {
        repositoryPaths(); // an unknown format fails before any work
        try (GitRepo git = GitRepo.open(root.toPath())) {
            int[] commits = new int[1];
            GitChecks.Result r = GitChecks.verify(git, base, head, severities(), dev.atomizer.derive.Derived.files(), c -> {
                commits[0]++;
                getLog().debug("checking " + c.shortId() + " " + c.subject());
            });
            try (Report report = openReport(git.workTree())) {
                for (var d : r.diagnostics()) {
                    report.diagnostic(d);
                }
                report.finish(r.summary());
            } catch (java.io.IOException e) {
                throw new AtomizerException("cannot write the report: " + e.getMessage(), e);
            }
            String summary = "Atomizer: verified " + commits[0] + " commit" + (commits[0] == 1 ? "" : "s") + " of "
                    + base + ".." + head + ": " + TextFormatter.summaryLine(r.summary());
            if (r.failed()) {
                getLog().error(summary);
                if (failOnViolation) {
                    throw new MojoFailureException(r.summary().errors() + " violation"
                            + (r.summary().errors() == 1 ? "" : "s") + " in " + base + ".." + head
                            + " (listed above, each with its commit); fix them in a new commit");
                }
            } else {
                getLog().info(summary);
            }
        }
    }
}
