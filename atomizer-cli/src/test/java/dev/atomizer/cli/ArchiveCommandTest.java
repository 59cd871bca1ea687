package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.git.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atomizer archive} from the command line, and the merge driver after an archive commit:
 * a real {@code git merge} with the driver installed (this build's {@code merge-driver} command),
 * either side archived, the other appending.
 */
class ArchiveCommandTest {

    static final String LOG = "shared/project_log.md";
    static final String PREAMBLE = "# Project log\n\n";

    static String entry(String ts, String summary) {
        return "## [" + ts + "] manager | alpha | milestone\n\n**Status:** completed\n**Summary:** " + summary
                + "\n\n---\n\n";
    }

    static final String E1 = entry("2026-01-05 09:00", "First.");
    static final String E2 = entry("2026-01-20 10:00", "Second.");
    static final String E3 = entry("2026-02-02 11:00", "Third.");

    @TempDir
    Path tmp;

    GitFixture repo() throws Exception {
        GitFixture repo = GitFixture.init(tmp.resolve("repo"));
        repo.git("config", "user.name", "Agent");
        repo.git("config", "user.email", "agent@example.com");
        repo.commit(LOG, PREAMBLE + E1 + E2 + E3);
        return repo;
    }

    @Test
    void archivesAndCommitsOrRefusesWithOneLineAndExitTwo() throws Exception {
        GitFixture repo = repo();
        CliRun run = CliRun.of(repo.dir(), "archive", "--before", "2026-02-01");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err())
                .contains("moved 2 entries to shared/archive/project_log-before-2026-02-01.md (1 left in the log);"
                        + " committed");
        assertThat(repo.read(LOG)).isEqualTo(PREAMBLE + E3);

        CliRun again = CliRun.of(repo.dir(), "archive", "--before", "2026-02-01");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err().strip().lines()).singleElement().asString().contains("nothing to archive");

        CliRun badDay = CliRun.of(repo.dir(), "archive", "--before", "February");
        assertThat(badDay.code()).isEqualTo(2);
        assertThat(badDay.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void noCommitLeavesBothStaged() throws Exception {
        GitFixture repo = repo();
        CliRun run = CliRun.of(repo.dir(), "archive", "--before", "2026-01-10", "--no-commit");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("staged, not committed");
        assertThat(repo.git("diff", "--cached", "--name-only").lines().sorted().toList())
                .containsExactly("shared/archive/project_log-before-2026-01-10.md", LOG);
    }

    @Test
    void theDriverMergesAppendsIntoAnArchivedLogOnEitherSide() throws Exception {
        for (boolean oursArchives : new boolean[] {true, false}) {
            GitFixture repo = GitFixture.init(tmp.resolve("merge-" + oursArchives));
            repo.git("config", "user.name", "Agent");
            repo.git("config", "user.email", "agent@example.com");
            installDriver(repo);
            repo.commit(LOG, PREAMBLE + E1 + E2 + E3);
            repo.git("checkout", "-q", "-b", "other");
            String ours = entry("2026-02-03 09:00", "Ours.");
            String theirs = entry("2026-02-04 09:00", "Theirs.");
            // the archiving side archives (and appends too), the other only appends
            String archiving = oursArchives ? "main" : "other";
            String appending = oursArchives ? "other" : "main";
            repo.git("checkout", "-q", archiving);
            assertThat(CliRun.of(repo.dir(), "archive", "--before", "2026-02-01")
                            .code())
                    .isZero();
            repo.commit(LOG, repo.read(LOG) + (oursArchives ? ours : theirs));
            repo.git("checkout", "-q", appending);
            repo.commit(LOG, repo.read(LOG) + (oursArchives ? theirs : ours));

            repo.git("checkout", "-q", "main");
            GitFixture.Run merge = repo.run("merge", "--no-edit", "other");
            assertThat(merge.code()).as(merge.out() + merge.err()).isZero();
            assertThat(repo.read(LOG)).as("ours archives: " + oursArchives).isEqualTo(PREAMBLE + E3 + ours + theirs);
            assertThat(repo.read("shared/archive/project_log-before-2026-02-01.md"))
                    .isEqualTo("# Project log archive: entries before 2026-02-01\n\n" + E1 + E2);
        }
    }

    /** The merge driver as install-hooks registers it, run from this build's classes. */
    static void installDriver(GitFixture repo) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path script = repo.dir().resolveSibling(repo.dir().getFileName() + "-driver.sh");
        Files.writeString(
                script,
                "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
                        + "' dev.atomizer.cli.Main merge-driver \"$@\"\n");
        script.toFile().setExecutable(true);
        repo.git("config", "merge.atomizer-log.driver", script + " %O %A %B");
        repo.commit(".gitattributes", LOG + " merge=atomizer-log\n");
    }
}
