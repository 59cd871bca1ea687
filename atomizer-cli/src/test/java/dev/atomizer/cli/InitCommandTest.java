package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code init --watchdog-cron} refuses a schedule that is not one before it makes anything (the
 * schedule written into the workflow: {@code HooksEndToEndIT}, which runs init through the jar).
 */
class InitCommandTest {

    @Test
    void aScheduleThatIsNotACronIsOneLineAndNothingIsMade(@TempDir Path tmp) throws Exception {
        CliRun r = CliRun.of(tmp, "init", "--watchdog-cron", "every hour");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip())
                .doesNotContain("\n")
                .contains("--watchdog-cron 'every hour': not a cron schedule")
                .doesNotContain("Exception");
        try (var files = Files.list(tmp)) {
            assertThat(files).isEmpty();
        }
    }
}
