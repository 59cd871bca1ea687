package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.atomizer.git.GitFixture;
import dev.atomizer.render.Formats;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --format} on every command that takes it: each format, the same exit codes. */
class FormatOptionTest extends CliTest {

    @TempDir
    Path tmp;

    static Iterable<String> formats() {
        return Formats.NAMES;
    }

    /** A repository whose status files live in a subdirectory, as sample-repo/ does in this one. */
    Path repository(String log) throws Exception {
        Files.createDirectories(tmp.resolve(".git"));
        Path status = tmp.resolve("status repo");
        Files.createDirectories(status.resolve("shared"));
        Files.writeString(status.resolve("shared/project_log.md"), log);
        return status;
    }

    @ParameterizedTest(name = "lint --format {0}: 0 when clean, 1 on errors")
    @MethodSource("formats")
    void lintExitCodesAreTheSameInEveryFormat(String format) throws Exception {
        Path status = repository(MainTest.GOOD);
        assertThat(run(status, "lint", "--format", format)).as(err).isZero();
        assertWellFormed(format, out);
        Files.writeString(status.resolve("shared/project_log.md"), MainTest.BAD);
        assertThat(run(status, "lint", "--format", format)).as(err).isEqualTo(1);
        assertWellFormed(format, out);
        assertThat(out).contains("status-invalid");
        if ("text".equals(format)) {
            assertThat(err).isEqualTo("1 entry: 1 error, 0 warnings\n");
        } else {
            assertThat(err).isEmpty();
        }
    }

    @Test
    void ciFormatsShowPathsFromTheRepositoryRoot() throws Exception {
        Path status = repository(MainTest.BAD);
        assertThat(run(status, "lint", "--format", "github")).isEqualTo(1);
        assertThat(out)
                .isEqualTo("::error file=status repo/shared/project_log.md,line=5,col=13,title=status-invalid"
                        + "::status 'done' is not one of in-progress, completed, blocked, failed\n"
                        + "atomizer: 1 error, 0 warnings in 1 entry\n");
        assertThat(run(status, "lint", "--format", "sarif")).isEqualTo(1);
        assertThat(out).contains("\"uri\" : \"status%20repo/shared/project_log.md\"");
        assertThat(run(status, "lint", "--format", "markdown")).isEqualTo(1);
        assertThat(out).contains("| status repo/shared/project\\_log.md:5 | error | status-invalid |");
        // text and json keep paths from the working directory
        assertThat(run(status, "lint", "--format", "json")).isEqualTo(1);
        assertThat(out).contains("\"path\":\"shared/project_log.md\"");
    }

    @Test
    void anUnknownFormatExitsTwoWithOneLineListingTheFormats() throws Exception {
        Path status = repository(MainTest.GOOD);
        String expected = "atomizer: unknown format 'yaml'; use one of text, json, sarif, github, markdown\n";
        assertThat(run(status, "lint", "--format", "yaml")).isEqualTo(2);
        assertThat(err).isEqualTo(expected);
        assertThat(run(tmp, "pre-commit", "--format", "yaml")).isEqualTo(2);
        assertThat(err).isEqualTo(expected);
        assertThat(run(tmp, "verify", "--base", "HEAD", "--format", "yaml")).isEqualTo(2);
        assertThat(err).isEqualTo(expected);
        assertThat(out).isEmpty();
    }

    @ParameterizedTest(name = "pre-commit and verify --format {0}")
    @MethodSource("formats")
    void gitCommandsTakeEveryFormat(String format) throws Exception {
        GitFixture repo = GitFixture.init(tmp.resolve("repo"));
        String base = repo.commit("shared/project_log.md", MainTest.GOOD);
        String bad = "\n## [2026-02-17 09:00] manager | bracket-topopt | milestone\n\n**Status:** done\n"
                + "**Summary:** Later.\n\n---\n";
        repo.stage("shared/project_log.md", MainTest.GOOD + bad);
        assertThat(run(repo.dir(), "pre-commit", "--format", format)).as(err).isEqualTo(1);
        assertWellFormed(format, out);
        assertThat(out).contains("status-invalid");
        repo.commit("bad entry");
        assertThat(run(repo.dir(), "verify", "--base", base, "--format", format))
                .as(err)
                .isEqualTo(1);
        assertWellFormed(format, out);
        assertThat(out).contains("status-invalid");
        assertThat(run(repo.dir(), "verify", "--base", "HEAD", "--format", format))
                .as(err)
                .isZero();
        assertWellFormed(format, out);
    }

