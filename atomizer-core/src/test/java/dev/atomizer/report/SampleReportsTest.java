package dev.atomizer.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.ReportOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample repository's committed reports are golden files: regenerated into a copy of the
 * repository without them, they must come out byte for byte the same.
 */
class SampleReportsTest {

    static final Path SAMPLE = Path.of("../sample-repo").toAbsolutePath().normalize();
    static final List<String> WEEKS = List.of("2026-W10", "2026-W11");

    @TempDir
    Path copy;

    @Test
    void committedReportsAreWhatTheToolMakes() throws Exception {
        copyShared();
        for (String w : WEEKS) {
            IsoWeek week = IsoWeek.parse(w, "week");
            assertThat(Reports.weekly(copy, week, null, false).written()).isTrue();
            same(WeeklyReport.path(week));
        }
        // the default week of the sample (its log ends on Friday 2026-03-20) is W11
        assertThat(Reports.weekly(copy, null, null, false))
                .isEqualTo(new ReportOutcome("shared/reports/weekly/2026-W11-report.md", false, null, false));
        assertThat(Reports.closeout(copy, "pump-housing-modal", false).written())
                .isTrue();
        same(CloseoutReport.path("pump-housing-modal"));
    }

    @Test
    void theSampleReportsSayWhatTheLogSays() throws Exception {
        String w10 = Files.readString(SAMPLE.resolve("shared/reports/weekly/2026-W10-report.md"));
        assertThat(w10).contains("## Highlights", "## Projects", "## KPIs", "## Agent performance", "## Decisions log");
        assertThat(w10).contains("- 2026-03-06 **bracket-topopt**: study-bracket-02 converged at iteration 58");
        assertThat(w10)
                .contains(
                        "- **dec-007** (bracket-topopt), opened 2026-03-04 10:00 by tech-lead: Antoine: machined 7075 "
                                + "or additive AlSi10Mg");
        String w11 = Files.readString(SAMPLE.resolve("shared/reports/weekly/2026-W11-report.md"));
        // dec-010 opened in W11 and still open at its end, blocked on the branding choice
        // W11 ends at its cut-off, Friday 2026-03-13 16:00 New York (20:00 UTC)
        assertThat(w11)
                .contains("- **dec-010** (dashboard-rollout), opened 2026-03-12 11:00 by secretary:")
                .contains("  - Open at the end of the week (1d 8h), blocked: Antoine's choice of branding");
        String closeout = Files.readString(SAMPLE.resolve("shared/reports/project/pump-housing-modal-closeout.md"));
        assertThat(closeout)
                .contains(
                        "### dec-002 — resolved",
                        "| study-pump-03 | completed | 41 | 8.214 | 100% |",
                        "- **modal-rib-heuristics** (2026-02-19, webster)");
    }

    /** markdownlint (the sample's config) on the reports, when the benchmark's node modules are installed. */
    @Test
    void reportsPassMarkdownlint() throws Exception {
        dev.atomizer.Commands.markdownlintClean(SAMPLE, "shared/reports/weekly/*.md", "shared/reports/project/*.md");
    }

    private void same(String path) throws IOException {
        assertThat(Files.readString(copy.resolve(path)))
                .as(path + " (the committed report must be what the tool makes;"
                        + " reports are write-once, so a change of the generator needs a deliberate regeneration)")
                .isEqualTo(Files.readString(SAMPLE.resolve(path)));
        assertThat(Files.readAllBytes(copy.resolve(path))).isEqualTo(Files.readAllBytes(SAMPLE.resolve(path)));
    }

    /** The sample's shared/ without its reports. */
    private void copyShared() throws IOException {
        try (Stream<Path> files = Files.walk(SAMPLE.resolve("shared"))) {
            for (Path p : files.toList()) {
                Path rel = SAMPLE.relativize(p);
                if (rel.toString().replace('\\', '/').matches("shared/reports/(weekly|project)/.+\\.(md|pdf)")) {
                    continue;
                }
                Path t = copy.resolve(rel);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
