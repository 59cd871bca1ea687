package dev.atomizer.governance;

import static dev.atomizer.governance.GitChecksTest.BASE;
import static dev.atomizer.governance.GitChecksTest.LOG;
import static dev.atomizer.governance.GitChecksTest.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A governed path is judged by what a checkout puts there (a symlink or a submodule in place of a
 * governed file is a deletion of it), and by the names a file system that folds them takes for it
 * (a new path that folds onto a governed one is refused). Through the real git binary: the hooks'
 * checks on the index, then verify on the commits made past them.
 */
class GovernedFilesTest {

    static final String MESH = "knowledge-base/mesh.md";
    static final String LESSONS =
            "# Mesh\n" + "A lesson learned the hard way, kept for the next study of the bracket.\n".repeat(8);
    static final String APPROVED = "\n\nChange-Request: CR-9\nApproved-by: ceo\n";

    @TempDir
    Path tmp;

    GitFixture repo;

    @BeforeEach
    void init() throws Exception {
        repo = GitFixture.init(tmp.resolve("repo"));
    }

    List<Diagnostic> preCommit() throws AtomizerException {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            return GitChecks.preCommit(git, Map.of(), DerivedFiles.NONE).diagnostics();
        }
    }

    List<Diagnostic> commitMsg(String message) throws AtomizerException {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            return GitChecks.commitMsg(git, message, Map.of()).diagnostics();
        }
    }

    List<Diagnostic> verify(String base) throws AtomizerException {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            return GitChecks.verify(git, base, "HEAD", Map.of(), DerivedFiles.NONE, c -> {})
                    .diagnostics();
        }
    }

    static List<String> render(List<Diagnostic> ds) {
        return GitChecksTest.render(ds);
    }

    /** Stages {@code text} at {@code path} with {@code mode} through git's plumbing: any name, whatever the locale. */
    void stageRaw(String mode, String path, String text) throws Exception {
        Path blob = Files.writeString(tmp.resolve("blob"), text, StandardCharsets.UTF_8);
        String id = repo.git("hash-object", "-w", blob.toString()).strip();
        stageEntry(mode, id, path);
    }

    void stageEntry(String mode, String id, String path) throws Exception {
        Path info = Files.writeString(tmp.resolve("index-info"), mode + " " + id + "\t" + path + "\n");
        GitFixture.Run r = repo.run("/bin/sh", "-c", "git update-index --index-info < '" + info + "'");
        assertThat(r.code()).as(r.err()).isZero();
    }

    /** A gitlink (submodule) at {@code path} in place of whatever was staged there. */
    void stageGitlink(String path, String commit) throws Exception {
        repo.git("rm", "-q", "--cached", "--ignore-unmatch", "--", path);
        repo.git("update-index", "--add", "--cacheinfo", "160000," + commit + "," + path);
    }

    static void assertFinding(Diagnostic d, String path, String rule, String... says) {
        assertThat(d.path()).isEqualTo(path);
        assertThat(d.rule()).isEqualTo(rule);
        assertThat(d.message()).contains(says).doesNotContain("cannot read");
    }

    // ---- file types ----

    /**
     * A knowledge file replaced by a symlink to a copy cut to a quarter: the link's bytes are its
     * target's path, never the file's, so however long the target path is padded, it is a deletion.
     */
    @ParameterizedTest(name = "target {0}")
    @ValueSource(
            strings = {"mesh-quarter.md", "../notes/mesh.md", "PADDED", "/etc/hostname", "no-such-file.md", "mesh.md"})
    void aSymlinkInPlaceOfAKnowledgeFileIsADeletionWhateverItsTarget(String target) throws Exception {
        repo.commit(MESH, LESSONS);
        String base = repo.git("rev-parse", "HEAD").strip();
        String link = target.equals("PADDED") ? "./".repeat(LESSONS.length()) + "mesh-quarter.md" : target;
        assertThat(link.length() > LESSONS.length()).isEqualTo(target.equals("PADDED"));
        repo.write("knowledge-base/mesh-quarter.md", LESSONS.substring(0, LESSONS.length() / 4));
        repo.write("notes/mesh.md", LESSONS.substring(0, LESSONS.length() / 4));
        Files.delete(repo.file(MESH));
        Files.createSymbolicLink(repo.file(MESH), Path.of(link));
        repo.git("add", "-A");

        // pre-commit already: no approval could make a link the file
        List<Diagnostic> found = preCommit();
        assertThat(render(found)).containsExactly(MESH + ":1 no-delete");
        assertFinding(
                found.get(0),
                MESH,
                "no-delete",
                "accumulative (no-delete) and is a symlink here, in place of the file: a deletion of the file",
                "a governed path must be a regular file",
                "git checkout HEAD -- " + MESH);
        assertThat(render(commitMsg("Point at the short copy" + APPROVED))).containsExactly(MESH + ":1 no-delete");

        repo.commit("Point at the short copy (hooks skipped)" + APPROVED);
        found = verify(base);
        assertThat(render(found)).containsExactly(MESH + ":1 no-delete");
        assertFinding(found.get(0), MESH, "no-delete", "is a symlink here, in place of the file");
        try (GitRepo git = GitRepo.open(repo.dir())) {
            var listed = dev.atomizer.audit.Audit.of(
                            git,
                            base,
                            "HEAD",
                            GitChecks.verify(git, base, "HEAD", Map.of(), DerivedFiles.NONE, c -> {}))
                    .protectedChanges();
            assertThat(listed)
                    .extracting(p -> p.path() + " " + p.change())
                    .containsExactly(MESH + " replaced by a symlink (a deletion of the file)");
        }

        // the fix the message names works
        repo.git("reset", "-q", "--soft", "HEAD^");
        repo.git("checkout", "HEAD", "--", MESH);
        assertThat(Files.isSymbolicLink(repo.file(MESH))).isFalse();
        assertThat(preCommit()).isEmpty();
    }

    /** A symlink or a submodule in place of a governed file, for every policy: its own rule, in pre-commit and verify. */
    @Test
    void aLinkOrASubmoduleInPlaceOfAnyGovernedFileIsADeletionUnderItsPolicy() throws Exception {
        repo.write(MESH, LESSONS);
        repo.write("context-docs/00-mission.md", "# Mission\n\nBuild the bracket.\n");
        repo.write("shared/reports/weekly/2026-W08-report.md", "# W08\n\nAll gates passed.\n");
        repo.write("shared/dashboards/exec.md", "# Exec\n");
        repo.write(LOG, BASE);
        repo.git("add", "-A");
        String base = repo.commit("Base");
        String[] paths = {
            MESH,
            "context-docs/00-mission.md",
            "shared/reports/weekly/2026-W08-report.md",
            "shared/dashboards/exec.md",
            LOG
        };
        String[] rules = {"no-delete", "immutable-path", "write-once", "generated-file", "append-only"};

        // submodules (gitlinks), as 'git update-index --cacheinfo 160000,…' makes them
        for (String p : paths) {
            stageGitlink(p, base);
        }
        List<Diagnostic> found = preCommit();
        assertThat(found).hasSize(paths.length);
        for (int i = 0; i < paths.length; i++) {
            String path = paths[i];
            assertFinding(
                    found.stream()
                            .filter(x -> x.path().equals(path))
                            .findFirst()
                            .orElseThrow(),
                    paths[i],
                    rules[i],
                    "is a submodule (gitlink) here, in place of the file: a deletion of the file",
                    "a governed path must be a regular file");
        }
        assertThat(render(commitMsg("Submodules" + APPROVED)))
                .containsExactlyInAnyOrder(MESH + ":1 no-delete", "context-docs/00-mission.md:1 immutable-path");
        repo.commit("Submodules everywhere (hooks skipped)" + APPROVED);
        found = verify(base);
        assertThat(render(found))
                .containsExactlyInAnyOrder(
                        MESH + ":1 no-delete",
                        "context-docs/00-mission.md:1 immutable-path",
                        "shared/reports/weekly/2026-W08-report.md:1 write-once",
                        "shared/dashboards/exec.md:1 generated-file",
                        LOG + ":1 append-only");
        assertThat(found).allSatisfy(d -> assertThat(d.message()).contains("is a submodule (gitlink) here"));

        // symlinks, as a checkout makes them
        repo.git("reset", "-q", "--hard", base);
        for (String p : paths) {
            repo.write(p + ".copy", "short\n");
            Files.delete(repo.file(p));
            Files.createSymbolicLink(repo.file(p), repo.file(p + ".copy").getFileName());
        }
        repo.git("add", "-A");
        found = preCommit();
        assertThat(render(found))
                .containsExactlyInAnyOrder(
                        MESH + ":1 no-delete",
                        "context-docs/00-mission.md:1 immutable-path",
                        "shared/reports/weekly/2026-W08-report.md:1 write-once",
                        "shared/dashboards/exec.md:1 generated-file",
                        LOG + ":1 append-only");
        assertThat(found).allSatisfy(d -> assertThat(d.message()).contains("is a symlink here, in place of the file"));
    }

    /** A dashboard staged while its source (the log) is a submodule: generated-file says so, never an I/O error. */
    @Test
    void aDerivedFileWhoseSourceIsASubmoduleIsAFinding() throws Exception {
        repo.write(LOG, BASE);
        repo.write("shared/dashboards/exec.md", "# Exec\n");
        repo.git("add", "-A");
        String base = repo.commit("Base");
        stageGitlink(LOG, base);
        repo.stage("shared/dashboards/exec.md", "# Exec, by hand\n");
        DerivedFiles readsTheLog = (path, sources) -> {
            sources.read(LOG);
            return new byte[0];
        };
        try (GitRepo git = GitRepo.open(repo.dir())) {
            List<Diagnostic> found =
                    GitChecks.preCommit(git, Map.of(), readsTheLog).diagnostics();
            assertThat(render(found))
                    .containsExactlyInAnyOrder(LOG + ":1 append-only", "shared/dashboards/exec.md:1 generated-file");
            assertFinding(
                    found.stream()
                            .filter(d -> d.rule().equals("generated-file"))
                            .findFirst()
                            .orElseThrow(),
                    "shared/dashboards/exec.md",
                    "generated-file",
                    LOG + " is a submodule (gitlink)");
        }
    }

    /** A symlink in place of a foundational document: an approval does not make it one. */
    @Test
    void aSymlinkInPlaceOfAFoundationalDocumentIsRefusedEvenApproved() throws Exception {
        String mission = "context-docs/00-mission.md";
        repo.commit(mission, "# Mission\n\nBuild the bracket; never cut corners on the margins.\n");
        String base = repo.git("rev-parse", "HEAD").strip();
        repo.write("drafts/mission.md", "# Mission\n\nWhatever the optimizer says.\n");
        Files.delete(repo.file(mission));
        Files.createSymbolicLink(repo.file(mission), Path.of("../drafts/mission.md"));
        repo.git("add", "-A");
        List<Diagnostic> found = preCommit();
        assertThat(render(found)).containsExactly(mission + ":1 immutable-path");
        assertFinding(
                found.get(0),
                mission,
                "immutable-path",
                "foundational (context-docs/**, immutable) and is a symlink here, in place of the file");
        assertThat(render(commitMsg("Point at the draft" + APPROVED))).containsExactly(mission + ":1 immutable-path");
        repo.commit("Point at the draft" + APPROVED);
        assertThat(render(verify(base))).containsExactly(mission + ":1 immutable-path");
        // while an approved edit of the document itself passes
        repo.git("reset", "-q", "--hard", base);
        repo.stage(mission, "# Mission\n\nBuild the bracket.\n");
        assertThat(commitMsg("Edit the mission" + APPROVED)).isEmpty();
    }

    /** A symlink or a submodule added where no file was: refused at every governed path. */
    @Test
    void aLinkOrASubmoduleAddedAtAGovernedPathIsRefused() throws Exception {
        repo.commit("notes/a.md", "a\n");
        String base = repo.git("rev-parse", "HEAD").strip();
        stageRaw("120000", "knowledge-base/solver.md", "../notes/a.md");
        stageRaw("120000", "shared/reports/weekly/2026-W09-report.md", "/etc/passwd");
        stageRaw("120000", "context-docs/01-charter.md", "../notes/a.md");
        stageGitlink("shared/kpi/metrics.md", base);
        stageGitlink(LOG, base);
        List<Diagnostic> found = preCommit();
        assertThat(render(found))
                .containsExactlyInAnyOrder(
                        "knowledge-base/solver.md:1 no-delete",
                        "shared/reports/weekly/2026-W09-report.md:1 write-once",
                        "context-docs/01-charter.md:1 immutable-path",
                        "shared/kpi/metrics.md:1 generated-file",
                        LOG + ":1 append-only");
        assertThat(found)
                .allSatisfy(d -> assertThat(d.message())
                        .contains("here: a governed path must be a regular file")
                        .doesNotContain("in place of"));
        repo.commit("Links (hooks skipped)" + APPROVED);
        assertThat(render(verify(base))).hasSize(5);
    }

    /** An executable bit keeps a regular file: a knowledge file made executable, and grown, is fine. */
    @Test
    void anExecutableFileIsStillAFile() throws Exception {
        repo.commit(MESH, LESSONS);
        String base = repo.git("rev-parse", "HEAD").strip();
        repo.write(MESH, LESSONS + "One more lesson.\n");
        repo.git("add", MESH);
        repo.git("update-index", "--chmod=+x", MESH);
        assertThat(preCommit()).isEmpty();
        assertThat(commitMsg("Grow the notes")).isEmpty();
        repo.commit("Grow the notes");
        assertThat(verify(base)).isEmpty();
        // cut while executable: still a shrink, told in bytes
        repo.write(MESH, "# Mesh\n");
        repo.git("add", MESH);
        repo.git("update-index", "--chmod=+x", MESH);
        assertThat(commitMsg("Cut")).singleElement().satisfies(d -> assertFinding(d, MESH, "no-delete", "shrank from"));
    }

    /** The log as a gitlink, whatever it held and however it ended: a deletion, never an I/O error. */
    @ParameterizedTest(name = "log ending {0}")
    @ValueSource(strings = {"closed", "unclosed", "crlf", "no-newline", "other-date"})
    void aLogMadeASubmoduleIsADeletionOfTheLog(String ending) throws Exception {
        String log = switch (ending) {
            case "unclosed" -> BASE.substring(0, BASE.lastIndexOf("---"));
            case "crlf" -> BASE.replace("\n", "\r\n");
            case "no-newline" -> BASE.stripTrailing();
            case "other-date" -> "# Project log\n\n" + entry("2031-12-31 23:59", "completed");
            default -> BASE;
        };
        String base = repo.commit(LOG, log);
        stageGitlink(LOG, base);
        assertThat(preCommit())
                .singleElement()
                .satisfies(d ->
                        assertFinding(d, LOG, "append-only", "is a submodule (gitlink) here, in place of the file"));
        repo.commit("Log as a submodule (hooks skipped)");
        assertThat(verify(base))
                .singleElement()
                .satisfies(d -> assertFinding(d, LOG, "append-only", "a deletion of the file"));
    }

    // ---- names that fold ----

    /**
     * The long s folds to s: {@code ſhared/project_log.md} is not the log (it is not linted or compared
     * as one), and a new file by that name is refused, naming the log.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "\u017fhared/project_log.md",
                "Shared/project_log.md",
                "SHARED/PROJECT_LOG.MD",
                "shared/project_LOG.md",
                "shared/project_log.m\u0044"
            })
    void aNewPathThatFoldsOntoTheLogIsRefusedNamingBoth(String variant) throws Exception {
        String base = repo.commit(LOG, BASE);
        // an entry the log's contract refuses: the variant is no log, so it is not linted
        stageRaw("100644", variant, BASE + entry("2026-02-16 11:00", "bogus"));
        List<Diagnostic> found = preCommit();
        assertThat(found).singleElement().satisfies(d -> {
            assertFinding(d, variant, "path-collision", variant + " and " + LOG, "(append-only)", "NTFS, APFS");
        });
        repo.commit("Another log (hooks skipped)");
        assertThat(render(verify(base))).containsExactly(variant + ":1 path-collision");
    }

    /** Folds against existing governed files and governed globs: case, the Kelvin sign, accents composed or not. */
    @Test
    void foldsOfGovernedPathsAreRefusedAndNotFoldsAreNot() throws Exception {
        String resume = "context-docs/r\u00e9sum\u00e9.md";
        stageRaw("100644", MESH, LESSONS);
        stageRaw("100644", resume, "# R\u00e9sum\u00e9\n");
        stageRaw("100644", "shared/kpi/metrics.md", "# KPIs\n");
        String base = repo.commit("Base");

        // the Kelvin sign is a K, on APFS: an existing knowledge file by another name
        stageRaw("100644", "\u212Anowledge-base/mesh.md", "# Mesh\n");
        // a decomposed é: both names match context-docs/**, and APFS holds them in one file
        stageRaw("100644", "context-docs/re\u0301sume\u0301.md", "# Another\n");
        // a case variant of a glob's match where no file is yet
        stageRaw("100644", "Shared/Reports/weekly/2026-W09-report.md", "# W09\n");
        // not folds: I with a dot above is no i, a different letter is a different name
        stageRaw("100644", "shared/kpi/metr\u0130cs.md", "x\n");
        stageRaw("100644", "shared/kpi/metrics2.md", "x\n");
        List<Diagnostic> found = preCommit();
        assertThat(render(found))
                .containsExactlyInAnyOrder(
                        "\u212Anowledge-base/mesh.md:1 path-collision",
                        "context-docs/re\u0301sume\u0301.md:1 path-collision",
                        "Shared/Reports/weekly/2026-W09-report.md:1 path-collision");
        assertThat(message(found, "\u212Anowledge-base/mesh.md")).contains(" and " + MESH + " differ only");
        assertThat(message(found, "context-docs/re\u0301sume\u0301.md")).contains(" and " + resume + " differ only");
        assertThat(message(found, "Shared/Reports/weekly/2026-W09-report.md"))
                .contains(" and a path of shared/reports/weekly/** differ only", "(write-once)");
        repo.commit("Folds (hooks skipped)" + APPROVED);
        // an approval changes nothing: the names are the problem
        assertThat(render(verify(base)))
                .hasSize(3)
                .allSatisfy(d -> assertThat(d).endsWith("path-collision"));
    }

    /** A rename onto a fold of a governed path: refused too (and a rename out of the knowledge base is a deletion there). */
    @Test
    void aRenameToAFoldIsRefused() throws Exception {
        String base = repo.commit(MESH, LESSONS);
        repo.commit("knowledge-base/solver.md", LESSONS.replace("Mesh", "Solver"));
        stageRaw("100644", "knowledge-base/MESH.md", "short\n");
        Files.createDirectories(repo.file("Knowledge-Base"));
        repo.git("mv", "knowledge-base/solver.md", "Knowledge-Base/solver.md");
        List<Diagnostic> found = preCommit();
        assertThat(render(found))
                .containsExactlyInAnyOrder(
                        "knowledge-base/MESH.md:1 path-collision", "Knowledge-Base/solver.md:1 path-collision");
        assertThat(message(found, "knowledge-base/MESH.md")).contains(" and " + MESH + " differ only");
        assertThat(render(commitMsg("Rename" + APPROVED))).isEmpty();
        assertThat(render(commitMsg("Rename"))).containsExactly("Knowledge-Base/solver.md:1 no-delete");
        repo.commit("Rename (hooks skipped)");
        assertThat(render(verify(base)))
                .containsExactlyInAnyOrder(
                        "knowledge-base/MESH.md:1 path-collision",
                        "Knowledge-Base/solver.md:1 no-delete",
                        "Knowledge-Base/solver.md:1 path-collision");
    }

    static String message(List<Diagnostic> ds, String path) {
        return ds.stream()
                .filter(d -> d.path().equals(path))
                .findFirst()
                .orElseThrow()
                .message();
    }
}
