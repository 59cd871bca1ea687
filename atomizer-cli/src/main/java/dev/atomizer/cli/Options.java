package dev.atomizer.cli;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Severity;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/** Options every command that reads the contract shares. */
class Options {

    @Option(
            names = "--contract",
            paramLabel = "FILE",
            description =
                    "The contract (default: shared/data-contracts/schemas.md of the repository; the built-in default when absent).")
    Path contract;

    @Option(
            names = "--status-file",
            paramLabel = "FILE",
            description = "The project status file (default: shared/PROJECT_STATUS.md of the repository).")
    Path status;

    @Option(
            names = "--rule",
            paramLabel = "ID=SEVERITY",
            description = "Set a rule's severity: off, warning or error (repeatable), e.g. --rule field-order=off.")
    Map<String, String> rules = new TreeMap<>();

    /** The workspace with --contract and --status-file (relative to {@code cwd}) laid over it. */
    dev.atomizer.api.Workspace apply(dev.atomizer.api.Workspace ws, Path cwd) {
        dev.atomizer.api.Workspace out = ws;
        if (contract != null) {
            out = out.withContract(cwd.resolve(contract));
        }
        if (status != null) {
            out = out.withStatus(cwd.resolve(status));
        }
        return out;
    }

    /**
     * The façade for the workspace that holds {@code cwd}, with these options laid over it, showing
     * paths relative to {@code displayBase}.
     */
    dev.atomizer.Atomizer atomizer(Path cwd, Path displayBase) throws AtomizerException {
        return dev.atomizer.Atomizer.at(
                apply(dev.atomizer.api.Workspace.discover(cwd), cwd), severities(), displayBase);
    }

    Map<String, Severity> severities() throws AtomizerException {
        return dev.atomizer.api.Severities.parseOverrides(rules, "--rule");
    }
}
