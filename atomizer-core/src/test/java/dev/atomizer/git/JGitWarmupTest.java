package dev.atomizer.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JGitWarmupTest {

    @Test
    void theInMemoryWalkRunsThroughTheDiffCode() {
        // a walk that failed early would leave the hook's diff code cold
        assertThat(GitRepo.warmUp()).isTrue();
    }
}
