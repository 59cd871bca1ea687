package dev.atomizer.cli;

import dev.atomizer.api.AtomizerException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code atomizer}: lint the project log and append to it, govern commits (the git hooks,
 * {@code verify}, the merge driver), regenerate the derived files, write the reports and set up a
 * status repository. Exit codes: 0 clean (warnings allowed), 1 violations, 2 usage, configuration
 * or I/O problem.
 */
@Command(
        name = "atomizer",
        mixinStandardHelpOptions = true,
        // every subcommand has --help and --version too
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = Main.Version.class,
        description = "Lint and govern an agent team's markdown project log kept in git.",
        subcommands = {
            LintCommand.class,
            LogCommand.class,
            GitCommands.PreCommit.class,
            GitCommands.CommitMsg.class,
            GitCommands.Verify.class,
            GitCommands.Init.class,
            GitCommands.InstallHooks.class,
            GitCommands.UninstallHooks.class,
            GitCommands.MergeDriver.class,
            DerivedCommands.Dashboards.class,
            ArchiveCommand.class,
            PublishCommand.class,
            FoldCommand.class,
            DerivedCommands.Check.class,
            DerivedCommands.GatesCommand.class,
            AlertCommands.Alerts.class,
            ContractCommand.class,
            McpCommand.class,
            AlertCommands.ContractDiff.class,
            ReportCommands.class,
            CommandLine.HelpCommand.class
        },
        footer = {"", "Exit codes: 0 no errors (warnings allowed), 1 violations, 2 usage, configuration or I/O failure."
        })
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int VIOLATIONS = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The directory commands resolve relative paths and find the repository from. */
    final Path cwd;

    final PrintStream out;
    final PrintStream err;
    /** The environment the command sees (GITHUB_STEP_SUMMARY for verify --format github). */
    final java.util.Map<String, String> env;

    Main(Path cwd, PrintStream out, PrintStream err, java.util.Map<String, String> env) {
        this.cwd = cwd.toAbsolutePath().normalize();
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err =
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, Path.of("").toAbsolutePath(), out, err, System.getenv());
        out.flush();
        System.exit(code);
    }

    /** Runs one command line in an empty environment (as tests want it); never throws, never prints a stack trace. */
    public static int run(String[] args, Path cwd, PrintStream out, PrintStream err) {
        return run(args, cwd, out, err, java.util.Map.of());
    }

    /** Runs one command line seeing {@code env} as its environment; never throws, never prints a stack trace. */
    public static int run(
            String[] args, Path cwd, PrintStream out, PrintStream err, java.util.Map<String, String> env) {
        try {
            // the hooks run at every commit: no command-line framework on their path
            if (args.length == 1 && "pre-commit".equals(args[0])) {
                return GitCommands.preCommit(cwd, out, err, java.util.Map.of(), "text", true);
            }
            if (args.length == 1 && GitCommands.TRAIN.equals(args[0])) {
                return GitCommands.train(cwd);
            }
            if (args.length == 2 && "commit-msg".equals(args[0]) && !args[1].startsWith("-")) {
                return GitCommands.commitMsg(cwd, Path.of(args[1]), out, err, java.util.Map.of(), true);
            }
            return execute(args, cwd, out, err, env);
        } catch (RuntimeException | Error e) {
            err.println(failure(e));
            return USAGE;
        }
    }

    /**
     * The one line for what the engine did not expect. Running out of heap is a limit, not a bug:
     * the line names the heap and what to do (the log's entries are kept outside the heap, but its
     * open work, tracks and studies are not).
     */
    static String failure(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return String.format(
                    java.util.Locale.ROOT,
                    "atomizer: out of memory: the Java heap of %.0f MB is too small for this log; give the JVM more"
                            + " (ATOMIZER_JAVA_OPTS=-Xmx1g for the atomizer launcher, MAVEN_OPTS for the Maven plugin)",
                    Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
        }
        return "atomizer: internal error: " + e + " (please report it with the command you ran)";
    }

    private static int execute(
            String[] args, Path cwd, PrintStream out, PrintStream err, java.util.Map<String, String> env) {
        Main main = new Main(cwd, out, err, env);
        CommandLine cl = new CommandLine(main, new Factory(main));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof AtomizerException ae) {
                for (String line : ae.lines()) {
                    err.println(line.startsWith("atomizer:") ? line : "atomizer: " + line);
                }
            } else {
                err.println(failure(ex));
            }
            return USAGE;
        });
        return cl.execute(args);
    }

    /**
     * Prints diagnostics in {@code format} (paths relative to {@code base}) and, for text, the
     * summary line on stderr.
     *
     * @return the exit code: violations when there is an error
     */
    int print(
            String format,
            Path base,
            java.util.List<dev.atomizer.api.Diagnostic> diagnostics,
            dev.atomizer.api.FileSummary summary)
            throws AtomizerException {
        dev.atomizer.render.Formats.write(dev.atomizer.render.Formats.create(format, out, base), diagnostics, summary);
        out.flush();
        if ("text".equals(format)) {
            err.println(dev.atomizer.render.TextFormatter.summaryLine(summary));
        }
        return summary.errors() > 0 ? VIOLATIONS : OK;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: lint, log (see 'atomizer help')");
    }

    /** Gives subcommands the shared streams and working directory. */
    private static final class Factory implements CommandLine.IFactory {
        private final Main main;

        Factory(Main main) {
            this.main = main;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == Main.class) {
                return cls.cast(main);
            }
            K made = CommandLine.defaultFactory().create(cls);
            if (made instanceof CommandBase command) {
                command.main = main;
            }
            return made;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"atomizer " + (v == null ? "dev" : v)};
        }
    }
}
