package dev.atomizer.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report-revision}: a report's revision is added with an approval, beside what it supersedes. */
class ReportRevisionRuleTest {

    static final String W50 = "shared/reports/weekly/2026-W50-report.md";
    static final String W50_R2 = "shared/reports/weekly/2026-W50-report.r2.md";
    static final String APPROVED = "Revise\n\nChange-Request: CR-50\nApproved-by: ceo\n";

    @TempDir
    Path tmp;

    GitFixture repo;

    @BeforeEach
    void init() throws Exception {
        repo = GitFixture.init(tmp.resolve("repo"));
        repo.commit(
                "shared/project_log.md",
                "# Project log\n\n## [2026-12-07 09:00] manager | alpha | milestone\n\n**Status:** completed\n"
                        + "**Summary:** Gate.\n\n---\n\n");
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

    static List<String> render(List<Diagnostic> ds) {
        return ds.stream().map(d -> d.path() + ":" + d.line() + " " + d.rule()).toList();
    }

    @Test
    void theFirstReportIsFreeItsRevisionNeedsAnApproval() throws Exception {
        repo.stage(W50, "# W50\n");
        assertThat(preCommit()).isEmpty();
        assertThat(commitMsg("Weekly report")).isEmpty();
        repo.commit("Weekly report");
        repo.stage(W50_R2, "> **Revision 2**, superseding `" + W50 + "`: early\n\n# W50\n");
        repo.stage("shared/reports/weekly/2026-W50-report.r2.pdf", "%PDF\n");
        assertThat(preCommit()).isEmpty();
        List<Diagnostic> refused = commitMsg("Revise");
        assertThat(render(refused))
                .containsExactly(
                        W50_R2 + ":1 report-revision",
                        "shared/reports/weekly/2026-W50-report.r2.pdf:1 report-revision");
        assertThat(refused.get(0).message())
                .startsWith(W50_R2 + " is revision 2 of " + W50 + " (superseding " + W50
                        + ") and was added without an approved change request (")
                .contains("'Change-Request: <id>' and 'Approved-by: <approver id>'");
        assertThat(commitMsg("Revise\n\nChange-Request: CR-50\nApproved-by: intern\n"))
                .hasSize(2);
        assertThat(commitMsg(APPROVED)).isEmpty();
    }

    @Test
    void aRevisionBesideNothingIsRefusedEvenApproved() throws Exception {
        repo.stage("shared/reports/weekly/2026-W50-report.r3.md", "# W50\n");
        assertThat(render(commitMsg(APPROVED)))
                .containsExactly("shared/reports/weekly/2026-W50-report.r3.md:1 report-revision");
        assertThat(commitMsg(APPROVED).get(0).message())
                .contains("but shared/reports/weekly/2026-W50-report.r2.md, which it would supersede, is not there")
                .contains("'atomizer report weekly --week 2026-W50 --revise --reason \"…\"'");
        // a revision and the report it supersedes, added together: the approval carries both
        repo.git("rm", "-q", "--cached", "shared/reports/weekly/2026-W50-report.r3.md");
        repo.stage(W50, "# W50\n").stage(W50_R2, "# W50 again\n");
        assertThat(commitMsg(APPROVED)).isEmpty();
    }

    @Test
    void renamingSomethingIntoARevisionIsAddingOne() throws Exception {
        repo.commit(W50, "# W50\n");
        repo.commit("notes/w50-fix.md", "# W50, fixed by hand, long enough for git to see a rename\n");
        repo.git("mv", "notes/w50-fix.md", W50_R2);
        assertThat(render(commitMsg("Move"))).containsExactly(W50_R2 + ":1 report-revision");
        assertThat(commitMsg(APPROVED)).isEmpty();
    }

    @Test
    void writeOnceNamesTheWayToCorrectAReport() throws Exception {
        repo.commit(W50, "# W50\n");
        repo.git("rm", "-q", W50);
        List<Diagnostic> ds = preCommit();
        assertThat(render(ds)).containsExactly(W50 + ":1 write-once");
        assertThat(ds.get(0).message())
                .isEqualTo(W50 + " is a report snapshot (write-once) and was deleted; reports are immutable once"
                        + " generated: restore it with 'git checkout HEAD -- " + W50 + "'; to correct it, write its"
                        + " next revision beside it with 'atomizer report weekly --week 2026-W50 --revise --reason"
                        + " \"…\"' and commit that with the trailers 'Change-Request: <id>' and 'Approved-by:"
                        + " <approver id>'");
    }
}
