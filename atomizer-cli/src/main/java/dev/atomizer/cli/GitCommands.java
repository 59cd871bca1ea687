package dev.atomizer.cli;

import dev.atomizer.Atomizer;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Severity;
import dev.atomizer.api.Workspace;
import dev.atomizer.audit.StepSummary;
import dev.atomizer.governance.GitChecks;
import dev.atomizer.merge.LogMerge;
import dev.atomizer.render.Formats;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The commands over git: the hooks, verify, install-hooks, merge-driver. */
final class GitCommands {

    private GitCommands() {}

    /** Hidden: the run install-hooks records a class-data archive from (the hook's classes, loaded once). */
    static final String TRAIN = dev.atomizer.startup.JvmFlags.TRAIN_COMMAND;

    // ---- the hooks' lean path (no picocli) ----

    static int train(Path cwd) {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        preCommit(cwd, sink, sink, Map.of(), "text", true, false);
        Atomizer.at(cwd, Map.of()).finishTraining();
        try {
            Formats.create("text", sink);
        } catch (AtomizerException e) {
            return Main.USAGE;
        }
        return Main.OK;
    }

    /** @param hookProcess this process runs the hook and exits (docs/startup.md) */
    static int preCommit(
            Path cwd,
            PrintStream out,
            PrintStream err,
            Map<String, Severity> overrides,
            String format,
            boolean hookProcess) {
        return preCommit(cwd, out, err, overrides, format, hookProcess, true);
    }

    /**
     * @param regenerate write the stale derived files into the working tree (a training run, which
     *                   runs in the user's repository at install time, does not)
     */
    static int preCommit(
            Path cwd,
            PrintStream out,
            PrintStream err,
            Map<String, Severity> overrides,
            String format,
            boolean hookProcess,
            boolean regenerate) {
        try {
            Atomizer.Checked c = Atomizer.at(cwd, overrides).preCommit(hookProcess, regenerate);
            String fix = "fix the staged files, 'git add' them and commit again";
            String regenerated = c.regeneratedLine();
            if (regenerated != null) {
                // the pre-commit framework's convention for fixers: the files are fixed, the commit fails once
                fix = c.regenerated().size() == c.result().summary().errors()
                        ? regenerated
                        : regenerated + "; fix the other errors above as well";
            }
            return report(c.result(), out, err, format, c.workTree(), "commit blocked", fix);
        } catch (AtomizerException e) {
            return usage(e, err);
        }
    }

    static int commitMsg(
            Path cwd,
            Path messageFile,
            PrintStream out,
            PrintStream err,
            Map<String, Severity> overrides,
            boolean hookProcess) {
        try {
            Atomizer.Checked c = Atomizer.at(cwd, overrides).commitMsg(messageFile, hookProcess);
            // the refused commit does not exist: commit the same message again, with the trailers
            return report(
                    c.result(),
                    out,
                    err,
                    "text",
                    null,
                    "commit blocked",
                    "your changes are still staged; commit them again with the approval trailers: git commit"
                            + " --cleanup=strip -F " + messageFile + " --trailer 'Change-Request: <id>'"
                            + " --trailer 'Approved-by: <approver>'");
        } catch (AtomizerException e) {
            return usage(e, err);
        }
    }

    /** @param root the work tree the diagnostics' paths are relative to (sarif reads lines there), or null */
    static int report(
            GitChecks.Result r, PrintStream out, PrintStream err, String format, Path root, String verdict, String fix)
            throws AtomizerException {
        Formats.write(Formats.create(format, out, root), r.diagnostics(), r.summary());
        out.flush();
        return verdict(r, err, verdict, fix);
    }

    /** The exit code of a check, with one line on stderr when it failed. */
    static int verdict(GitChecks.Result r, PrintStream err, String verdict, String fix) {
        if (r.failed()) {
            err.println("atomizer: " + verdict + " (" + r.summary().errors() + " error"
                    + (r.summary().errors() == 1 ? "" : "s") + "): " + fix);
            return Main.VIOLATIONS;
        }
        return Main.OK;
    }

    static int usage(AtomizerException e, PrintStream err) {
        for (String line : e.lines()) {
            err.println("atomizer: " + line);
        }
        return Main.USAGE;
    }

