package dev.atomizer.cli;

import dev.atomizer.api.AtomizerException;
import java.time.LocalDateTime;
import picocli.CommandLine.Option;

/** {@code --as-of}, shared by the commands that describe the log at a moment. */
final class AsOfOption {

    @Option(
            names = "--as-of",
            paramLabel = "'YYYY-MM-DD HH:MM'",
            description = "Describe the state at this moment, in the contract's time zone (default: the newest entry's"
                    + " timestamp).")
    String text;

    /** The moment, or null for the newest entry's timestamp. */
    LocalDateTime value() throws AtomizerException {
        return dev.atomizer.Atomizer.asOf(text, "--as-of");
    }
}
