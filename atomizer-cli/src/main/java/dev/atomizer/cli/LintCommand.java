package dev.atomizer.cli;

import dev.atomizer.Atomizer;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.FileSummary;
import dev.atomizer.api.Severity;
import dev.atomizer.api.Workspace;
import dev.atomizer.render.Formats;
import dev.atomizer.render.Formatter;
import dev.atomizer.render.TextFormatter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "lint",
        description = {
            "Check log files against the contract.",
            "Without FILES, lints shared/project_log.md of the repository found from the working directory.",
            "Each file is checked against the contract of the repository that holds it."
        })
final class LintCommand extends CommandBase {

    @Parameters(paramLabel = "FILES", arity = "0..*", description = "Log files to lint.")
    List<Path> files = new ArrayList<>();

    @Option(
            names = {"-q", "--quiet"},
            description = "Do not print the summary line on standard error.")
    boolean quiet;

    @Mixin
    CheckOptions options;

    @Override
    public Integer call() throws AtomizerException {
        String format = options.format.checked();
        Map<String, Severity> overrides = options.severities();
        Path base = options.format.base(main.cwd);
        List<Path> targets = new ArrayList<>();
        if (files.isEmpty()) {
            targets.add(Workspace.discover(main.cwd).log());
        } else {
            for (Path f : files) {
                targets.add(main.cwd.resolve(f).normalize());
            }
        }
        Formatter formatter = Formats.create(format, main.out, base);
        Map<Path, Atomizer> byRoot = new HashMap<>();
        FileSummary total = FileSummary.EMPTY;
        for (Path file : targets) {
            Path dir = file.getParent() == null ? main.cwd : file.getParent();
            Workspace ws;
            try {
                ws = Workspace.discover(dir);
            } catch (AtomizerException outsideAnyRepository) {
                // a named file outside any repository: the built-in contract, as markdownlint would lint it
                ws = Workspace.at(dir);
            }
            Workspace key = options.apply(ws, main.cwd);
            Atomizer atomizer = byRoot.get(key.root());
            if (atomizer == null) {
                atomizer = Atomizer.open(key, overrides, base);
                byRoot.put(key.root(), atomizer);
            }
            try {
                total = total.plus(atomizer.lint(file, d -> {
                    try {
                        formatter.diagnostic(d);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            } catch (UncheckedIOException e) {
                throw new AtomizerException(
                        "cannot write output: " + e.getCause().getMessage(), e);
            }
        }
        try {
            formatter.finish(total);
        } catch (IOException e) {
            throw new AtomizerException("cannot write output: " + e.getMessage(), e);
        }
        main.out.flush();
        if (!quiet && "text".equals(format)) {
            main.err.println(TextFormatter.summaryLine(total));
        }
        return total.errors() > 0 ? Main.VIOLATIONS : Main.OK;
    }
}
