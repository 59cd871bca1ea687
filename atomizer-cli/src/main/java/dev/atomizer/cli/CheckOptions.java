package dev.atomizer.cli;

import picocli.CommandLine.Mixin;

/** The options of the commands that print diagnostics: {@code --format}, then those of {@link Options}. */
final class CheckOptions extends Options {

    @Mixin
    FormatOption format;
}
