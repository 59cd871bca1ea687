package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.git.GitFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on governed paths that are not regular files, or that a file system folding
 * names would take for another: a finding with its rule, path and fix, exit code 1; never an I/O
 * error (exit code 2).
 */
class GovernedFilesCliTest extends CliTest {

    static final String LOG = "shared/project_log.md";
    static final String MESH = "knowledge-base/mesh.md";
    static final String LESSONS = "# Mesh\n" + "A lesson learned the hard way, kept for the next study.\n".repeat(8);

    @TempDir
    Path tmp;

    void assertRefused(GitFixture repo, String base, String path, String rule, String says) throws Exception {
        assertThat(run(repo.dir(), "pre-commit")).as(err).isEqualTo(1);
        assertThat(out).contains(path + ":1:1: error [" + rule + "]").contains(says);
        assertThat(err).doesNotContain("cannot read");
        repo.commit("Made past the hooks");
        assertThat(run(repo.dir(), "verify", "--base", base)).as(err).isEqualTo(1);
        assertThat(out).contains(path + ":1:1: error [" + rule + "]").contains(says);
        assertThat(err).doesNotContain("cannot read");
    }

    GitFixture base() throws Exception {
        GitFixture repo = GitFixture.init(tmp.resolve("repo"));
        repo.write(LOG, MainTest.GOOD);
        repo.write(MESH, LESSONS);
        repo.git("add", "-A");
        repo.commit("Base");
        return repo;
    }

    @Test
    void aSubmoduleInPlaceOfAKnowledgeFileIsADeletion() throws Exception {
        GitFixture repo = base();
        String base = repo.git("rev-parse", "HEAD").strip();
        repo.git("rm", "-q", "--cached", MESH);
        repo.git("update-index", "--add", "--cacheinfo", "160000," + base + "," + MESH);
        assertRefused(repo, base, MESH, "no-delete", "is a submodule (gitlink) here, in place of the file");
    }

    @Test
    void aSubmoduleInPlaceOfTheLogIsADeletion() throws Exception {
        GitFixture repo = base();
        String base = repo.git("rev-parse", "HEAD").strip();
        repo.git("rm", "-q", "--cached", LOG);
        repo.git("update-index", "--add", "--cacheinfo", "160000," + base + "," + LOG);
        assertRefused(repo, base, LOG, "append-only", "a governed path must be a regular file");
    }

    @Test
    void aSymlinkToAShortenedCopyWithAPaddedTargetIsADeletion() throws Exception {
        GitFixture repo = base();
        String base = repo.git("rev-parse", "HEAD").strip();
        repo.write("knowledge-base/mesh-short.md", LESSONS.substring(0, LESSONS.length() / 4));
        Files.delete(repo.file(MESH));
        Files.createSymbolicLink(repo.file(MESH), Path.of("./".repeat(LESSONS.length()) + "mesh-short.md"));
        repo.git("add", "-A");
        assertRefused(repo, base, MESH, "no-delete", "is a symlink here, in place of the file: a deletion of the file");
    }

    @Test
    void aLogByAFoldedNameIsACollision() throws Exception {
        GitFixture repo = base();
        String base = repo.git("rev-parse", "HEAD").strip();
        // staged through git's plumbing: the name reaches git whatever the locale
        Path blob = Files.writeString(tmp.resolve("blob"), MainTest.BAD, StandardCharsets.UTF_8);
        String id = repo.git("hash-object", "-w", blob.toString()).strip();
        Path info = Files.writeString(
                tmp.resolve("info"), "100644 " + id + "\t\u017fhared/project_log.md\n", StandardCharsets.UTF_8);
        assertThat(repo.run("/bin/sh", "-c", "git update-index --index-info < '" + info + "'")
                        .code())
                .isZero();
        assertRefused(repo, base, "\u017fhared/project_log.md", "path-collision", "and " + LOG + " differ only");
        assertThat(out).doesNotContain("status-invalid");
    }
}
