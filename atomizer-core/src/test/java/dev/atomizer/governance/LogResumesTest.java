package dev.atomizer.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.governance.AppendCheck.Resume;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogResumesTest {

    private static final String A = "a".repeat(40);
    private static final String B = "b".repeat(40);

    @Test
    void resumePointsSurviveTheFile(@TempDir Path dir) {
        Path file = dir.resolve("atomizer/log-resumes");
        LogResumes r = LogResumes.at(file);
        assertThat(r.of(A)).isEqualTo(Resume.START);
        r.remember(A, new Resume(120, "2026-03-01 10:00"));
        r.remember(B, new Resume(7, null));
        r.save();
        LogResumes back = LogResumes.at(file);
        assertThat(back.of(A)).isEqualTo(new Resume(120, "2026-03-01 10:00"));
        assertThat(back.of(B)).isEqualTo(new Resume(7, null));
        assertThat(back.of(null)).isEqualTo(Resume.START);
    }

    @Test
    void onlyTheLastVersionsAreKept(@TempDir Path dir) {
        Path file = dir.resolve("log-resumes");
        LogResumes r = LogResumes.at(file);
        for (int i = 0; i < 20; i++) {
            r.remember(String.format("%040x", i), new Resume(i, null));
        }
        r.save();
        LogResumes back = LogResumes.at(file);
        assertThat(back.of(String.format("%040x", 0))).isEqualTo(Resume.START);
        assertThat(back.of(String.format("%040x", 19))).isEqualTo(new Resume(19, null));
    }

    @Test
    void linesThatDoNotReadBackAreIgnored(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("log-resumes");
        Files.writeString(file, "not a line\n" + A + " -3\n" + B + " 99999999999\n" + A.toUpperCase() + " 5\n");
        LogResumes r = LogResumes.at(file);
        assertThat(r.of(A)).isEqualTo(Resume.START);
        assertThat(r.of(B)).isEqualTo(Resume.START);
    }

    @Test
    void aResumePointThatDoesNotFitTheVersionIsNotUsed() throws Exception {
        // a stale or forged point (not at a heading of this version) is ignored: the version is read whole
        byte[] old = ("# Log\n\n## [2026-03-01 09:00] manager | p | milestone\n\n**Status:** completed\n"
                        + "**Summary:** s\n\n---\n")
                .getBytes();
        byte[] neu = (new String(old) + "\n## [2026-03-01 09:30] manager | p | milestone\n").getBytes();
        AppendCheck whole = AppendCheck.compare(old, neu);
        for (Resume forged : new Resume[] {
            new Resume(3, "2099-01-01 00:00"), new Resume(0, "2099-01-01 00:00"), new Resume(old.length + 10, null)
        }) {
            AppendCheck c = AppendCheck.compare(old, neu, forged);
            assertThat(c.previousTimestamp())
                    .isEqualTo(whole.previousTimestamp())
                    .isEqualTo("2026-03-01 09:00");
        }
    }

    @Test
    void aMissingDirectoryIsNoError(@TempDir Path dir) {
        LogResumes r = LogResumes.at(dir.resolve("file-as-dir"));
        r.remember(A, new Resume(1, null));
        assertThat(dir.resolve("file-as-dir")).doesNotExist();
        r.save();
        assertThat(LogResumes.at(dir.resolve("file-as-dir")).of(A)).isEqualTo(new Resume(1, null));
    }
}
