package dev.atomizer.cli;

import dev.atomizer.Atomizer;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileSummary;
import dev.atomizer.api.Severity;
import dev.atomizer.api.Workspace;
import dev.atomizer.log.LogAppender;
import dev.atomizer.log.NewEntry;
import java.io.ByteArrayInputStream;
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
        String shown = atomizer.display(ws.log());
        List<Diagnostic> problems = new ArrayList<>();
        dev.atomizer.lint.Linter linter = atomizer.linter();
        int[] errors = new int[1];
        int[] entries = {1};
        NewEntry[] made = {entry};
        java.time.Duration tolerance = atomizer.contract().settings().clockTolerance();
        try {
            if (!dryRun) {
                Workspace.writable(
                        ws.root(),
                        ws.root()
                                .relativize(ws.log().toAbsolutePath().normalize())
                                .toString());
            }
            // with no --time: the current time, or the last entry's when that one is dated ahead of the
            // clock within the tolerance (the log never goes back in time), read under the append's lock
            java.util.function.Function<String, NewEntry> entryAfter =
                    last -> made[0] = time != null || dryRun ? entry : entry.at(stampAfter(ts, last, tolerance));
            LogAppender.append(dryRun ? devNull() : ws.log(), entryAfter, tail -> {
                if (!tail.startsEntry()) {
                    String where = tail.hostLine() > 0 ? "the entry at line " + tail.hostLine() : "the preamble";
                    problems.add(new Diagnostic(
                            shown,
                            Math.max(1, tail.hostLine()),
                            1,
                            dev.atomizer.lint.rule.StrayContent.INFO.id(),
                            Severity.ERROR,
                            shown + ": " + where + " opens a code fence or HTML block and never"
                                    + " closes it, so a new entry would be read as part of it; append a line that"
                                    + " closes it (such as '```' or '-->') first"));
                    errors[0]++;
                    throw new Rejected();
                }
                FileSummary s = linter.lint(
                        "<new entry>",
                        new ByteArrayInputStream(
                                String.join("\n", made[0].lines()).concat("\n").getBytes(StandardCharsets.UTF_8)),
                        dryRun ? null : tail.lastTimestamp(),
                        problems::add);
                errors[0] = s.errors();
                entries[0] = s.entries();
                if (s.errors() > 0 || s.entries() != 1) {
                    throw new Rejected();
                }
            });
        } catch (Rejected r) {
            // reported below
        } catch (IOException e) {
            throw new AtomizerException(shown + ": cannot append: " + e.getMessage(), e);
        }
        for (Diagnostic d : problems) {
            main.err.println(d.severity().label() + " [" + d.rule() + "] " + Diagnostic.visible(d.message()));
        }
        if (entries[0] != 1) {
            // one call, one entry: a text field must not start an entry of its own (under any name)
            main.err.println("error: the text would be written as " + entries[0] + " entries, not one: --detail or"
                    + " --blockers holds a closing '---' and an entry heading '## [...]'; indent those lines or put"
                    + " them in a fenced code block");
            errors[0]++;
        }
        if (errors[0] > 0) {
            main.err.println("atomizer: nothing was written to " + shown + "; fix the options above and run again");
            return Main.VIOLATIONS;
        }
        String stamped = made[0].timestamp();
        if (dryRun) {
            main.out.println(String.join("\n", entry.lines()));
        } else {
            main.err.println("appended [" + stamped + "] " + agent + " | " + project + " | " + event + " to " + shown
                    + (stamped.equals(ts)
                            ? ""
                            : " (stamped with the last entry's time, which is ahead of the clock, " + ts + " in "
                                    + atomizer.contract().settings().zone().getId()
                                    + ", within the contract's clock tolerance: the log never goes back in time)"));
        }
        return Main.OK;
    }

    /**
     * The stamp of an entry appended now, after an entry stamped {@code last} (null: none): now, or
     * {@code last} when that is ahead of now by no more than {@code tolerance}. An entry further
     * ahead is misdated: now is kept, and timestamp-order says so.
     */
    static String stampAfter(String now, String last, java.time.Duration tolerance) {
        if (last == null) {
            return now;
        }
        try {
            java.time.LocalDateTime n = java.time.LocalDateTime.parse(now, MINUTE);
            java.time.LocalDateTime l = java.time.LocalDateTime.parse(last, MINUTE);
            return l.isAfter(n) && !l.isAfter(n.plus(tolerance)) ? last : now;
        } catch (java.time.format.DateTimeParseException e) {
            return now;
        }
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

    private static Path devNull() throws AtomizerException {
        try {
            Path p = java.nio.file.Files.createTempFile("atomizer-dry-run", ".md");
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new AtomizerException("cannot create a temporary file: " + e.getMessage(), e);
        }
    }

    private static final class Rejected extends IOException {
        private static final long serialVersionUID = 1L;

        Rejected() {
            super("rejected", null);
        }
    }
}