    @Test
    void verifyMarkdownIsTheAuditorSummaryAndGithubAppendsItToTheStepSummary() throws Exception {
        GitFixture repo = GitFixture.init(tmp.resolve("repo"));
        String base = repo.commit("shared/project_log.md", MainTest.GOOD);
        String bad = "\n## [2026-02-17 09:00] manager | bracket-topopt | milestone\n\n**Status:** done\n"
                + "**Summary:** Later.\n\n---\n";
        repo.commit("shared/project_log.md", MainTest.GOOD + bad);

        assertThat(run(repo.dir(), "verify", "--base", base, "--format", "markdown"))
                .isEqualTo(1);
        String summary = out;
        assertThat(summary)
                .startsWith("## ❌ Do not merge: 1 error in 1 of 1 commit (status-invalid)")
                .contains("| `status-invalid` | ❌ error | status 'done' is not one of")
                .contains("### 📝 Entries added: 1");
        assertThat(err).contains("verification failed (1 error)");

        Path file = tmp.resolve("step-summary.md");
        Files.writeString(file, "## Build\n\nearlier step\n");
        String[] githubVerify = {"verify", "--base", base, "--format", "github"};
        assertThat(run(repo.dir(), java.util.Map.of("GITHUB_STEP_SUMMARY", file.toString()), githubVerify))
                .isEqualTo(1);
        assertThat(out).startsWith("::error file=shared/project_log.md,line=").doesNotContain("## ");
        assertThat(Files.readString(file)).isEqualTo("## Build\n\nearlier step\n\n" + summary);
        // appended again, never truncated
        assertThat(run(repo.dir(), java.util.Map.of("GITHUB_STEP_SUMMARY", file.toString()), githubVerify))
                .isEqualTo(1);
        assertThat(Files.readString(file)).isEqualTo("## Build\n\nearlier step\n\n" + summary + "\n" + summary);
        // without the variable nothing is written anywhere; text and sarif never write it
        assertThat(run(
                        repo.dir(),
                        java.util.Map.of("GITHUB_STEP_SUMMARY", file.toString()),
                        "verify",
                        "--base",
                        base,
                        "--format",
                        "sarif"))
                .isEqualTo(1);
        assertThat(Files.readString(file)).isEqualTo("## Build\n\nearlier step\n\n" + summary + "\n" + summary);

        Path unwritable = tmp.resolve("missing/step-summary.md");
        assertThat(run(
                        repo.dir(),
                        java.util.Map.of("GITHUB_STEP_SUMMARY", unwritable.toString()),
                        "verify",
                        "--base",
                        base,
                        "--format",
                        "github"))
                .isEqualTo(2);
        assertThat(out).startsWith("::error "); // the annotations are out before the summary fails
        assertThat(err)
                .endsWith("atomizer: cannot append the Auditor summary to $GITHUB_STEP_SUMMARY (" + unwritable
                        + "): its folder does not exist; check that the path is a writable file\n");

        assertThat(run(
                        repo.dir(),
                        java.util.Map.of("GITHUB_STEP_SUMMARY", file.toString()),
                        "verify",
                        "--base",
                        "HEAD",
                        "--format",
                        "markdown"))
                .isZero();
        assertThat(out).startsWith("## ✅ Merge: nothing to check, `HEAD..HEAD` has no commits");
    }

    static void assertWellFormed(String format, String out) throws Exception {
        switch (format) {
            case "json", "sarif" -> {
                try (JsonParser p = new JsonFactory().createParser(out)) {
                    while (p.nextToken() != null) {
                        // reads the whole document: fails on malformed JSON
                    }
                    assertThat(p.currentToken()).isNull();
                }
                assertThat(out).endsWith("}\n");
                if ("sarif".equals(format)) {
                    assertThat(out).contains("\"version\" : \"2.1.0\"");
                }
            }
            case "github" ->
                assertThat(out.lines().reduce((a, b) -> b).orElse("")).startsWith("atomizer: ");
            // lint and pre-commit: the diagnostics report; verify: the Auditor summary, verdict first
            case "markdown" -> assertThat(out).matches("(?s)## (Atomizer\n\n|✅ Merge: |❌ Do not merge: ).*");
            default ->
                assertThat(out.lines()).allMatch(l -> l.matches("[^:]+:\\d+:\\d+: (error|warning) \\[[a-z-]+\\] .*"));
        }
    }
}
