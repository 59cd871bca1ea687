package dev.atomizer.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.Atomizer;
import dev.atomizer.api.Workspace;
import dev.atomizer.derive.Derived;
import dev.atomizer.derive.ExecSummary;
import dev.atomizer.derive.Sources;
import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generated-file (pre-commit, verify) and generated-stale (check) over real repositories. */
class DerivedFilesTest {

    static final String LOG = Workspace.LOG;

    @TempDir
    Path tmp;

    GitFixture repo;

    @BeforeEach
    void init() throws Exception {
        repo = GitFixture.init(tmp.resolve("repo"));
        repo.commit(LOG, "# Log\n\n" + GitChecksTest.entry("2026-02-16 09:00", "completed"));
    }

    List<String> preCommit() throws Exception {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            return GitChecksTest.render(
                    GitChecks.preCommit(git, Map.of(), Derived.files()).diagnostics());
        }
    }

    @Test
    void aRegeneratedDashboardIsAcceptedAndAHandEditedOneRejected() throws Exception {
        dev.atomizer.Atomizer.at(repo.dir(), java.util.Map.of()).dashboards(null);
        repo.git("add", "shared/dashboards");
        assertThat(preCommit()).isEmpty();
        repo.commit("dashboards");

        repo.append(ExecSummary.PATH, "- all green, trust me\n");
        repo.git("add", ExecSummary.PATH);
        assertThat(preCommit()).containsExactly(ExecSummary.PATH + ":1 generated-file");
    }

    @Test
    void theDashboardIsJudgedAgainstTheStagedLogNotTheWorkingTree() throws Exception {
        repo.append(LOG, GitChecksTest.entry("2026-02-16 10:00", "completed"));
        repo.git("add", LOG);
        dev.atomizer.Atomizer.at(repo.dir(), java.util.Map.of()).dashboards(null);
        repo.git("add", "shared/dashboards");
        assertThat(preCommit()).isEmpty();
        // an unstaged later entry changes the working tree only: the staged dashboard still matches the index
        repo.append(LOG, GitChecksTest.entry("2026-02-16 11:00", "completed"));
        assertThat(preCommit()).isEmpty();
        // and a dashboard made from that unstaged entry does not match what is staged
        dev.atomizer.Atomizer.at(repo.dir(), java.util.Map.of()).dashboards(null);
        repo.git("add", ExecSummary.PATH);
        assertThat(preCommit()).containsExactly(ExecSummary.PATH + ":1 generated-file");
    }

    @Test
    void verifyCatchesAHandEditCommittedWithNoVerify() throws Exception {
        String base = repo.git("rev-parse", "HEAD").strip();
        dev.atomizer.Atomizer.at(repo.dir(), java.util.Map.of()).dashboards(null);
        repo.git("add", "shared/dashboards");
        repo.commit("dashboards");
        repo.write(ExecSummary.PATH, "# Executive summary\n\nAll green.\n");
        repo.git("add", ExecSummary.PATH);
        repo.commit("hand edit");
        try (GitRepo git = GitRepo.open(repo.dir())) {
            var r = GitChecks.verify(git, base, "HEAD", Map.of(), Derived.files(), c -> {});
            assertThat(r.diagnostics())
                    .extracting(d -> d.path() + " " + d.rule())
                    .containsExactly(ExecSummary.PATH + " generated-file");
        }
    }

    @Test
    void checkLintsGovernsAndFindsStaleDashboards() throws Exception {
        dev.atomizer.Atomizer.at(repo.dir(), java.util.Map.of()).dashboards(null);
        repo.git("add", "shared");
        repo.commit("dashboards");
        Atomizer atomizer = Atomizer.open(Workspace.discover(repo.dir()), Map.of(), repo.dir());
        assertThat(atomizer.check().diagnostics()).isEmpty();

        // a new entry makes every dashboard stale; an edit above the end breaks append-only
        repo.append(LOG, GitChecksTest.entry("2026-02-16 10:00", "completed"));
        assertThat(atomizer.check().diagnostics())
                .extracting(d -> d.path() + " " + d.rule())
                .containsExactly(
                        "shared/dashboards/exec-summary.md generated-stale",
                        "shared/dashboards/operations.md generated-stale",
                        "shared/dashboards/technical.md generated-stale",
                        "shared/kpi/metrics.md generated-stale");
        repo.write(LOG, repo.read(LOG).replace("Gate passed.", "Gate passed!"));
        assertThat(atomizer.check().diagnostics())
                .extracting(d -> d.path() + " " + d.rule())
                .contains(LOG + " append-only");
        // the severity is the contract's or the caller's
        repo.git("checkout", "--", LOG);
        repo.append(LOG, GitChecksTest.entry("2026-02-16 10:00", "completed"));
        var warn = Atomizer.open(
                        Workspace.discover(repo.dir()),
                        Map.of("generated-stale", dev.atomizer.api.Severity.WARNING),
                        repo.dir())
                .check();
        assertThat(warn.summary().errors()).isZero();
        assertThat(warn.summary().warnings()).isEqualTo(4);
        assertThat(new String(
                        Derived.generate(Sources.workingTree(repo.dir()), null).get(ExecSummary.PATH),
                        StandardCharsets.UTF_8))
                .contains("as of 2026-02-16 10:00");
    }
}
