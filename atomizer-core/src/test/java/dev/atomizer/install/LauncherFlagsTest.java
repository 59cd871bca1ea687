package dev.atomizer.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher and the installer agree: the class-data archive install-hooks records is only used
 * by a JVM started with the same collector and compiler flags, so every flag it records with is on
 * the launcher's command line.
 */
class LauncherFlagsTest {

    @Test
    void theLauncherStartsTheHookWithTheArchivesFlags() throws Exception {
        List<String> exec = Files.readAllLines(Path.of("../hooks/atomizer")).stream()
                .filter(l -> l.startsWith("exec \"$java\"")).toList();
        assertThat(exec).hasSize(1);
        List<String> words = List.of(exec.get(0).split("\\s+"));
        assertThat(words).containsAll(HookInstaller.ARCHIVE_FLAGS);
    }
}
