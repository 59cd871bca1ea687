package dev.atomizer.governance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The oracle: what the real {@code git interpret-trailers --parse} prints for a message, run
 * outside any repository with every git configuration shut out (no {@code trailer.*} setting,
 * {@code #} as the comment character), as {@link Trailers} reads a message.
 */
final class InterpretTrailers implements AutoCloseable {

    static final String SCISSORS = "# ------------------------ >8 ------------------------";

    private final Path dir;
    private final Path message;

    InterpretTrailers() {
        try {
            dir = Files.createTempDirectory("interpret-trailers");
            Files.createDirectories(dir.resolve("home"));
            message = dir.resolve("message");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** git's output for {@code text}: one {@code token: value} line per trailer. */
    String parse(String text) {
        try {
            Files.writeString(message, text, StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder("git", "interpret-trailers", "--parse", message.toString())
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(dir.resolve("out").toFile())
                    .redirectError(dir.resolve("err").toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("GIT_"));
            env.put("HOME", dir.resolve("home").toString());
            env.put("XDG_CONFIG_HOME", dir.resolve("home").toString());
            env.put("GIT_CONFIG_NOSYSTEM", "1");
            env.put("GIT_CONFIG_GLOBAL", "/dev/null");
            env.put("GIT_CEILING_DIRECTORIES", dir.getParent().toString());
            env.put("LC_ALL", "C");
            Process p = pb.start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("git interpret-trailers did not return on: " + text.replace("\n", "\\n"));
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(
                        "git interpret-trailers exited " + p.exitValue() + ": " + Files.readString(dir.resolve("err")));
            }
            return Files.readString(dir.resolve("out"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What {@link Trailers#parse} reads, printed as git prints it. */
    static String print(String text) {
        return Trailers.parse(text).stream()
                .map(t -> t.token() + ": " + t.value() + "\n")
                .collect(Collectors.joining());
    }

    /** The approval in git's output, read as {@link Approval#parse} reads trailers. */
    static Approval approvalOf(String gitOutput) {
        String cr = null;
        List<String> by = new ArrayList<>();
        List<String> approves = new ArrayList<>();
        for (String line : gitOutput.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String token = line.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
            String value = line.substring(colon + 2); // git prints "token: value"
            if (value.isEmpty()) {
                continue;
            }
            switch (token) {
                case "change-request" -> cr = value;
                case "approved-by" -> by.add(value);
                case "approves" -> approves.add(value);
                default -> {}
            }
        }
        return new Approval(cr, List.copyOf(by), List.copyOf(approves));
    }

    /**
     * git 2.39 never returns on a message whose first {@code ---} divider line is above a scissors
     * line (it looks for the end of the message past the divider): such a message cannot be asked.
     */
    static boolean gitHangsOn(String text) {
        int scissors = text.startsWith(SCISSORS + "\n") ? 0 : text.indexOf("\n" + SCISSORS + "\n");
        if (scissors < 0) {
            return false;
        }
        for (int s = 0; s < text.length(); ) {
            if (text.startsWith("---", s) && s + 3 < text.length() && " \t\r\n".indexOf(text.charAt(s + 3)) >= 0) {
                return s <= scissors;
            }
            int nl = text.indexOf('\n', s);
            s = nl < 0 ? text.length() : nl + 1;
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
