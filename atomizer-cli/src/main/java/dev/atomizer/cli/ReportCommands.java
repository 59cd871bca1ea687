package dev.atomizer.cli;

import dev.atomizer.Atomizer;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.ReportOutcome;
import dev.atomizer.api.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code report weekly|closeout|status}: the weekly, closeout and status reports. */
@Command(
        name = "report",
        header = "Make a report: a weekly or closeout snapshot, written once, or a project's status.",
        description = {
            "Make a report: 'weekly' and 'closeout' write a snapshot once (never rewritten; corrected by an",
            "approved revision beside it, --revise --reason), 'status' prints a project's status report."
        },
        subcommands = {ReportCommands.Weekly.class, ReportCommands.Closeout.class, ReportCommands.Status.class})
final class ReportCommands implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code --revise --reason}: the next revision of a written report, and why. */
    static final class ReviseOptions {

        @Option(
                names = "--revise",
                description = "Write the next revision of the existing report beside it (the report stays),"
                        + " made anew from the sources; commit it with an approval.")
        boolean revise;

        @Option(
                names = "--reason",
                paramLabel = "TEXT",
                description = "Why the revision supersedes the report (its first line says so); with --revise.")
        String reason;

        /** The reason of a revision, or null for none; --revise and --reason go together. */
        String reason() throws AtomizerException {
            if (revise && (reason == null || reason.isBlank())) {
                throw new AtomizerException("--revise needs --reason \"…\": what was wrong with the report");
            }
            if (!revise && reason != null) {
                throw new AtomizerException("--reason goes with --revise (reports are otherwise written once)");
            }
            return revise ? reason : null;
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "name a report: weekly, closeout or status (see 'atomizer report --help')");
    }

    static void say(Main main, ReportOutcome o) {
        if (o.supersedes() != null) {
            main.err.println("atomizer: wrote " + o.path() + ", a revision superseding " + o.supersedes()
                    + " (which stays); commit it with the trailers 'Change-Request: <id>' and"
                    + " 'Approved-by: <approver id>'");
        } else {
            main.err.println("atomizer: "
                    + (o.written()
                            ? "wrote " + o.path()
                            : o.path() + " exists, left unchanged; reports are write-once (to correct it: --revise"
                                    + " --reason \"…\")"));
        }
        if (o.pdf() != null) {
            main.err.println("atomizer: "
                    + (o.pdfWritten()
                            ? "wrote " + o.pdf()
                            : o.pdf() + " exists, left unchanged; reports are write-once"));
        }
    }

    @Command(
            name = "weekly",
            description = {
                "Write the weekly report of an ISO week, once.",
                "shared/reports/weekly/YYYY-Www-report.md is made from the log up to the end of the week and",
                "PROJECT_STATUS.md, through shared/reports/templates/weekly-template.md (or the built-in",
                "template). An existing report is left unchanged. A week is written once its cut-off has come",
                "by the wall clock: an --as-of later than now is refused.",
                "--revise --reason writes the next revision beside the week's report (…-report.r2.md, r3, …),",
                "which stays; the revision says what it supersedes and why, and is committed with the trailers",
                "'Change-Request: <id>' and 'Approved-by: <approver id>'."
            })
    static final class Weekly extends CommandBase {

        @Option(
                names = "--week",
                paramLabel = "YYYY-Www",
                description = "The ISO week (default: the last complete week before the newest entry).")
        String week;

        @Mixin
        AsOfOption asOf;

        @Option(names = "--pdf", description = "Also write the report as PDF beside it (…-report.pdf).")
        boolean pdf;

        @Mixin
        ReviseOptions revise;

        @Override
        public Integer call() throws AtomizerException {
            String reason = revise.reason();
            if (reason != null && week == null) {
                throw new AtomizerException("--revise needs --week: the week whose report it supersedes");
            }
            Workspace ws = Workspace.discover(main.cwd);
            say(
                    main,
                    Atomizer.weeklyReport(
                            ws.root(), week, "--week", asOf.value(), Atomizer.clock(main.env), reason, pdf));
            return Main.OK;
        }
    }

    @Command(
            name = "closeout",
            description = {
                "Write the closeout report of a finished project, once.",
                "shared/reports/project/SLUG-closeout.md, for a project with Status completed in",
                "PROJECT_STATUS.md or a milestone entry with closeout=true: decision trail, final results,",
                "lessons learned, knowledge-base entries. An existing report is left unchanged.",
                "--revise --reason writes the next revision beside it (…-closeout.r2.md, r3, …), which stays;",
                "it is committed with the trailers 'Change-Request: <id>' and 'Approved-by: <approver id>'."
            })
    static final class Closeout extends CommandBase {

        @Parameters(paramLabel = "SLUG", description = "The project's slug.")
        String slug;

        @Option(names = "--pdf", description = "Also write the report as PDF beside it (…-closeout.pdf).")
        boolean pdf;

        @Mixin
        ReviseOptions revise;

        @Override
        public Integer call() throws AtomizerException {
            String reason = revise.reason();
            Workspace ws = Workspace.discover(main.cwd);
            say(main, Atomizer.closeoutReport(ws.root(), slug, reason, pdf));
            return Main.OK;
        }
    }

    @Command(
            name = "status",
            description = {
                "Print a project's status report (markdown) on standard output.",
                "RAG derived from the log and declared, phase, owner, open decisions and delegations, blocked",
                "work, active studies, the last 10 entries and the planned items. Nothing is written."
            })
    static final class Status extends CommandBase {

        @Parameters(paramLabel = "SLUG", description = "The project's slug.")
        String slug;

        @Mixin
        AsOfOption asOf;

        @Override
        public Integer call() throws AtomizerException {
            Workspace ws = Workspace.discover(main.cwd);
            main.out.print(Atomizer.statusReport(ws.root(), slug, asOf.value()));
            main.out.flush();
            return Main.OK;
        }
    }
}
