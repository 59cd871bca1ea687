package dev.atomizer.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Reads the text of a diagnostic's line, and the entry heading above it, from the file the
 * diagnostic names: what {@link SarifFormatter}'s fingerprints are made of. Diagnostics arrive in
 * file order, so one forward pass per file serves them all (a step backwards reopens the file);
 * memory stays at one line. A file that cannot be read answers null: fingerprints then fall back
 * to the message.
 */
final class SourceLines implements AutoCloseable {

    /** A line's text (line break and trailing blanks removed) and the nearest {@code ## } line at or above it ("" for none). */
    record Context(String heading, String text) {}

    private final @Nullable Path root;
    private @Nullable String path;
    private @Nullable BufferedReader reader;
    private int lineNo;
    private String heading = "";
    private @Nullable String current;

    /** @param root the directory relative paths resolve against; null: no file is read */
    SourceLines(@Nullable Path root) {
        this.root = root;
    }

    @Nullable
    Context at(String displayPath, int line) {
        if (root == null || line < 1) {
            return null;
        }
        try {
            if (!displayPath.equals(path) || line < lineNo) {
                open(displayPath);
            }
            if (reader == null) {
                return null;
            }
            while (lineNo < line) {
                String next = reader.readLine();
                if (next == null) {
                    return null;
                }
                lineNo++;
                if (lineNo == 1 && !next.isEmpty() && next.charAt(0) == '\uFEFF') {
                    next = next.substring(1);
                }
                current = next.stripTrailing();
                if (isHeading(current)) {
                    heading = current;
                }
            }
            return new Context(heading, current == null ? "" : current);
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            return null;
        }
    }

    /** An ATX level-2 heading line: what starts an entry. */
    private static boolean isHeading(String s) {
        return s.startsWith("## ") || s.equals("##");
    }

    private void open(String displayPath) throws IOException {
        closeQuietly();
        path = displayPath;
        lineNo = 0;
        heading = "";
        current = null;
        if (root == null) {
            return;
        }
        Path file = root.resolve(displayPath);
        if (!Files.isRegularFile(file)) {
            return;
        }
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder));
    }

    private void closeQuietly() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // read-only: nothing is lost
            }
            reader = null;
        }
    }

    @Override
    public void close() {
        closeQuietly();
        path = null;
    }
}
