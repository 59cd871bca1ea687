package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

/** A test of commands: each run keeps what it printed, and never prints a stack trace. */
abstract class CliTest {

    String out;
    String err;

    int run(Path cwd, String... args) {
        return run(cwd, Map.of(), args);
    }

    int run(Path cwd, Map<String, String> env, String... args) {
        CliRun r = CliRun.of(cwd, env, args);
        out = r.out();
        err = r.err();
        assertThat(err).doesNotContain("\tat ").doesNotContain("Exception");
        return r.code();
    }
}
