package dev.atomizer.maven;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Severity;
import dev.atomizer.api.Workspace;
import java.io.File;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shared parameters and the skip logic of every Atomizer goal. Goals are thin: the work is in
 * atomizer-core, which knows nothing of Maven.
 */
public abstract class AbstractAtomizerMojo extends AbstractMojo {

    /** Skip the goal. */
    @Parameter(property = "atomizer.skip", defaultValue = "false")
    protected boolean skip;

    /** The repository root the default layout is relative to. */
    @Parameter(property = "atomizer.root", defaultValue = "${project.basedir}", required = true)
    protected File root;

    /**
     * The contract. When the file does not exist, the built-in default applies.
     */
    @Parameter(property = "atomizer.contract", defaultValue = "${project.basedir}/shared/data-contracts/schemas.md")
    protected File contract;

    /** The Manager-owned project status file; its Projects table enables the unknown-project rule. */
    @Parameter(property = "atomizer.statusFile", defaultValue = "${project.basedir}/shared/PROJECT_STATUS.md")
    protected File statusFile;

    /**
     * Rule severities by rule ID, laid over the contract's Rules table: {@code off}, {@code warning}
     * or {@code error}, e.g. {@code <rules><field-order>off</field-order></rules>}.
     */
    @Parameter
    protected Map<String, String> rules = new HashMap<>();

    /** Fail the build when there are errors; when false, they are only reported. Warnings never fail it. */
    @Parameter(property = "atomizer.failOnViolation", defaultValue = "true")
    protected boolean failOnViolation;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip && skippable()) {
            getLog().info("Skipping Atomizer (atomizer.skip=true)");
            return;
        }
        try {
            process();
        } catch (AtomizerException e) {
            for (String line : e.lines()) {
                getLog().error(line);
            }
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** Whether {@code atomizer.skip} may skip this goal. */
    protected boolean skippable() {
        return true;
    }

    /** The goal's work, once skip has been decided. */
    protected abstract void process() throws AtomizerException, MojoFailureException;

    /** One log line per diagnostic, at its severity (Checkstyle's convention). */
    protected void log(dev.atomizer.api.Diagnostic d) {
        if (d.severity() == dev.atomizer.api.Severity.ERROR) {
            getLog().error(d.toText());
        } else {
            getLog().warn(d.toText());
        }
    }

    protected Workspace workspace() {
        return Workspace.at(root.toPath()).withContract(contract.toPath()).withStatus(statusFile.toPath());
    }

    protected Map<String, Severity> severities() throws AtomizerException {
        return dev.atomizer.api.Severities.parseOverrides(rules, "<rules>");
    }
}
