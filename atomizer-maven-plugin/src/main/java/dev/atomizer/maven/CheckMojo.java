package dev.atomizer.maven;

import dev.atomizer.Atomizer;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.render.TextFormatter;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Lint, governance and freshness in one: the whole log against the contract, the working tree's
 * changes against HEAD (append-only, write-once, generated files), and every derived file against a
 * regeneration ({@code generated-stale}). Bound to {@code verify}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractAtomizerMojo {

    @Override
    protected void process() throws AtomizerException, MojoFailureException {
        Atomizer.LintResult r =
                Atomizer.at(workspace(), severities(), root.toPath()).check();
        long stale = r.diagnostics().stream()
                .filter(d -> d.rule().equals(Atomizer.GENERATED_STALE))
                .count();
        for (Diagnostic d : r.diagnostics()) {
            log(d);
        }
        String summary = "Atomizer: " + TextFormatter.summaryLine(r.summary());
        if (r.summary().errors() > 0) {
            getLog().error(summary);
            if (failOnViolation) {
                throw new MojoFailureException(
                        "atomizer:check found " + r.summary().errors() + " error"
                                + (r.summary().errors() == 1 ? "" : "s") + " (listed above)"
                                + (stale == 0
                                        ? "."
                                        : "; for the " + stale + " stale derived file" + (stale == 1 ? "" : "s")
                                                + ", run 'mvn atomizer:dashboards' and commit the result."));
            }
        } else {
            getLog().info(summary);
        }
    }
}
