package dev.atomizer.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files past JGit's streaming threshold are read from their stream, once, loose or packed (JGit's
 * {@code getBytes} fails on them with a {@code LargeObjectException}); a file past a quarter of the
 * heap is refused with one line naming the file, its size, the limit and what to do. The
 * threshold and the limit are lowered here so that small files take those paths; the benchmark
 * (bench/big-log.sh) runs a 95 MB log through the launcher's heap.
 */
class LargeFileTest {

    static final String LOG = "shared/project_log.md";

    @TempDir
    Path dir;

    static String log(int entries) {
        StringBuilder b = new StringBuilder("# Project log\n\n");
        for (int i = 0; i < entries; i++) {
            b.append("## [2026-02-16 09:00] manager | p | milestone\n\n**Summary:** Entry ")
                    .append(i)
                    .append(".\n\n---\n\n");
        }
        return b.toString();
    }

    @Test
    void aFilePastTheStreamingThresholdIsReadWholeLooseAndPacked() throws Exception {
        GitFixture repo = GitFixture.init(dir);
        String before = log(2_000);
        String after = before + log(10);
        String first = repo.commit(LOG, before);
        String second = repo.commit(LOG, after);
        for (boolean packed : new boolean[] {false, true}) {
            if (packed) {
                repo.git("gc", "-q"); // the second version is stored as a delta of the first, or the reverse
            }
            try (GitRepo git = GitRepo.open(dir)) {
                git.streamFileThreshold(4096);
                assertThat(new String(git.files(first).read(LOG), StandardCharsets.UTF_8))
                        .isEqualTo(before);
                assertThat(new String(git.files(second).read(LOG), StandardCharsets.UTF_8))
                        .isEqualTo(after);
                FileChange change = git.changes(second, 0).get(0);
                assertThat(new String(change.oldContent().bytes(), StandardCharsets.UTF_8))
                        .isEqualTo(before);
                assertThat(new String(change.newContent().bytes(), StandardCharsets.UTF_8))
                        .isEqualTo(after);
            }
        }
    }

    @Test
    void aFilePastTheLimitIsRefusedWithOneLine() throws Exception {
        GitFixture repo = GitFixture.init(dir);
        String id = repo.commit(LOG, log(100));
        try (GitRepo git = GitRepo.open(dir)) {
            assertThat(git.maxFileBytes()).isEqualTo(Runtime.getRuntime().maxMemory() / 4);
            git.maxFileBytes(1024);
            assertThatThrownBy(() -> git.files(id).read(LOG))
                    .isInstanceOf(FileTooLargeException.class)
                    .hasMessageStartingWith(
                            LOG + " is 0.0 MB, more than a run reads (0.0 MB: a quarter of the Java heap")
                    .hasMessageContaining("ATOMIZER_JAVA_OPTS=-Xmx1g")
                    .hasMessageNotContaining("\n");
            FileChange change = git.changes(id, 0).get(0);
            assertThatThrownBy(() -> change.newContent().bytes())
                    .isInstanceOf(FileTooLargeException.class)
                    .hasMessageStartingWith(LOG + " is ");
        }
    }
}
