package dev.atomizer.governance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckWarmupTest {

    @Test
    void theSamplesReadAndLintCleanSoTheWarmUpRunsTheWholePath() {
        // a sample that failed to parse would stop the warm-up early and leave the hook's path cold
        assertThat(CheckWarmup.run()).isTrue();
    }
}
