package dev.atomizer.cli;

import dev.atomizer.Atomizer;
import dev.atomizer.AtomizerException;
import dev.atomizer.Workspace;
import dev.atomizer.derive.Derived;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The commands that make derived files. */
final class DerivedCommands {

    private DerivedCommands() {
    }

    static LocalDateTime asOf(String text) throws AtomizerException {
        return dev.atomizer.state.Format.asOf(text, "--as-of");
    }

    @Command(name = "dashboards", mixinStandardHelpOptions = true,
            header = "Regenerate the dashboards and the KPI table from the log and PROJECT_STATUS.md.",
            description = {"Regenerate every derived file from the log and PROJECT_STATUS.md:",
                    "shared/dashboards/exec-summary.md, technical.md and operations.md.",
                    "Files whose content would not change are not rewritten; writes are atomic."})
    static final class Dashboards implements Callable<Integer> {
        private final Main main;

        @Option(names = "--as-of", paramLabel = "'YYYY-MM-DD HH:MM'",
                description = "Describe the state at this moment (default: the newest entry's timestamp). "
                        + "Commit only files made without it: the hooks and 'check' regenerate without it.")
        String asOf;

        Dashboards(Main main) {
            this.main = main;
        }

        @Override
        public Integer call() throws AtomizerException {
            Workspace ws = Workspace.discover(main.cwd);
            List<Derived.Outcome> outcomes = Atomizer.dashboards(ws.root(), asOf(asOf));
            int written = 0;
            for (Derived.Outcome o : outcomes) {
                main.err.println("atomizer: " + (o.written() ? "wrote " : "unchanged ") + o.path());
                written += o.written() ? 1 : 0;
            }
            main.err.println("atomizer: " + outcomes.size() + " derived files, " + written + " written, "
                    + (outcomes.size() - written) + " unchanged");
            return Main.OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            header = "Lint the whole log, govern the working tree against HEAD, and find stale derived files.",
            description = {"Lint the whole log, govern the working tree's changes against HEAD (append-only,",
                    "write-once, generated files) and compare every derived file with a regeneration",
                    "(generated-stale). What CI runs besides 'verify'."})
    static final class Check implements Callable<Integer> {
        private final Main main;

        @picocli.CommandLine.Mixin
        FormatOption format;

        @picocli.CommandLine.Mixin
        Options options;

        Check(Main main) {
            this.main = main;
        }

        @Override
        public Integer call() throws AtomizerException {
            Workspace ws = options.apply(Workspace.discover(main.cwd), main.cwd);
            String format = this.format.checked();
            var overrides = options.severities();
            java.nio.file.Path base = this.format.base(main.cwd);
            Atomizer.LintResult r = Atomizer.open(ws, overrides, base).check(overrides);
            dev.atomizer.render.Formats.write(dev.atomizer.render.Formats.create(format, main.out, base),
                    r.diagnostics(), r.summary());
            main.out.flush();
            if ("text".equals(format)) {
                main.err.println(dev.atomizer.render.TextFormatter.summaryLine(r.summary()));
            }
            return r.summary().errors() > 0 ? Main.VIOLATIONS : Main.OK;
        }
    }

    @Command(name = "gates", mixinStandardHelpOptions = true,
            header = "Show the rollout gates G1-G6: who signed each off and what each still needs.",
            description = {"Show the rollout gates G1-G6: sign-offs (milestone entries with gate=Gn) and the",
                    "criteria computed from the log, the KPIs and the git history. Exit 0 whatever their state."})
    static final class GatesCommand implements Callable<Integer> {
        private final Main main;

        GatesCommand(Main main) {
            this.main = main;
        }

        @Override
        public Integer call() throws AtomizerException {
            Workspace ws = Workspace.discover(main.cwd);
            int passed = 0;
            List<dev.atomizer.derive.Gates> gates = Atomizer.gates(ws.root());
            for (dev.atomizer.derive.Gates g : gates) {
                main.out.println(g.id() + "  " + (g.passed() ? "passed" : "open  ") + "  " + g.name() + ": "
                        + g.evidence());
                passed += g.passed() ? 1 : 0;
            }
            main.out.flush();
            main.err.println("atomizer: " + passed + " of " + gates.size() + " gates passed");
            return Main.OK;
        }
    }
}
