package dev.atomizer.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomizer.Atomizer;
import dev.atomizer.api.Archived;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.Workspace;
import dev.atomizer.git.GitFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atomizer archive} in a real repository: one commit, the files' bytes, the refusals. */
class ArchiverTest {

    static final String PREAMBLE = "# Project log\n\nAppend-only activity log.\n\n";

    static String entry(String ts, String summary) {
        return "## [" + ts + "] manager | alpha | milestone\n\n**Status:** completed\n**Summary:** " + summary
                + "\n\n---\n\n";
    }

    static final String E1 = entry("2026-01-05 09:00", "First.");
    static final String E2 = entry("2026-01-20 10:00", "Second.");
    static final String E3 = entry("2026-02-02 11:00", "Third.");
    static final String E4 = entry("2026-02-10 12:00", "Fourth.");

    @TempDir
    Path tmp;

    GitFixture repo(String log) throws Exception {
        GitFixture repo = GitFixture.init(tmp.resolve("repo"));
        repo.git("config", "user.name", "Agent");
        repo.git("config", "user.email", "agent@example.com");
        repo.commit(Workspace.LOG, log);
        return repo;
    }

    static Atomizer atomizer(GitFixture repo) {
        return Atomizer.at(repo.dir(), Map.of());
    }

    @Test
    void movesTheEntriesBeforeTheDayByteForByteInOneCommit() throws Exception {
        GitFixture repo = repo(PREAMBLE + E1 + E2 + E3 + E4);
        String before = repo.git("rev-parse", "HEAD").strip();

        Archived a = atomizer(repo).archive(LocalDate.of(2026, 2, 1), true);

        String archive = "shared/archive/project_log-before-2026-02-01.md";
        assertThat(a).isEqualTo(new Archived(archive, 2, 2, true));
        assertThat(repo.read(archive)).isEqualTo("# Project log archive: entries before 2026-02-01\n\n" + E1 + E2);
        assertThat(repo.read(Workspace.LOG)).isEqualTo(PREAMBLE + E3 + E4);
        assertThat(repo.git("rev-parse", "HEAD~1").strip()).isEqualTo(before);
        assertThat(repo.git("log", "-1", "--format=%s").strip())
                .isEqualTo("Archive the log's entries before 2026-02-01");
        assertThat(repo.git("show", "--name-only", "--format=", "HEAD")
                        .lines()
                        .sorted()
                        .toList())
                .containsExactly(archive, Workspace.LOG);
        assertThat(repo.git("status", "--porcelain")).isEmpty();
    }

    @Test
    void withoutCommitBothFilesAreStaged() throws Exception {
        GitFixture repo = repo(PREAMBLE + E1 + E2 + E3);
        String head = repo.git("rev-parse", "HEAD").strip();

        Archived a = atomizer(repo).archive(LocalDate.of(2026, 3, 1), false);

        assertThat(a.entries()).isEqualTo(3);
        assertThat(a.committed()).isFalse();
        assertThat(repo.git("rev-parse", "HEAD").strip()).isEqualTo(head);
        assertThat(repo.git("diff", "--cached", "--name-status")
                        .lines()
                        .sorted()
                        .toList())
                .containsExactly("A\tshared/archive/project_log-before-2026-03-01.md", "M\t" + Workspace.LOG);
        assertThat(repo.read(Workspace.LOG)).isEqualTo(PREAMBLE);
    }

    @Test
    void crlfAndAByteOrderMarkStayWhereTheyWere() throws Exception {
        String bom = "\uFEFF";
        String log = (PREAMBLE + E1 + E2).replace("\n", "\r\n");
        GitFixture repo = repo(bom + log);

        atomizer(repo).archive(LocalDate.of(2026, 1, 10), true);

        byte[] archived = Files.readAllBytes(repo.file("shared/archive/project_log-before-2026-01-10.md"));
        assertThat(new String(archived, StandardCharsets.UTF_8))
                .isEqualTo("# Project log archive: entries before 2026-01-10\r\n\r\n" + E1.replace("\n", "\r\n"));
        assertThat(repo.read(Workspace.LOG)).isEqualTo(bom + (PREAMBLE + E2).replace("\n", "\r\n"));
    }

    @Test
    void refusesWhenNothingIsDatedBeforeTheDay() throws Exception {
        GitFixture repo = repo(PREAMBLE + E1 + E2);
        assertThatThrownBy(() -> atomizer(repo).archive(LocalDate.of(2026, 1, 5), true))
                .isInstanceOf(AtomizerException.class)
                .hasMessageContaining("nothing to archive")
                .hasMessageContaining("line 5");
        assertUnchanged(repo, PREAMBLE + E1 + E2);
    }