    /** The jar this code runs from, or null when it runs from classes (tests, IDE). */
    static Path ownJar() {
        try {
            var src = GitCommands.class.getProtectionDomain().getCodeSource();
            if (src == null) {
                return null;
            }
            Path p = Path.of(src.getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    // ---- picocli commands ----

    @Command(
            name = "pre-commit",
            description = {
                "Check the staged index before a commit exists (the pre-commit hook runs this).",
                "Appended log entries against the contract; append-only, write-once and generated files.",
                "Reads only the index, never the working tree: 'git add -p' works both ways."
            })
    static final class PreCommit extends CommandBase {
        @Mixin
        CheckOptions options;

        @Override
        public Integer call() throws AtomizerException {
            return preCommit(main.cwd, main.out, main.err, options.severities(), options.format.checked(), false);
        }
    }

    @Command(
            name = "commit-msg",
            description = {
                "Check a commit's approval trailers (the commit-msg hook runs this).",
                "Changes to foundational (immutable) paths need 'Change-Request: <id>' and",
                "'Approved-by: <approver>' naming an approver of the contract; so do deletions",
                "and truncations of no-delete paths, and revisions of written reports (…-report.r2.md)."
            })
    static final class CommitMsg extends CommandBase {

        @Parameters(paramLabel = "FILE", description = "The commit message file git passes to the hook.")
        Path file;

        @Mixin
        Options options;

        @Override
        public Integer call() throws AtomizerException {
            return commitMsg(main.cwd, file, main.out, main.err, options.severities(), false);
        }
    }

    @Command(
            name = "verify",
            description = {
                "Judge what a range brings to its base, as CI does (hooks can be skipped with --no-verify).",
                "The head is judged against the base under the base's contract, every parent accounted",
                "for, then each commit as a second line (docs/governance.md, How a range is judged).",
                "--format markdown prints the Auditor summary of the range; --format github prints",
                "annotations and, when GITHUB_STEP_SUMMARY is set, appends the Auditor summary to that file."
            })
    static final class Verify extends CommandBase {

        @Option(
                names = "--base",
                paramLabel = "REV",
                description = "The commit the range starts after (e.g. origin/main); with --since-verified, the"
                        + " fallback when the remote has no verified commit yet (forty zeros, a new branch's"
                        + " 'before' on GitHub: its root commit).")
        String base;

        @Option(
                names = "--since-verified",
                description = "Verify the main line from its last verified commit, the remote's "
                        + dev.atomizer.api.Workspace.VERIFIED_REF + " (fetched), instead of --base: a run that was"
                        + " skipped or cancelled is covered by the next. A commit saying [skip ci] is then a"
                        + " warning (it is already in, and this run covers it).")
        boolean sinceVerified;

        @Option(
                names = "--mark-verified",
                description = "With --since-verified: after a green verdict, advance the remote's verified"
                        + " commit to the head (with a lease, never backwards).")
        boolean markVerified;

        @Option(
                names = "--remote",
                defaultValue = "origin",
                paramLabel = "NAME",
                description = "The remote that keeps the verified commit (default: origin).")
        String remote;

        @Option(
                names = "--head",
                defaultValue = "HEAD",
                paramLabel = "REV",
                description = "The last commit of the range (default: HEAD).")
        String head;

        @Mixin
        CheckOptions options;

        @Override
        public Integer call() throws AtomizerException {
            String format = options.format.checked();
            Path stepSummary = "github".equals(format) ? StepSummary.file(main.env, main.cwd) : null;
            // for people: the Auditor summary rather than a bare table of diagnostics; on GitHub, the
            // job summary the Auditor reads beside the annotations
            boolean audit = "markdown".equals(format) || stepSummary != null;
            if (markVerified && !sinceVerified) {
                throw new AtomizerException("--mark-verified goes with --since-verified: only a range from the last"
                        + " verified commit may advance it");
            }
            Atomizer atomizer = Atomizer.at(main.cwd, options.severities());
            String verified = sinceVerified ? atomizer.verifiedBase(remote) : null;
            String from = verified != null ? verified : base;
            // a new main line (GitHub's "before" of its first push is all zeros): from its root
            // commit, which starts its history and its contract
            boolean fromRoot = sinceVerified && verified == null && from != null && from.matches("0{40}");
            if (fromRoot) {
                from = atomizer.rootCommit(head);
            }
            if (from == null || from.isBlank() || from.matches("0{40}")) {
                throw new AtomizerException(
                        sinceVerified
                                ? remote + " has no verified commit (" + dev.atomizer.api.Workspace.VERIFIED_REF
                                        + ") yet, and no --base to start from"
                                : "name the commit the range starts after with --base (e.g. origin/main)");
            }
            if (sinceVerified) {
                main.err.println("atomizer: verifying from "
                        + (verified != null
                                ? "the last verified commit " + verified.substring(0, 10) + " ("
                                        + dev.atomizer.api.Workspace.VERIFIED_REF + ")"
                                : fromRoot
                                        ? "the root commit " + from.substring(0, 10) + " (a new branch: " + remote
                                                + " has no verified commit yet)"
                                        : from + " (" + remote + " has no verified commit yet)"));
            }
            Atomizer.Verification v = atomizer.verify(from, head, audit, "--rule", c -> {}, sinceVerified);
            if (v.warning() != null) {
                main.err.println("atomizer: warning: " + v.warning());
            }
            String fix = "each message names the commit; fix with a new commit (history is not rewritten)";
            if ("markdown".equals(format)) {
                main.out.print(v.auditorSummary());
                main.out.flush();
                return verdict(v.result(), main.err, "verification failed", fix);
            }
            int code = report(v.result(), main.out, main.err, format, v.workTree(), "verification failed", fix);
            if (stepSummary != null) {
                StepSummary.append(stepSummary, v.auditorSummary());
            }
            if ("text".equals(format)) {
                main.err.println(v.summaryLine());
            }
            if (markVerified && code == Main.OK) {
                main.err.println("atomizer: "
                        + atomizer.markVerified(remote, verified, head).message());
            }
            return code;
        }
    }

    @Command(
            name = "install-hooks",
            description = {
                "Install the pre-commit and commit-msg hooks and the log's merge driver in this repository.",
                "Idempotent; keeps your own hook lines; honours core.hooksPath and worktrees."
            })
    static final class InstallHooks extends CommandBase {

        @Override
        public Integer call() throws AtomizerException {
            return done(atomizer().installHooks(ownJar()));
        }
    }

    @Command(
            name = "init",
            header = "Set up a status repository here: the contract, the status file, the log, the hooks.",
            description = {
                "Lays out a status repository in the current directory (made a git repository if it is",
                "not one): shared/data-contracts/schemas.md (the contract, with the default event types,",
                "statuses, fields and governed paths), shared/PROJECT_STATUS.md, the log with its preamble,",
                "the weekly report template, the GitHub workflow, the folders the generators write and the",
                "dashboards; then installs the hooks and the merge driver. A file that is already there is kept: init never overwrites.",
                "Commit the result: the root commit needs no approval trailers."
            })
    static final class Init extends CommandBase {

        @Option(
                names = "--watchdog-cron",
                paramLabel = "CRON",
                description = "When the workflow's watchdog runs (GitHub's cron, UTC; default '"
                        + dev.atomizer.install.Scaffold.WATCHDOG_CRON + "': every 6 hours, about 120 runs a"
                        + " month; '7 * * * *' hourly, 720).")
        String watchdogCron;

        @Override
        public Integer call() throws AtomizerException {
            done(atomizer().init(ownJar(), watchdogCron));
            main.out.println("next: edit the Agents and Approvers of " + Workspace.CONTRACT + " and the projects of "
                    + Workspace.STATUS + ", then 'git add -A && git commit -m \"Set up the status repository\"'"
                    + " (the root commit needs no trailers; when your edits change a dashboard, the hook regenerates"
                    + " it and refuses once: run the same 'git add -A && git commit' again); log work with"
                    + " 'atomizer log'");
            return Main.OK;
        }
    }

    @Command(name = "uninstall-hooks", description = "Remove what install-hooks added; your own hook lines stay.")
    static final class UninstallHooks extends CommandBase {

        @Override
        public Integer call() throws AtomizerException {
            return done(atomizer().uninstallHooks());
        }
    }

    @Command(
            name = "merge-driver",
            description = {
                "git merge driver for the append-only log (registered by install-hooks as '%%O %%A %%B').",
                "Keeps the common base and adds both sides' new entries in timestamp order;",
                "conflicts only where a side changed the base part."
            })
    static final class MergeDriver extends CommandBase {

        @Parameters(index = "0", paramLabel = "BASE")
        Path base;

        @Parameters(index = "1", paramLabel = "OURS")
        Path ours;

        @Parameters(index = "2", paramLabel = "THEIRS")
        Path theirs;

        @Override
        public Integer call() throws AtomizerException {
            try {
                return LogMerge.run(
                        main.cwd.resolve(base),
                        main.cwd.resolve(ours),
                        main.cwd.resolve(theirs),
                        message -> main.err.println("atomizer merge-driver: " + message));
            } catch (IOException e) {
                throw new AtomizerException("merge-driver: " + e.getMessage(), e);
            }
        }
    }
}
