package dev.atomizer.cli;

import dev.atomizer.Atomizer;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.derive.Derived;
import dev.atomizer.derive.Gates;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
            List<Derived.Outcome> outcomes = Atomizer.at(main.cwd, Map.of()).dashboards(asOf(asOf));
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

        @Mixin
        FormatOption format;

        @Mixin
        Options options;

        Check(Main main) {
            this.main = main;
        }

        @Override
        public Integer call() throws AtomizerException {
            String format = this.format.checked();
            Path base = this.format.base(main.cwd);
            Atomizer.LintResult r = options.atomizer(main.cwd, base).check();
            return main.print(format, base, r.diagnostics(), r.summary());
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
            int passed = 0;
            List<Gates> gates = Atomizer.at(main.cwd, Map.of()).gates();
            for (Gates g : gates) {
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
