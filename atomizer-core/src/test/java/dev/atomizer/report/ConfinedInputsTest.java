package dev.atomizer.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs read from the working tree are the repository's own regular files: no symlink leads out. */
class ConfinedInputsTest {

    @TempDir
    Path root;

    ReportFixture repo() throws Exception {
        return new ReportFixture(root)
                .entry("2026-03-02 09:00", "manager", "alpha", "milestone", "completed", "Gate passed", null)
                .entry("2026-03-09 09:00", "manager", "alpha", "task-completed", "completed", "Next week", null)
                .write();
    }

    @Test
    void aTemplateLinkedToTheGitConfigIsRefusedAndNothingIsWritten() throws Exception {
        repo();
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(
                root.resolve(".git/config"), "[remote \"origin\"]\n\turl = https://x:TOKEN@example.com/r.git\n");
        Path template = root.resolve("shared/reports/templates/weekly-template.md");
        Files.createDirectories(template.getParent());
        Files.createSymbolicLink(template, Path.of("../../../.git/config"));
        assertThatThrownBy(() -> Reports.weekly(root, null, null, false))
                .isInstanceOf(AtomizerException.class)
                .hasMessageContaining("shared/reports/templates/weekly-template.md")
                .hasMessageContaining("leads outside the repository's files")
                .hasMessageNotContaining("TOKEN");
        assertThat(root.resolve("shared/reports/weekly")).doesNotExist();
    }

    @Test
    void aSymlinkOutOfTheRepositoryAFolderOrADanglingLinkIsNotRead() throws Exception {
        Path outside = Files.writeString(root.resolveSibling(root.getFileName() + "-secret.txt"), "secret\n");
        Path repoRoot = Files.createDirectories(root.resolve("repo"));
        Files.createDirectories(repoRoot.resolve("shared"));
        Files.createSymbolicLink(repoRoot.resolve(Workspace.STATUS), outside);
        assertThatThrownBy(() -> Workspace.readInside(repoRoot, Workspace.STATUS))
                .hasMessageStartingWith("leads outside");
        Files.createDirectories(repoRoot.resolve(Workspace.LOG));
        assertThatThrownBy(() -> Workspace.readInside(repoRoot, Workspace.LOG))
                .hasMessageStartingWith("is not a regular file (a folder)");
        Files.createDirectories(repoRoot.resolve("shared/data-contracts"));
        Files.createSymbolicLink(repoRoot.resolve(Workspace.CONTRACT), Path.of("nowhere.md"));
        assertThatThrownBy(() -> Workspace.readInside(repoRoot, Workspace.CONTRACT))
                .hasMessageStartingWith("is a symlink to nothing");
        // a link inside the repository's own files is read; an absent file is null
        Files.writeString(repoRoot.resolve("shared/real.md"), "real\n");
        Files.createSymbolicLink(repoRoot.resolve("shared/link.md"), Path.of("real.md"));
        assertThat(Workspace.readInside(repoRoot, "shared/link.md")).isEqualTo("real\n".getBytes());
        assertThat(Workspace.readInside(repoRoot, "shared/absent.md")).isNull();
        Files.delete(outside);
    }
}
