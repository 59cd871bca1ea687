package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.git.GitFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify against a committer who would rather configure the gate than pass it. */
class VerifyGateTest extends CliTest {

    @TempDir
    Path tmp;

    @Test
    void aGovernanceRuleTurnedOffOnTheCommandLineStillReportsWithAWarning() throws Exception {
        GitFixture repo = GitFixture.init(tmp.resolve("repo"));
        String base = repo.commit("shared/project_log.md", MainTest.GOOD);
        repo.stage(".mvn/maven.config", "-Datomizer.skip=true\n");
        repo.stage("context-docs/00-mission.md", "# Mission\n");
        repo.commit("Speed up the build");
        assertThat(run(
                        repo.dir(),
                        "verify",
                        "--base",
                        base,
                        "--rule",
                        "immutable-path=off",
                        "--rule",
                        "field-order=off"))
                .as(err)
                .isEqualTo(1);
        assertThat(out)
                .contains(".mvn/maven.config:1:1: error [immutable-path]")
                .contains("context-docs/00-mission.md:1:1: error [immutable-path]");
        assertThat(err.lines().filter(l -> l.startsWith("atomizer: warning: ")))
                .containsExactly(
                        "atomizer: warning: verify ignores the --rule override immutable-path=off: a governance rule's "
                                + "severity comes only from the contract of the base and the approved commits of the range, never from "
                                + "the build being checked");
    }

    @Test
    void rewrittenHistoryIsOneLineAndExitCodeTwo() throws Exception {
        GitFixture repo = GitFixture.init(tmp.resolve("repo"));
        String first = repo.commit("shared/project_log.md", MainTest.GOOD);
        String before = repo.commit("notes/a.md", "a\n");
        repo.git("reset", "-q", "--hard", first);
        repo.commit("notes/b.md", "b\n");
        assertThat(run(repo.dir(), "verify", "--base", before)).isEqualTo(2);
        assertThat(err.lines())
                .containsExactly("atomizer: history rewritten: base " + before.substring(0, 10)
                        + " is not an ancestor of head HEAD ("
                        + repo.git("rev-parse", "HEAD").substring(0, 10) + "); 1 commit "
                        + "of the base is not in the head (a forced push or a rebase rewrote them); push the old history back, "
                        + "or merge it, instead of rewriting it");
    }
}
