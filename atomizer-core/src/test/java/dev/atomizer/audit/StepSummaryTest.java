package dev.atomizer.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomizer.api.AtomizerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** $GITHUB_STEP_SUMMARY: appended to, never truncated; a write failure is one clear line. */
class StepSummaryTest {

    @TempDir
    Path tmp;

    @Test
    void theEnvironmentNamesTheFileRelativeToTheWorkingDirectory() {
        assertThat(StepSummary.file(Map.of(), tmp)).isNull();
        assertThat(StepSummary.file(Map.of("GITHUB_STEP_SUMMARY", " "), tmp)).isNull();
        assertThat(StepSummary.file(Map.of("GITHUB_STEP_SUMMARY", "s.md"), tmp)).isEqualTo(tmp.resolve("s.md"));
        assertThat(StepSummary.file(Map.of("GITHUB_STEP_SUMMARY", "/x/s.md"), tmp))
                .isEqualTo(Path.of("/x/s.md"));
    }

    @Test
    void appendsAfterWhatEarlierStepsWroteAndCreatesTheFileWhenMissing() throws Exception {
        Path f = tmp.resolve("summary.md");
        StepSummary.append(f, "## First\n");
        assertThat(Files.readString(f)).isEqualTo("## First\n");
        Files.writeString(f, "earlier step, no newline", java.nio.file.StandardOpenOption.APPEND);
        StepSummary.append(f, "## ✅ Merge\n");
        assertThat(Files.readString(f)).isEqualTo("## First\nearlier step, no newline\n## ✅ Merge\n");
    }

    @Test
    void aFileThatCannotBeWrittenIsOneClearError() {
        Path f = tmp.resolve("no such folder/summary.md");
        assertThatThrownBy(() -> StepSummary.append(f, "x\n"))
                .isInstanceOf(AtomizerException.class)
                .hasMessage("cannot append the Auditor summary to $GITHUB_STEP_SUMMARY (" + f
                        + "): its folder does not exist; check that the path is a writable file");
        assertThatThrownBy(() -> StepSummary.append(tmp, "x\n"))
                .isInstanceOf(AtomizerException.class)
                .hasMessageStartingWith("cannot append the Auditor summary to $GITHUB_STEP_SUMMARY (" + tmp + "): ");
    }
}
