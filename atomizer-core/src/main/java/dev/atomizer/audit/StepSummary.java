package dev.atomizer.audit;

import dev.atomizer.api.AtomizerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * GitHub Actions' job summary: the file {@code $GITHUB_STEP_SUMMARY} names, which every step of a
 * job may add markdown to. Atomizer appends (never truncates: an earlier step's lines stay).
 */
public final class StepSummary {

    /** The environment variable the runner sets to the step's summary file. */
    public static final String VARIABLE = "GITHUB_STEP_SUMMARY";

    private StepSummary() {}

    /** The summary file the environment names (relative paths against {@code cwd}), or null when it names none. */
    public static Path file(Map<String, String> env, Path cwd) {
        String v = env.get(VARIABLE);
        return v == null || v.isBlank() ? null : cwd.resolve(v);
    }

    /**
     * Appends {@code markdown} to {@code file}, creating it if needed, after a blank line when the
     * file already has content (so a heading never runs into another step's last line).
     *
     * @throws AtomizerException with one line naming the file when it cannot be written
     */
    public static void append(Path file, String markdown) throws AtomizerException {
        try {
            boolean after = Files.exists(file) && Files.size(file) > 0;
            Files.write(
                    file,
                    ((after ? "\n" : "") + markdown).getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException | SecurityException e) {
            throw new AtomizerException("cannot append the Auditor summary to $" + VARIABLE + " (" + file + "): "
                    + reason(e) + "; check that the path is a writable file");
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "its folder does not exist";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
