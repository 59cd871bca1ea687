package dev.atomizer.cli;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.render.Formats;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --format}, shared by every command that prints diagnostics (lint, check, pre-commit, verify). */
final class FormatOption {

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output format: " + Formats.LIST + " (default: text, path:line:col: severity [rule] message)."
                    + " github, sarif and markdown show paths relative to the git repository root.")
    String name;

    /** The format, checked: an unknown one is a usage error (exit code 2) that lists the formats. */
    String checked() throws AtomizerException {
        Formats.check(name);
        return name;
    }

    /** The directory diagnostics' paths are relative to: the repository root for the CI formats, as GitHub resolves them. */
    Path base(Path cwd) {
        return Formats.repositoryPaths(name) ? Formats.repositoryRoot(cwd) : cwd;
    }

    boolean is(String format) {
        return format.equals(name);
    }
}
