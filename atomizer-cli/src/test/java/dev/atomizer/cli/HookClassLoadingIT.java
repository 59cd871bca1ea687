package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitFixture.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report libraries (mustache.java, openhtmltopdf, PDFBox), the signature verifiers
 * (BouncyCastle, Apache MINA sshd) and the MCP SDK are in the jar but stay off the hooks' path: not one of their
 * classes loads when the pre-commit or the commit-msg hook runs.
 */
class HookClassLoadingIT {

    @TempDir
    Path tmp;

    @Test
    void preCommitLoadsNoReportClass() throws Exception {
        GitFixture repo = GitFixture.init(tmp.resolve("repo"));
        repo.commit(HooksEndToEndIT.LOG, HooksEndToEndIT.BASE);
        repo.stage(
                HooksEndToEndIT.LOG,
                HooksEndToEndIT.BASE + HooksEndToEndIT.entry("2026-02-16 10:00", "tech-lead", "completed"));
        Run r = repo.run(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class",
                "-jar",
                HooksEndToEndIT.JAR.toString(),
                "pre-commit");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("dev.atomizer.governance.GitChecks")
                .doesNotContain("com.github.mustachejava")
                .doesNotContain("com.openhtmltopdf")
                .doesNotContain("org.apache.pdfbox")
                .doesNotContain("org.apache.fontbox")
                .doesNotContain("dev.atomizer.report");
        assertNoSignatureCode(r.out());
        assertNoMcpCode(r.out());

        java.nio.file.Files.writeString(repo.file("MSG"), "Amend\n\nChange-Request: CR-1\nApproved-by: ceo\n");
        repo.stage("context-docs/00-mission.md", "# Mission\n");
        Run msg = repo.run(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class",
                "-jar",
                HooksEndToEndIT.JAR.toString(),
                "commit-msg",
                "MSG");
        assertThat(msg.code()).as(msg.err()).isZero();
        assertThat(msg.out()).contains("dev.atomizer.governance.Approvals");
        assertNoSignatureCode(msg.out());
        assertNoMcpCode(msg.out());
    }

    /** The MCP SDK, its reactive streams and its schema validator are for 'atomizer mcp' only. */
    private static void assertNoMcpCode(String classes) {
        assertThat(classes)
                .doesNotContain("io.modelcontextprotocol")
                .doesNotContain("reactor.core")
                .doesNotContain("com.networknt")
                .doesNotContain("dev.atomizer.cli.mcp")
                .doesNotContain("dev.atomizer.cli.McpCommand");
    }

    private static void assertNoSignatureCode(String classes) {
        assertThat(classes)
                .doesNotContain("org.bouncycastle")
                .doesNotContain("org.apache.sshd")
                .doesNotContain("org.eclipse.jgit.lib.SignatureVerifiers")
                .doesNotContain("dev.atomizer.git.SignatureCheck")
                .doesNotContain("dev.atomizer.governance.RangeSignatures");
    }
}
