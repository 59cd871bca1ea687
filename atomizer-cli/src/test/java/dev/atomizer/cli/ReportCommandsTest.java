package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atomizer report …}: exit codes, messages on one line, never a stack trace. */
class ReportCommandsTest extends CliTest {

    int run(String... args) {
        return run(root, args);
    }

    static final String W07 = "shared/reports/weekly/2026-W07-report.md";

    @TempDir
    Path root;

    static String entry(String ts, String project, String event, String status, String metrics) {
        return "## [" + ts + "] manager | " + project + " | " + event + "\n\n**Status:** " + status
                + "\n**Summary:** Work on " + project + ".\n"
                + (metrics == null ? "" : "**Metrics:** " + metrics + "\n")
                + "\n---\n\n";
    }

    @BeforeEach
    void layout() throws Exception {
        write(
                "shared/project_log.md",
                "# Project log\n\n"
                        + entry("2026-02-10 09:00", "alpha", "milestone", "completed", null)
                        + entry("2026-02-12 09:00", "beta", "milestone", "completed", "closeout=true")
                        + entry("2026-02-16 08:00", "alpha", "task-completed", "completed", null));
        Files.createDirectories(root.resolve(".git"));
    }

    void write(String path, String text) throws Exception {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void weeklyWritesOnceThenLeavesTheReportAlone() throws Exception {
        // now is the clock (or --as-of): the last week whose cut-off (Friday 16:00 New York) has come
        assertThat(run("report", "weekly", "--as-of", "2026-02-16 08:00")).isZero();
        assertThat(err).isEqualTo("atomizer: wrote " + W07 + "\n");
        assertThat(out).isEmpty();
        Path f = root.resolve(W07);
        byte[] bytes = Files.readAllBytes(f);
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(f, old);
        assertThat(run("report", "weekly", "--week", "2026-W07")).isZero();
        assertThat(err)
                .isEqualTo("atomizer: " + W07
                        + " exists, left unchanged; reports are write-once (to correct it: --revise --reason \"…\")\n");
        assertThat(Files.readAllBytes(f)).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(f)).isEqualTo(old);
    }

    @Test
    void badWeeksAreUsageErrors() {
        assertThat(run("report", "weekly", "--week", "2021-W53")).isEqualTo(2);
        assertThat(err).isEqualTo("atomizer: --week '2021-W53' does not exist: 2021 has 52 ISO weeks\n");
        assertThat(run("report", "weekly", "--week", "W07")).isEqualTo(2);
        assertThat(err).isEqualTo("atomizer: --week 'W07' is not an ISO week 'YYYY-Www' (e.g. 2026-W10)\n");
        assertThat(run("report", "weekly", "--week", "2026-W08", "--as-of", "2026-02-20 20:59"))
                .isEqualTo(2);
        assertThat(err)
                .isEqualTo(
                        "atomizer: week 2026-W08 is not over yet as of 2026-02-20 20:59: its report covers the log "
                                + "from 2026-02-13 21:00 to 2026-02-20 21:00 (its cut-off: 'Weekly report due' Friday 17:00 "
                                + "America/New_York less 'Weekly report cut-off' 60 minutes) and can be written from 2026-02-20 21:00 on\n");
        assertThat(run("report", "weekly", "--as-of", "yesterday")).isEqualTo(2);
        assertThat(err).isEqualTo("atomizer: --as-of 'yesterday' is not 'YYYY-MM-DD HH:MM'\n");
        assertThat(root.resolve("shared/reports")).doesNotExist();
    }

    @Test
    void aBrokenTemplateNamesTheFileAndLineAndWritesNothing() throws Exception {
        write("shared/reports/templates/weekly-template.md", "# {{week}}\n\n{{#projects}}\n{{oops}}\n{{/projects}}\n");
        assertThat(run("report", "weekly")).isEqualTo(2);
        assertThat(err)
                .startsWith(
                        "atomizer: shared/reports/templates/weekly-template.md:4: unknown name 'oops' in the template;")
                .hasLineCount(1);
        write("shared/reports/templates/weekly-template.md", "# {{week}}\n{{#kpis}}\n");
        assertThat(run("report", "weekly")).isEqualTo(2);
        assertThat(err)
                .isEqualTo("atomizer: shared/reports/templates/weekly-template.md:2: broken template: Failed to "
                        + "close 'kpis' tag (fix the template or delete it to use the built-in one)\n");
        assertThat(root.resolve(W07)).doesNotExist();
    }

