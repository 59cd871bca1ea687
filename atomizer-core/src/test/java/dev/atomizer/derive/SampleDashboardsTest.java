package dev.atomizer.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sample repository's committed dashboards are the golden files: they must be exactly what the
 * generator makes of its log and PROJECT_STATUS.md, and say what the log says.
 */
class SampleDashboardsTest {

    static final Path SAMPLE = Path.of("../sample-repo").toAbsolutePath().normalize();

    @Test
    void committedDashboardsAreWhatTheGeneratorMakesTwice() throws Exception {
        Map<String, byte[]> first = Derived.generate(Sources.workingTree(SAMPLE), null);
        Map<String, byte[]> second = Derived.generate(Sources.workingTree(SAMPLE), null);
        assertThat(first.keySet()).containsExactly(ExecSummary.PATH, Technical.PATH, Operations.PATH, KpiMetrics.PATH);
        for (String path : first.keySet()) {
            assertThat(second.get(path)).as(path + " twice").isEqualTo(first.get(path));
            assertThat(new String(first.get(path), StandardCharsets.UTF_8))
                    .as(path + " (run 'atomizer dashboards' " + "in sample-repo if the generator changed on purpose)")
                    .isEqualTo(Files.readString(SAMPLE.resolve(path)));
        }
        assertThat(dev.atomizer.Atomizer.at(SAMPLE, java.util.Map.of()).staleDerived())
                .isEmpty();
    }

    @Test
    void theExecSummaryIsTrueToTheLogAndShort() throws Exception {
        String exec = Files.readString(SAMPLE.resolve(ExecSummary.PATH));
        assertThat(exec.lines().count()).isLessThanOrEqualTo(ExecSummary.MAX_LINES);
        // the three decisions open at the end of the log, most urgent (here: oldest) first; the closed project is not
        // listed
        assertThat(exec)
                .contains("**dec-010** dashboard-rollout", "**dec-011** wing-spar-sizing", "**dec-012** bracket-topopt")
                .doesNotContain("pump-housing-modal");
        assertThat(exec.indexOf("**dec-010**")).isLessThan(exec.indexOf("**dec-011**"));
        // PROJECT_STATUS.md says Green while a decision waits on the spar: the summary says so (K6)
        assertThat(exec).contains("**wing-spar-sizing** Amber (declared Green: check)");
        assertThat(exec).contains("Decision backlog");
    }

    /**
     * markdownlint (the README's config: default rules, line length off) on the dashboards, when the
     * benchmark's node modules are installed ('npm ci' in bench/); skipped otherwise.
     */
    @Test
    void dashboardsPassMarkdownlint() throws Exception {
        dev.atomizer.Commands.markdownlintClean(
                SAMPLE, ExecSummary.PATH, Technical.PATH, Operations.PATH, KpiMetrics.PATH);
    }
}
