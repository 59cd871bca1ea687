package dev.atomizer.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staged diff as git itself reports it ({@code git diff --cached --name-status -M}), whatever
 * the attributes: the walk reads no .gitattributes, and HEAD is resolved once per run.
 */
class GitRepoTest {

    @TempDir
    Path dir;

    @Test
    void theStagedChangesAreGitsWhateverTheAttributes() throws Exception {
        GitFixture repo = GitFixture.init(dir);
        repo.write(
                ".gitattributes",
                "*.md text eol=crlf diff=markdown\nshared/project_log.md merge=atomizer-log\n" + "*.bin binary\n");
        repo.write("shared/project_log.md", "# Log\r\n\r\n## entry\r\n");
        repo.write("docs/a.md", "alpha\nbeta\ngamma\ndelta\n");
        repo.write("docs/gone.md", "to be deleted\n");
        repo.write("data.bin", "\0\1\2");
        repo.git("add", "-A");
        repo.commit("base");
        repo.append("shared/project_log.md", "\r\n## more\r\n");
        repo.git("mv", "docs/a.md", "docs/b.md");
        repo.git("rm", "-q", "docs/gone.md");
        repo.write("data.bin", "\0\1\2\3");
        repo.write("new.md", "new\n");
        repo.git("add", "-A");
        try (GitRepo git = GitRepo.open(dir)) {
            assertThat(render(git.stagedChanges()))
                    .containsExactlyInAnyOrderElementsOf(List.of(repo.git("diff", "--cached", "--name-status", "-M")
                            .strip()
                            .split("\n")));
            // as git stored them (text=auto/eol attributes normalise at 'git add', not at read)
            assertThat(new String(git.headFiles().read("shared/project_log.md"), StandardCharsets.UTF_8))
                    .isEqualTo(repo.git("show", "HEAD:shared/project_log.md"));
            assertThat(new String(git.index().read("shared/project_log.md"), StandardCharsets.UTF_8))
                    .isEqualTo(repo.git("show", ":shared/project_log.md"));
            assertThat(git.headFiles().read("docs/gone.md")).isNotNull();
            assertThat(git.index().read("docs/gone.md")).isNull();
            assertThat(git.stagedChanges()).hasSize(5);
        }
    }

    @Test
    void beforeTheFirstCommitEverythingIsAdded() throws Exception {
        GitFixture repo = GitFixture.init(dir);
        repo.stage("shared/project_log.md", "# Log\n");
        try (GitRepo git = GitRepo.open(dir)) {
            assertThat(git.head()).isNull();
            assertThat(render(git.stagedChanges())).containsExactly("A\tshared/project_log.md");
            assertThat(git.headFiles().read("shared/project_log.md")).isNull();
        }
    }

    private static List<String> render(List<FileChange> changes) throws Exception {
        List<String> out = new ArrayList<>();
        for (FileChange c : changes) {
            out.add(
                    switch (c.kind()) {
                        case ADD -> "A\t" + c.newPath();
                        case MODIFY -> "M\t" + c.newPath();
                        case DELETE -> "D\t" + c.oldPath();
                        case RENAME -> "R100\t" + c.oldPath() + "\t" + c.newPath();
                        case COPY -> "C\t" + c.oldPath() + "\t" + c.newPath();
                    });
        }
        return out;
    }
}
