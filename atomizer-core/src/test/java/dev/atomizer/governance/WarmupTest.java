package dev.atomizer.governance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarmupTest {

    @Test
    void theSamplesReadAndLintCleanSoTheWarmUpRunsTheWholePath() {
        // a sample that failed to parse would stop the warm-up early and leave the hook's path cold
        assertThat(Warmup.run()).isTrue();
        assertThat(Warmup.comparison()).isTrue();
    }
}