    @Test
    void malformedInputIsReportedAtItsFileAndLine() throws Exception {
        write("shared/PROJECT_STATUS.md", "# Status\n\n## Projects\n\n| Slug | RAG |\n|---|---|\n| alpha | Purple |\n");
        assertThat(run("report", "weekly")).isEqualTo(2);
        assertThat(err)
                .isEqualTo("atomizer: shared/PROJECT_STATUS.md:7:1: error [config] RAG 'Purple' of project 'alpha' "
                        + "is not one of Green, Amber, Red\n");
        Files.delete(root.resolve("shared/PROJECT_STATUS.md"));
        write("shared/reports/templates/weekly-template.md", "# ok\n");
        Files.write(
                root.resolve("shared/reports/templates/weekly-template.md"), new byte[] {'#', ' ', (byte) 0xff, '\n'});
        assertThat(run("report", "weekly")).isEqualTo(2);
        assertThat(err).startsWith("atomizer: shared/reports/templates/weekly-template.md:1:1: error [encoding]");
        Files.write(root.resolve("shared/project_log.md"), new byte[] {'#', '\n', (byte) 0xc3, '\n'});
        assertThat(run("report", "status", "alpha")).isEqualTo(2);
        assertThat(err).startsWith("atomizer: shared/project_log.md:2:1: ");
        assertThat(root.resolve(W07)).doesNotExist();
    }

    @Test
    void closeoutOnlyForFinishedProjects() throws Exception {
        assertThat(run("report", "closeout", "alpha")).isEqualTo(2);
        assertThat(err)
                .startsWith("atomizer: project 'alpha' is not finished: it is not in shared/PROJECT_STATUS.md and "
                        + "no milestone entry carries closeout=true");
        assertThat(run("report", "closeout", "beta")).isZero();
        assertThat(err).isEqualTo("atomizer: wrote shared/reports/project/beta-closeout.md\n");
        assertThat(run("report", "closeout", "beta")).isZero();
        assertThat(err)
                .isEqualTo("atomizer: shared/reports/project/beta-closeout.md exists, left unchanged; reports are "
                        + "write-once (to correct it: --revise --reason \"…\")\n");
        assertThat(run("report", "closeout")).isEqualTo(2);
        assertThat(err).contains("Missing required parameter: 'SLUG'");
    }

    @Test
    void statusPrintsAndWritesNothing() throws Exception {
        assertThat(run("report", "status", "alpha")).isZero();
        assertThat(out)
                .startsWith(
                        "<!-- Status report of alpha: made by atomizer from shared/project_log.md as of "
                                + "2026-02-16 08:00. Printed on demand, not stored. -->\n# Status report — alpha — 2026-02-16 08:00\n");
        assertThat(err).isEmpty();
        assertThat(run("report", "status", "zeta")).isEqualTo(2);
        assertThat(err).startsWith("atomizer: unknown project 'zeta'");
        assertThat(root.resolve("shared/reports")).doesNotExist();
    }

    @Test
    void pdfBesideTheReport() throws Exception {
        assertThat(run("report", "weekly", "--pdf", "--as-of", "2026-02-16 08:00"))
                .isZero();
        assertThat(err)
                .isEqualTo("atomizer: wrote " + W07 + "\natomizer: wrote shared/reports/weekly/2026-W07-report.pdf\n");
        assertThat(Files.readAllBytes(root.resolve("shared/reports/weekly/2026-W07-report.pdf")))
                .startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void reportWithoutAKindIsAUsageError() {
        assertThat(run("report")).isEqualTo(2);
        assertThat(err).startsWith("name a report: weekly, closeout or status");
        assertThat(run("report", "monthly")).isEqualTo(2);
    }
}
