package dev.atomizer.cli;

import dev.atomizer.Atomizer;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.FileOutcome;
import dev.atomizer.api.Gate;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The commands that make derived files. */
final class DerivedCommands {

    private DerivedCommands() {}

    @Command(
            name = "dashboards",
            header = "Regenerate the dashboards and the KPI table from the log and PROJECT_STATUS.md.",
            description = {
                "Regenerate every derived file from the log and PROJECT_STATUS.md:",
                "shared/dashboards/exec-summary.md, technical.md and operations.md.",
                "Files whose content would not change are not rewritten; writes are atomic.",
                "Commit only files made without --as-of: the hooks and 'check' regenerate without it."
            })
    static final class Dashboards extends CommandBase {

        @Mixin
        AsOfOption asOf;

        @Override
        public Integer call() throws AtomizerException {
            List<FileOutcome> outcomes = atomizer().dashboards(asOf.value());
            int written = 0;
            for (FileOutcome o : outcomes) {
                main.err.println("atomizer: " + (o.written() ? "wrote " : "unchanged ") + o.path());
                written += o.written() ? 1 : 0;
            }
            main.err.println("atomizer: " + outcomes.size() + " derived files, " + written + " written, "
                    + (outcomes.size() - written) + " unchanged");
            return Main.OK;
        }
    }

    @Command(
            name = "check",
            header = "Lint the whole log, govern the working tree against HEAD, and find stale derived files.",
            description = {
                "Lint the whole log, govern the working tree's changes against HEAD (append-only,",
                "write-once, generated files) and compare every derived file with a regeneration",
                "(generated-stale). What CI runs besides 'verify'."
            })
    static final class Check extends CommandBase {
        @Mixin
        CheckOptions options;

        @Override
        public Integer call() throws AtomizerException {
            String format = options.format.checked();
            Path base = options.format.base(main.cwd);
            Atomizer.LintResult r = options.atomizer(main.cwd, base).check();
            return main.print(format, base, r.diagnostics(), r.summary());
        }
    }

    @Command(
            name = "gates",
            header = "Show the rollout gates G1-G6: who signed each off and what each still needs.",
            description = {
                "Show the rollout gates G1-G6: sign-offs (milestone entries with gate=Gn) and the",
                "criteria computed from the log, the KPIs and the git history. Exit 0 whatever their state."
            })
    static final class GatesCommand extends CommandBase {

        @Override
        public Integer call() throws AtomizerException {
            int passed = 0;
            List<Gate> gates = atomizer().gates();
            for (Gate g : gates) {
                main.out.println(
                        g.id() + "  " + (g.passed() ? "passed" : "open  ") + "  " + g.name() + ": " + g.evidence());
                passed += g.passed() ? 1 : 0;
            }
            main.out.flush();
            main.err.println("atomizer: " + passed + " of " + gates.size() + " gates passed");
            return Main.OK;
        }
    }
}
