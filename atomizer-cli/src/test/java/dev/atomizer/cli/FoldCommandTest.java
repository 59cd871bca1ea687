package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.Workspace;
import dev.atomizer.git.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atomizer log} with the contract's {@code Entry inbox: on} writes inbox files, and
 * {@code atomizer fold} appends them to the log in time order and empties the inbox; with nothing
 * to fold it says so and exits 0; the committed fold verifies.
 */
class FoldCommandTest {

    @TempDir
    Path tmp;

    @Test
    void logWritesToTheInboxAndFoldAppendsItToTheLog() throws Exception {
        GitFixture repo = GitFixture.init(tmp.resolve("repo"));
        dev.atomizer.install.Scaffold.make(repo.dir());
        repo.write(
                Workspace.CONTRACT,
                repo.read(Workspace.CONTRACT).replace("| Entry inbox | off |", "| Entry inbox | on |"));
        repo.git("add", "-A");
        String start = repo.commit("Set up");

        CliRun empty = CliRun.of(repo.dir(), "fold");
        assertThat(empty.code()).isZero();
        assertThat(empty.err()).contains("atomizer: nothing to fold");

        String log = repo.read(Workspace.LOG);
        CliRun late = CliRun.of(
                repo.dir(), CliRun.logMilestone("first-project", "--summary", "Late.", "--time", "2026-06-02 11:00"));
        assertThat(late.code()).as(late.err()).isZero();
        CliRun early = CliRun.of(
                repo.dir(), CliRun.logMilestone("first-project", "--summary", "Early.", "--time", "2026-06-02 10:00"));
        assertThat(early.code()).as(early.err()).isZero();
        assertThat(early.err()).contains("to shared/inbox/2026-06-02T1000-");
        assertThat(repo.read(Workspace.LOG)).isEqualTo(log);
        repo.git("add", "-A");
        String logged = repo.commit("Log two entries");
        assertThat(CliRun.of(repo.dir(), "verify", "--base", start).code()).isZero();

        CliRun fold = CliRun.of(repo.dir(), "fold");
        assertThat(fold.code()).as(fold.err()).isZero();
        assertThat(fold.err())
                .contains(
                        "atomizer: 2 entries folded into shared/project_log.md; commit the log and the inbox together");
        String folded = repo.read(Workspace.LOG);
        assertThat(folded).startsWith(log);
        assertThat(folded.indexOf("[2026-06-02 10:00]")).isLessThan(folded.indexOf("[2026-06-02 11:00]"));
        try (var files = Files.list(repo.file(Workspace.INBOX))) {
            assertThat(files).isEmpty();
        }
        repo.git("add", "-A");
        repo.commit("Fold");
        CliRun verify = CliRun.of(repo.dir(), "verify", "--base", logged);
        assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    }
}
