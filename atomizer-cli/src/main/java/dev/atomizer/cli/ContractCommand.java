package dev.atomizer.cli;

import dev.atomizer.api.AtomizerException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code contract --format json-schema}: the contract as a machine reads it. */
@Command(
        name = "contract",
        header = "Print the contract in a form a program reads: the JSON Schema of an entry.",
        description = {
            "--format json-schema prints the JSON Schema (draft 2020-12) of an entry made from the contract",
            "and shared/PROJECT_STATUS.md: the agents, projects, event types and statuses as enums (any",
            "kebab-case id when a table is empty), the longest summary, the metrics each event type",
            "requires and the blockers a blocked entry needs. 'atomizer mcp' declares the same schema as",
            "the input of its append_entry tool. The entry's time is not part of it: the clock stamps it."
        })
final class ContractCommand extends CommandBase {

    static final List<String> FORMATS = List.of("json-schema");

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "json-schema",
            description = "What to print: json-schema (the default and, for now, the only one).")
    String format;

    @Mixin
    Options options;

    @Override
    public Integer call() throws AtomizerException {
        if (!FORMATS.contains(format)) {
            throw new AtomizerException("unknown format '" + format + "'; use one of " + String.join(", ", FORMATS));
        }
        main.out.print(options.atomizer(main.cwd, main.cwd).entrySchema());
        main.out.flush();
        return Main.OK;
    }
}
