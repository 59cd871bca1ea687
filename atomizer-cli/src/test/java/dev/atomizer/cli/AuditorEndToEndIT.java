package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitFixture.Run;
import dev.atomizer.render.SarifSchema;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request on the sample team's status repository as GitHub Actions runs it: the packaged
 * jar, the real git binary, the runner's environment. The range holds a malformed entry committed
 * with {@code --no-verify} past the installed hooks, an approved edit of a foundational document
 * and a good entry opening a decision. What the Auditor reads must say not to merge, and why.
 */
class AuditorEndToEndIT {

    static final Path SAMPLE = Path.of("../sample-repo").toAbsolutePath().normalize();
    static final String LOG = "shared/project_log.md";

    static final String BAD = "\n## [2026-03-21 08:00] optimizer | bracket-topopt | study-iteration\n\n"
            + "**Status:** done\n"
            + "**Summary:** study-bracket-03 iter 42: mass 3.176 kg\n"
            + "**Metrics:** ref=study-bracket-03, iteration=42, objective=3.176, constraint_ok=true, tokens=5702\n\n---\n";

    static final String GOOD = "\n## [2026-03-21 09:30] manager | wing-spar-sizing | decision-needed\n\n"
            + "**Status:** in-progress\n"
            + "**Summary:** Antoine: approve the revised spar layup (CR-7 mission wording agreed)\n"
            + "**Metrics:** ref=dec-013, tokens=3120, cost_usd=0.02\n\n---\n"
            + "\n## [2026-03-21 09:45] nx-expert | bracket-topopt | error\n\n"
            + "**Status:** failed\n"
            + "**Summary:** NX solve of bracket v3 failed: licence server lic01 unreachable\n"
            + "**Metrics:** tokens=1210, cost_usd=0.01\n\n---\n";

    @TempDir
    Path tmp;

