package dev.atomizer.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.FileOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Derived files are written all or nothing: a failure leaves the old set and names its cause. */
class DerivedWriteTest {

    @TempDir
    Path root;

    static Map<String, byte[]> set(String version) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String p : new String[] {
            "shared/dashboards/exec-summary.md",
            "shared/dashboards/technical.md",
            "shared/dashboards/operations.md",
            "shared/kpi/metrics.md"
        }) {
            files.put(p, (p + " " + version + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    @Test
    void aFailureOnTheLastFileLeavesTheOldSetAndSaysWhy() throws Exception {
        Derived.write(root, set("v1"));
        // the KPI folder replaced by a file: the last of the four cannot be written
        Path kpi = root.resolve("shared/kpi");
        Files.delete(kpi.resolve("metrics.md"));
        Files.delete(kpi);
        Files.writeString(kpi, "not a folder\n");
        assertThatThrownBy(() -> Derived.write(root, set("v2")))
                .isInstanceOf(AtomizerException.class)
                .hasMessageStartingWith("shared/kpi/metrics.md: cannot write (")
                .hasMessageEndingWith("; no derived file was changed");
        assertThat(Files.readString(root.resolve("shared/dashboards/exec-summary.md")))
                .endsWith(" v1\n");
        assertThat(Files.readString(root.resolve("shared/dashboards/operations.md")))
                .endsWith(" v1\n");
        try (Stream<Path> left = Files.list(root.resolve("shared/dashboards"))) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no temporary file is left")
                    .containsExactlyInAnyOrder("exec-summary.md", "technical.md", "operations.md");
        }
    }

    @Test
    void aFolderWhereAFileShouldBeIsRefusedBeforeAnythingMoves() throws Exception {
        Derived.write(root, set("v1"));
        Path metrics = root.resolve("shared/kpi/metrics.md");
        Files.delete(metrics);
        Files.createDirectories(metrics.resolve("inside"));
        assertThatThrownBy(() -> Derived.write(root, set("v2")))
                .hasMessage(
                        "shared/kpi/metrics.md: cannot write (a folder is in the way); no derived file was changed");
        assertThat(Files.readString(root.resolve("shared/dashboards/technical.md")))
                .endsWith(" v1\n");
    }

    @Test
    void unchangedFilesAreNotRewritten() throws Exception {
        Derived.write(root, set("v1"));
        assertThat(Derived.write(root, set("v1"))).allMatch(o -> !o.written());
        Map<String, byte[]> one = set("v1");
        one.put("shared/kpi/metrics.md", "new\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Derived.write(root, one))
                .filteredOn(FileOutcome::written)
                .extracting(FileOutcome::path)
                .containsExactly("shared/kpi/metrics.md");
    }
}
