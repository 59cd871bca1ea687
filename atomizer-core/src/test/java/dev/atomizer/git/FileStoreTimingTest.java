package dev.atomizer.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JGit measures a file store's timestamp resolution by writing probe files into the directory of a
 * just-written file it compares (a repository's {@code .git}). Atomizer declares the timing
 * instead: opening, checking and closing a repository leaves nothing behind and nothing running
 * that could write into {@code .git} while a hook's JVM exits or a test deletes the repository.
 */
class FileStoreTimingTest {

    @TempDir
    Path dir;

    @Test
    void openingCheckingAndClosingARepositoryWritesNothingIntoItsGitDirectory() throws Exception {
        GitFixture repo = GitFixture.init(dir.resolve("repo"));
        repo.commit("a.md", "alpha\n");
        repo.commit("a.md", "alpha\nbeta\n");
        repo.stage("b.md", "gamma\n");
        Path gitDir = repo.dir().resolve(".git");
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            gitDir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            // the config, the refs and the index were written a moment ago: every snapshot JGit
            // takes of them is "racily clean", the case that asks for the store's resolution
            try (GitRepo git = GitRepo.open(repo.dir())) {
                String head = git.head();
                assertThat(git.range(head + "~1", head)).hasSize(1);
                assertThat(git.stagedChanges()).hasSize(1);
                assertThat(git.config("core", null, "bare")).isEqualTo("false");
                // and asked directly, as JGit asks when it compares a snapshot
                assertThat(FS.getFileStoreAttributes(gitDir).getFsTimestampResolution())
                        .as("the declared resolution, read from config rather than measured")
                        .isEqualTo(FileStoreTiming.DECLARED);
            }
            // a measurement left running would still be creating probe files now
            List<String> created = new ArrayList<>();
            WatchKey key = watch.poll(300, TimeUnit.MILLISECONDS);
            while (key != null) {
                for (WatchEvent<?> e : key.pollEvents()) {
                    created.add(String.valueOf(e.context()));
                }
                key.reset();
                key = watch.poll(100, TimeUnit.MILLISECONDS);
            }
            assertThat(created).as("files created in .git").isEmpty();
        }
        try (var files = Files.walk(gitDir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".probe")))
                    .isEmpty();
        }
        assertThat(Thread.getAllStackTraces().keySet())
                .map(Thread::getName)
                .noneMatch(n -> n.startsWith("JGit-FileStoreAttributeWriter"));
    }
}
