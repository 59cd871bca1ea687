package dev.atomizer.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmupTest {

    @Test
    void theComparisonsAndTheInMemoryWalkRunThroughTheirCode() {
        // a walk that failed early would leave the hook's diff code cold
        assertThat(Warmup.comparison()).isTrue();
        assertThat(Warmup.jgit()).isTrue();
    }

    @Test
    void theCallersPartsRunInTheOrderTheMainThreadNeedsThem() {
        List<String> ran = new ArrayList<>();
        Warmup.runAll(() -> ran.add("read ahead"), () -> ran.add("check"));
        assertThat(ran).containsExactly("read ahead", "check");
    }
}
