package dev.atomizer.render;

import dev.atomizer.AtomizerException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The output formats by name. Later formats (sarif, github, markdown) register here. */
public final class Formats {

    public static final List<String> NAMES = List.of("text", "json");

    private Formats() {
    }

    public static Formatter create(String name, OutputStream out) throws AtomizerException {
        try {
            return switch (name) {
                case "text" -> new TextFormatter(new PrintStream(out, false, StandardCharsets.UTF_8));
                case "json" -> new JsonFormatter(out);
                default -> throw new AtomizerException("unknown format '" + name + "'; use one of "
                        + String.join(", ", NAMES));
            };
        } catch (IOException e) {
            throw new AtomizerException("cannot write output: " + e.getMessage(), e);
        }
    }
}
