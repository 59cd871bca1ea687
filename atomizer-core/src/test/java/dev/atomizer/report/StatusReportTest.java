package dev.atomizer.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class StatusReportTest {

    static final Path SAMPLE = Path.of("../sample-repo").toAbsolutePath().normalize();

    @Test
    void theSampleProjectsStatusHasEverySection() throws Exception {
        String r = Reports.status(SAMPLE, "wing-spar-sizing", null);
        assertThat(r)
                .startsWith(
                        "<!-- Status report of wing-spar-sizing: made by atomizer from shared/project_log.md and "
                                + "shared/PROJECT_STATUS.md as of 2026-03-20 18:17. Printed on demand, not stored. -->\n"
                                + "# Status report — Composite wing spar sizing (wing-spar-sizing) — 2026-03-20 18:17\n\n"
                                + "- **RAG:** 🟠 Amber (derived from the log) — dec-011 awaiting decision 3d 8h\n"
                                + "- **Declared RAG:** Green in shared/PROJECT_STATUS.md — differs from the log: check\n"
                                + "- **Status:** active · **Phase:** Design v2 frozen; drawing release · **Owner:** tech-lead\n");
        assertThat(r)
                .contains(
                        "## Open decisions\n\n- **dec-011** open 3d 8h (tech-lead): ",
                        "## Open delegations",
                        "## Blocked work",
                        "## Active studies",
                        "## Last 10 entries",
                        "## Planned\n\n| Due | Item | Owner |\n");
        assertThat(r.substring(r.indexOf("## Last 10 entries"), r.indexOf("## Planned"))
                        .lines()
                        .filter(l -> l.startsWith("| 2026-"))
                        .count())
                .isEqualTo(10);
        assertThat(r)
                .contains(
                        "| 2026-03-23 | Antoine's decision: re-run with measured CAI knockdown or release v2 (dec-011) | tech-lead |\n"
                                + "| 2026-03-27 | Drawing release of spar v2 with ply book | nx-expert |\n");
        // printed, never written
        assertThat(Files.exists(SAMPLE.resolve("shared/reports/status"))).isFalse();
    }

    @Test
    void asOfDescribesAnEarlierMoment() throws Exception {
        String r = Reports.status(SAMPLE, "bracket-topopt", LocalDateTime.of(2026, 2, 20, 12, 0));
        assertThat(r).contains("— 2026-02-20 12:00\n").contains("| study-bracket-01 | ");
    }

    @Test
    void anUnknownProjectNamesTheKnownOnes() {
        assertThatThrownBy(() -> Reports.status(SAMPLE, "nope", null))
                .hasMessage("unknown project 'nope': not in "
                        + "shared/PROJECT_STATUS.md and no log entry names it (projects in the log: bracket-topopt, "
                        + "dashboard-rollout, pump-housing-modal, wing-spar-sizing)");
    }
}
