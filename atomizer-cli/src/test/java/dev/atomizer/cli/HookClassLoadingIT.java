package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitFixture.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report libraries (mustache.java, openhtmltopdf, PDFBox) are in the jar but stay off the
 * pre-commit hook's path: not one of their classes loads when the hook runs.
 */
class HookClassLoadingIT {

    @TempDir
    Path tmp;

    @Test
    void preCommitLoadsNoReportClass() throws Exception {
        GitFixture repo = GitFixture.init(tmp.resolve("repo"));
        repo.commit(HooksEndToEndIT.LOG, HooksEndToEndIT.BASE);
        repo.stage(HooksEndToEndIT.LOG, HooksEndToEndIT.BASE + HooksEndToEndIT.entry("2026-02-16 10:00", "tech-lead",
                "completed"));
        Run r = repo.run(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-verbose:class", "-jar",
                HooksEndToEndIT.JAR.toString(), "pre-commit");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("dev.atomizer.governance.GitChecks")
                .doesNotContain("com.github.mustachejava").doesNotContain("com.openhtmltopdf")
                .doesNotContain("org.apache.pdfbox").doesNotContain("org.apache.fontbox")
                .doesNotContain("dev.atomizer.report");
    }
}