    @Test
    void aPullRequestWithANoVerifyCommitIsNotMergedAndTheAuditorSeesWhy() throws Exception {
        Path dir = tmp.resolve("atomizer-hq");
        copy(SAMPLE, dir);
        GitFixture repo = GitFixture.init(dir);
        repo.git("add", "-A");
        String base = repo.commit("Atomizer HQ status repository");
        HooksEndToEndIT hooks = new HooksEndToEndIT();
        assertThat(hooks.atomizer(repo, "install-hooks").code()).isZero();

        // 1. a malformed entry: the hook refuses it, so it goes in with --no-verify
        repo.stage(LOG, repo.read(LOG) + BAD);
        Run refused = hooks.commit(repo, "Log study iteration 42");
        assertThat(refused.code()).as("the pre-commit hook refuses it").isNotZero();
        assertThat(repo.run("commit", "-q", "--no-verify", "-m", "Log study iteration 42")
                        .code())
                .isZero();
        String bad = repo.git("rev-parse", "HEAD").strip();
        int line = lineOf(repo.read(LOG), "**Status:** done");

        // 2. a foundational document, edited with an approved change request
        repo.stage(
                "context-docs/00-mission.md",
                repo.read("context-docs/00-mission.md") + "\nEvery status claim links to a log entry.\n");
        Run approved = hooks.commit(
                repo, "Mission: every status claim links to a log entry", "Change-Request: CR-7\nApproved-by: ceo");
        assertThat(approved.code()).as(approved.out() + approved.err()).isZero();
        String mission = repo.git("rev-parse", "HEAD").strip();

        // 3. good entries, through the hooks: a decision opens, and a failed solve turns the bracket Red
        repo.stage(LOG, repo.read(LOG) + GOOD);
        Run good = hooks.commit(repo, "Ask Antoine for the spar layup decision");
        assertThat(good.code()).as(good.out() + good.err()).isZero();

        Path summary = Files.writeString(tmp.resolve("step_summary.md"), "");
        Path output = Files.writeString(tmp.resolve("github_output"), "");
        Map<String, String> actions = Map.of(
                "GITHUB_ACTIONS",
                "true",
                "GITHUB_STEP_SUMMARY",
                summary.toString(),
                "GITHUB_OUTPUT",
                output.toString(),
                "GITHUB_WORKSPACE",
                dir.toString());

        Run verify = atomizer(repo, actions, "verify", "--base", base, "--format", "github");
        assertThat(verify.code()).as(verify.err()).isEqualTo(1);
        assertThat(verify.out())
                .startsWith("::error file=shared/project_log.md,line=" + line + ",col=13,title=status-invalid::"
                        + bad.substring(0, 10) + " (Log study iteration 42): status 'done'");
        assertThat(verify.out()).endsWith("atomizer: 1 error, 0 warnings in 3 entries\n");
        assertThat(Files.readString(output)).isEmpty();

        String s = Files.readString(summary);
        Files.createDirectories(Path.of("target/e2e"));
        Files.writeString(Path.of("target/e2e/auditor-summary.md"), s); // for reading, and the README's excerpt
        assertThat(s.lines().findFirst().orElseThrow())
                .isEqualTo(
                        "## ❌ Do not merge: 1 error in 1 of 3 commits (status-invalid): fix it in a new commit on this branch");
        assertThat(s)
                .contains(
                        "| `" + bad.substring(0, 10) + "` | shared/project\\_log.md:" + line
                                + " | `status-invalid` | ❌ error | status 'done' is not one of in-progress, completed, blocked, failed |");
        assertThat(s)
                .contains("### 🔒 Protected paths touched: 1")
                .contains("| `" + mission.substring(0, 10)
                        + "` | context-docs/00-mission.md | immutable (`context-docs/**`) "
                        + "| modified | CR-7, approved by ceo (unsigned) |");
        assertThat(s)
                .contains("### 🚦 Status moves")
                .contains(
                        "From the log at the base (as of 2026-03-20 18:17) to the log at the head (as of 2026-03-21 09:45)")
                .contains("| **bracket-topopt** | 🟠 Amber → 🔴 Red | ")
                .contains("error by nx-expert 0m ago")
                .contains("**Decisions opened (1):**")
                .contains(
                        "- **dec-013** wing-spar-sizing, open since 2026-03-21 09:30, manager: Antoine: approve the revised spar layup");
        assertThat(s)
                .contains("### 📝 Entries added: 3")
                .contains("| Agent | Entries |\n| --- | --: |\n| manager | 1 |\n| nx-expert | 1 |\n| optimizer | 1 |");
        assertThat(s)
                .contains("| `" + bad.substring(0, 10) + "` | Log study iteration 42 | | ❌ 1 error |")
                .contains(
                        "| Mission: every status claim links to a log entry | Change-Request: CR-7; Approved-by: ceo | ✅ |");
        assertThat(s).contains("will be regenerated on main");

        // the same range as SARIF for code scanning: valid against the official schema
        Run sarif = atomizer(repo, actions, "verify", "--base", base, "--format", "sarif");
        assertThat(sarif.code()).isEqualTo(1);
        assertThat(SarifSchema.problems(sarif.out())).isEmpty();
        assertThat(sarif.out()).contains("\"uri\" : \"shared/project_log.md\"").contains("\"startLine\" : " + line);
        assertThat(Files.readString(summary))
                .as("sarif never writes the job summary")
                .isEqualTo(s);
    }

    Run atomizer(GitFixture where, Map<String, String> env, String... args) throws IOException {
        String[] cmd = new String[args.length + 3];
        cmd[0] = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        cmd[1] = "-jar";
        cmd[2] = HooksEndToEndIT.JAR.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        return where.run(env, cmd);
    }

    static int lineOf(String text, String needle) {
        int at = text.lastIndexOf(needle);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The sample repository as a team has it: without build output. */
    static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                if (d.getFileName().toString().equals("target") && !d.equals(from)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Files.copy(f, to.resolve(from.relativize(f).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
