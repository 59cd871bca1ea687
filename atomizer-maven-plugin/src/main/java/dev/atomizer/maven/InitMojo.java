package dev.atomizer.maven;

import dev.atomizer.Atomizer;
import dev.atomizer.api.AtomizerException;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Sets up a status repository in the current directory, as {@code atomizer init} does: makes it a
 * git repository when it is not one; lays out the contract (the default one, commented),
 * {@code PROJECT_STATUS.md}, the log, the weekly template, the generators' folders and the
 * dashboards, never overwriting a file; then installs the hooks and the merge driver. Runs without
 * a POM ({@code mvn dev.atomizer:atomizer-maven-plugin:init} in an empty directory). The root
 * commit that follows needs no approval trailers.
 */
@Mojo(name = "init", requiresProject = false, threadSafe = true)
public class InitMojo extends InstallHooksMojo {

    /**
     * When the workflow's watchdog runs: GitHub's cron, in UTC. Empty: every 6 hours
     * ({@code 7 *}{@code /6 * * *}, about 120 runs a month; hourly would be 720).
     */
    @Parameter(property = "atomizer.watchdogCron")
    private String watchdogCron;

    @Override
    protected void process() throws AtomizerException, MojoFailureException {
        String cron = watchdogCron == null || watchdogCron.isBlank() ? null : watchdogCron;
        for (String line : Atomizer.at(root.toPath(), Map.of()).init(resolveCliJar(), cron)) {
            getLog().info(line);
        }
        getLog().info("next: edit the Agents and Approvers of the contract and the projects of PROJECT_STATUS.md, then"
                + " 'git add -A && git commit' (the root commit needs no trailers; when your edits change a dashboard,"
                + " the hook regenerates it and refuses once: run the same 'git add -A && git commit' again)");
    }
}