    @Test
    void refusesAnArchiveThatExists() throws Exception {
        GitFixture repo = repo(PREAMBLE + E1 + E2 + E3);
        atomizer(repo).archive(LocalDate.of(2026, 1, 10), true);
        repo.commit(Workspace.LOG, PREAMBLE + E1.replace("First", "Again") + E2 + E3);
        assertThatThrownBy(() -> atomizer(repo).archive(LocalDate.of(2026, 1, 10), true))
                .isInstanceOf(AtomizerException.class)
                .hasMessageContaining("project_log-before-2026-01-10.md: the archive exists");
    }

    @Test
    void refusesWhenOtherChangesAreStaged() throws Exception {
        GitFixture repo = repo(PREAMBLE + E1 + E2);
        repo.stage("notes.md", "a note\n");
        assertThatThrownBy(() -> atomizer(repo).archive(LocalDate.of(2026, 2, 1), true))
                .isInstanceOf(AtomizerException.class)
                .hasMessageContaining("the index has staged changes (notes.md)");
        assertThat(repo.read(Workspace.LOG)).isEqualTo(PREAMBLE + E1 + E2);
        assertThat(Files.exists(repo.file(Workspace.ARCHIVES))).isFalse();
    }

    @Test
    void refusesEntriesWithLintErrorsButNotErrorsInThePartThatStays() throws Exception {
        String bad = E2.replace("**Status:** completed", "**Status:** done");
        GitFixture repo = repo(PREAMBLE + E1 + bad + E3);
        assertThatThrownBy(() -> atomizer(repo).archive(LocalDate.of(2026, 2, 1), true))
                .isInstanceOf(AtomizerException.class)
                .hasMessageMatching("shared/project_log.md:\\d+: error \\[status-invalid\\] .*fix the log first");
        assertUnchanged(repo, PREAMBLE + E1 + bad + E3);

        // the error stays in the log: archiving the entry before it is fine
        Archived a = atomizer(repo).archive(LocalDate.of(2026, 1, 10), true);
        assertThat(a.entries()).isEqualTo(1);
    }

    @Test
    void aRefusedCommitLeavesTheFilesAsTheyWere() throws Exception {
        GitFixture repo = repo(PREAMBLE + E1 + E2);
        Path hook = repo.file(".git/hooks/pre-commit");
        Files.writeString(hook, "#!/bin/sh\necho 'no archives today' >&2\nexit 1\n");
        hook.toFile().setExecutable(true);
        assertThatThrownBy(() -> atomizer(repo).archive(LocalDate.of(2026, 2, 1), true))
                .isInstanceOf(AtomizerException.class)
                .hasMessageContaining("git commit failed")
                .hasMessageContaining("the log is as it was");
        assertUnchanged(repo, PREAMBLE + E1 + E2);
    }

    @Test
    void lintReadsTheArchivesAndTheLogAsOneHistory() throws Exception {
        GitFixture repo = repo(PREAMBLE + E1 + E2 + E3);
        atomizer(repo).archive(LocalDate.of(2026, 2, 1), true);
        // an entry older than the archive's last one: timestamp-order runs on across the files
        repo.commit(Workspace.LOG, repo.read(Workspace.LOG) + entry("2026-01-25 09:00", "Late."));
        Atomizer.LintResult r = atomizer(repo).lint(List.of(repo.file(Workspace.LOG)));
        assertThat(r.summary().entries()).isEqualTo(4);
        assertThat(r.diagnostics()).extracting(Diagnostic::rule).containsExactly("timestamp-order");
    }

    @Test
    void anArchivedEntryWithAnErrorIsLintedInItsArchive() throws Exception {
        GitFixture repo = repo(PREAMBLE + E1 + E2);
        atomizer(repo).archive(LocalDate.of(2026, 1, 10), true);
        String archive = "shared/archive/project_log-before-2026-01-10.md";
        repo.commit(archive, repo.read(archive).replace("**Status:** completed", "**Status:** done"));
        List<Diagnostic> found = new ArrayList<>();
        atomizer(repo).lint(repo.file(Workspace.LOG), found::add);
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.path()).endsWith(archive);
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.rule()).isEqualTo("status-invalid");
        });
    }

    private static void assertUnchanged(GitFixture repo, String log) throws Exception {
        assertThat(repo.read(Workspace.LOG)).isEqualTo(log);
        assertThat(Files.exists(repo.file(Workspace.ARCHIVES))
                        && Files.list(repo.file(Workspace.ARCHIVES)).findAny().isPresent())
                .isFalse();
        assertThat(repo.git("status", "--porcelain")).isEmpty();
    }
}
