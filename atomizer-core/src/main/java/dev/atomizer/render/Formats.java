package dev.atomizer.render;

import dev.atomizer.api.AtomizerException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The output formats by name ({@code --format text|json|sarif|github|markdown}; the README's "Output formats"). */
public final class Formats {

    /** The names, as one constant for option descriptions. */
    public static final String LIST = "text, json, sarif, github, markdown";

    public static final List<String> NAMES = List.of("text", "json", "sarif", "github", "markdown");

    private Formats() {}

    /** Fails with the one-line usage message unless {@code name} is a format. */
    public static void check(String name) throws AtomizerException {
        if (!NAMES.contains(name)) {
            throw new AtomizerException("unknown format '" + name + "'; use one of " + LIST);
        }
    }

    /**
     * True for the formats CI reads (github, sarif, markdown): their paths must be relative to the
     * repository root, as GitHub resolves them, not to the working directory.
     */
    public static boolean repositoryPaths(String name) {
        return "github".equals(name) || "sarif".equals(name) || "markdown".equals(name);
    }

    /**
     * The repository root CI paths are relative to: the nearest directory at or above {@code dir}
     * that holds {@code .git} (a directory, or a file in a linked worktree), else {@code dir}.
     */
    public static Path repositoryRoot(Path dir) {
        Path start = dir.toAbsolutePath().normalize();
        for (Path d = start; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                return d;
            }
        }
        return start;
    }

    public static Formatter create(String name, OutputStream out) throws AtomizerException {
        return create(name, out, null);
    }

    /**
     * @param root the directory the diagnostics' relative paths are relative to; sarif reads the
     *             lines there for its fingerprints (null: it fingerprints by message)
     */
    public static Formatter create(String name, OutputStream out, @Nullable Path root) throws AtomizerException {
        check(name);
        try {
            return switch (name) {
                case "json" -> new JsonFormatter(out);
                case "sarif" -> new SarifFormatter(out, root);
                case "github" -> new GithubFormatter(new PrintStream(out, false, StandardCharsets.UTF_8));
                case "markdown" -> new MarkdownFormatter(new PrintStream(out, false, StandardCharsets.UTF_8));
                default -> new TextFormatter(new PrintStream(out, false, StandardCharsets.UTF_8));
            };
        } catch (IOException e) {
            throw new AtomizerException("cannot write output: " + e.getMessage(), e);
        }
    }

    /** Writes every diagnostic and then the summary; an output failure is a one-line error. */
    public static void write(
            Formatter f, List<dev.atomizer.api.Diagnostic> diagnostics, dev.atomizer.api.FileSummary summary)
            throws AtomizerException {
        try {
            for (dev.atomizer.api.Diagnostic d : diagnostics) {
                f.diagnostic(d);
            }
            f.finish(summary);
        } catch (IOException e) {
            throw new AtomizerException("cannot write output: " + e.getMessage(), e);
        }
    }
}
