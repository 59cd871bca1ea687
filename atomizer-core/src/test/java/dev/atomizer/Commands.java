package dev.atomizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Another program, run by a test (a linter, a renderer) that must succeed. */
public final class Commands {

    private Commands() {}

    /** Runs {@code command} in {@code dir} and asserts it exits 0 within two minutes; its output. */
    public static String runClean(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /**
     * markdownlint-cli2 on {@code files} (globs allowed) in {@code dir}, with the configuration found
     * there, when the benchmark's node modules are installed (the build's 'npm ci' in bench/); the test is
     * skipped, saying so, otherwise.
     */
    public static void markdownlintClean(Path dir, String... files) throws IOException, InterruptedException {
        Path cli = Path.of("../bench/node_modules/.bin/markdownlint-cli2")
                .toAbsolutePath()
                .normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.Files.isExecutable(cli),
                "markdownlint-cli2 is not installed (the build runs 'npm ci' in bench/ unless -Datomizer.npm.skip)");
        List<String> command = new java.util.ArrayList<>(List.of(cli.toString()));
        command.addAll(List.of(files));
        runClean(dir, command);
    }
}
