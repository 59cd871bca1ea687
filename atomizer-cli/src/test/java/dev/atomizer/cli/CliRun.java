package dev.atomizer.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** One run of the command line in this JVM, with what it printed. */
record CliRun(int code, String out, String err) {

    static CliRun of(Path cwd, Map<String, String> env, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(
                args,
                cwd,
                new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8),
                env);
        return new CliRun(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    static CliRun of(Path cwd, String... args) {
        return of(cwd, Map.of(), args);
    }

    /**
     * {@code log} as the manager, for a completed milestone of {@code project}, with {@code more}
     * (at least the summary) after it.
     */
    static String[] logMilestone(String project, String... more) {
        String[] head = {
            "log", "--agent", "manager", "--project", project, "--event", "milestone", "--status", "completed"
        };
        String[] all = java.util.Arrays.copyOf(head, head.length + more.length);
        System.arraycopy(more, 0, all, head.length, more.length);
        return all;
    }
}
