package dev.atomizer.cli;

import dev.atomizer.Atomizer;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Workspace;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mcp}: the Model Context Protocol server over standard input and output. The SDK is
 * reached only from {@link #call()}, through {@code dev.atomizer.cli.mcp}: picocli reads this
 * class's fields and methods, which name none of its types.
 */
@Command(
        name = "mcp",
        header = "Serve the log to AI agents: a Model Context Protocol server over stdin and stdout.",
        description = {
            "Tools: append_entry (an entry appended as 'atomizer log' appends it, checked against the",
            "contract first; its input schema is 'atomizer contract --format json-schema'), lint,",
            "project_status, open_decisions and alerts. Resources: the dashboards and the latest weekly",
            "report, read as they are (never regenerated). Bad input is a tool error naming the rule and",
            "its fix, and nothing is written. Runs until standard input closes; register it in an agent's",
            "MCP configuration as the command 'atomizer mcp' run in the repository (or with --repo)."
        })
final class McpCommand extends CommandBase {

    @Option(
            names = "--repo",
            paramLabel = "DIR",
            description = "The repository (default: the one that holds the working directory).")
    Path repo;

    @Mixin
    Options options;

    @Override
    public Integer call() throws AtomizerException {
        Path dir = repo == null ? main.cwd : main.cwd.resolve(repo).normalize();
        Workspace ws = options.apply(Workspace.discover(dir), main.cwd);
        var overrides = options.severities();
        // fail now, with exit 2, on a contract or status file that cannot be read
        Atomizer.open(ws, overrides, ws.root());
        String version = Main.class.getPackage().getImplementationVersion();
        dev.atomizer.cli.mcp.AtomizerMcp.serve(
                () -> Atomizer.open(ws, overrides, ws.root()),
                ws.root(),
                System.in,
                main.out,
                version == null ? "dev" : version);
        return Main.OK;
    }
}
