package dev.atomizer.cli;

import dev.atomizer.Atomizer;
import dev.atomizer.api.Appended;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.NewEntry;
import dev.atomizer.api.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "log",
        description = {
            "Append a well-formed entry to the log.",
            "The entry is checked against the contract (and against the time of the last entry) before",
            "anything is written; existing bytes of the log are never rewritten."
        })
final class LogCommand extends CommandBase {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @Option(names = "--agent", required = true, paramLabel = "ID", description = "Agent id, e.g. optimizer.")
    String agent;

    @Option(names = "--project", required = true, paramLabel = "SLUG", description = "Project slug.")
    String project;

    @Option(names = "--event", required = true, paramLabel = "TYPE", description = "Event type from the contract.")
    String event;

    @Option(
            names = "--status",
            required = true,
            paramLabel = "STATUS",
            description = "in-progress, completed, blocked or failed (or the contract's values).")
    String status;

    @Option(names = "--summary", required = true, paramLabel = "TEXT", description = "One-line summary.")
    String summary;

    @Option(
            names = "--detail",
            paramLabel = "TEXT",
            description = "Detail (markdown, may span lines); '-' reads it from standard input.")
    String detail;

    @Option(
            names = "--metrics",
            paramLabel = "PAIRS",
            description = "key=value pairs, e.g. \"iteration=4, objective=0.031\".")
    String metrics;

    @Option(
            names = "--metric",
            paramLabel = "KEY=VALUE",
            description = "One metric (repeatable); added after --metrics.")
    List<String> metricList = new ArrayList<>();

    @Option(names = "--blockers", paramLabel = "TEXT", description = "What blocks, and who can unblock.")
    String blockers;

    @Option(
            names = "--time",
            paramLabel = "YYYY-MM-DD HH:MM",
            description = "Entry time (default: now, in the contract's time zone).")
    String time;

    @Option(
            names = "--file",
            paramLabel = "LOG",
            description = "The log (default: shared/project_log.md of the repository).")
    Path file;

    @Option(names = "--dry-run", description = "Print the entry instead of appending it.")
    boolean dryRun;

    @Mixin
    Options options;

    @Override
    public Integer call() throws AtomizerException {
        Workspace ws;
        if (file != null) {
            Path f = main.cwd.resolve(file).normalize();
            ws = Workspace.discover(f.getParent()).withLog(f);
        } else {
            ws = Workspace.discover(main.cwd);
        }
        if (options.contract != null) {
            ws = ws.withContract(main.cwd.resolve(options.contract));
        }
        if (options.status != null) {
            ws = ws.withStatus(main.cwd.resolve(options.status));
        }
        Atomizer atomizer = Atomizer.open(ws, options.severities(), main.cwd);
        String ts = time != null ? time.trim() : atomizer.now().format(MINUTE);
        NewEntry entry = new NewEntry(
                ts,
                agent.trim(),
                project.trim(),
                event.trim(),
                status,
                summary,
                "-".equals(detail) ? readStdin() : detail,
                joinMetrics(),
                blockers);
        Appended result = atomizer.append(entry, time != null, dryRun);
        for (Diagnostic d : result.problems()) {
            main.err.println(d.severity().label() + " [" + d.rule() + "] " + Diagnostic.visible(d.message()));
        }
        long errors = result.errors();
        if (result.entries() != 1) {
            // one call, one entry: a text field must not start an entry of its own (under any name)
            main.err.println(
                    "error: the text would be written as " + result.entries() + " entries, not one: --detail or"
                            + " --blockers holds a closing '---' and an entry heading '## [...]'; indent those lines or put"
                            + " them in a fenced code block");
            errors++;
        }
        if (errors > 0) {
            main.err.println(
                    "atomizer: nothing was written to " + result.target() + "; fix the options above and run again");
            return Main.VIOLATIONS;
        }
        String stamped = result.stamped();
        if (dryRun) {
            main.out.println(result.text());
        } else {
            main.err.println("appended [" + stamped + "] " + agent + " | " + project + " | " + event + " to "
                    + result.target()
                    + (stamped.equals(ts)
                            ? ""
                            : " (stamped with the last entry's time, which is ahead of the clock, " + ts + " in "
                                    + atomizer.zone().getId()
                                    + ", within the contract's clock tolerance: the log never goes back in time)"));
        }
        return Main.OK;
    }

    private String joinMetrics() {
        List<String> parts = new ArrayList<>();
        if (metrics != null && !metrics.isBlank()) {
            parts.add(metrics.strip());
        }
        parts.addAll(metricList);
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static String readStdin() throws AtomizerException {
        try {
            InputStream in = System.in;
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AtomizerException("cannot read --detail from standard input: " + e.getMessage(), e);
        }
    }
}
