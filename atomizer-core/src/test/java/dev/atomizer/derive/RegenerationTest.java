package dev.atomizer.derive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.Atomizer;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.Workspace;
import dev.atomizer.git.GitFixture;
import dev.atomizer.install.Scaffold;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pre-commit's fixer for stale derived files: a repository as init lays it out (its files and its
 * dashboards), whose team edits its contract and projects before the root commit.
 */
class RegenerationTest {

    static final String AGENT_ROW = "| `manager` | Runs the team | |\n";
    static final String PROJECT_ROW = "| `second-project` | Second | Amber | active | Start | manager | |\n";

    @TempDir
    Path tmp;

    GitFixture repo;

    @BeforeEach
    void layOut() throws Exception {
        repo = GitFixture.init(tmp.resolve("team"));
        // what init does, without the hooks
        Scaffold.make(repo.dir());
        Atomizer.at(Workspace.at(repo.dir()), Map.of(), repo.dir()).dashboards(null);
    }

    /** The team makes the contract and the projects its own, as the README says. */
    void editContractAndProjects() throws Exception {
        String contract = repo.read(Workspace.CONTRACT);
        String header = "|-------|------|--------------|\n";
        assertThat(contract).contains(header);
        repo.write(Workspace.CONTRACT, contract.replace(header, header + AGENT_ROW));
        String status = repo.read(Workspace.STATUS);
        String first = status.lines()
                        .filter(l -> l.startsWith("| `first-project`"))
                        .findFirst()
                        .orElseThrow()
                + "\n";
        repo.write(Workspace.STATUS, status.replace(first, first + PROJECT_ROW));
    }

    Atomizer.Checked preCommit() throws Exception {
        return Atomizer.at(repo.dir(), Map.of()).preCommit(false);
    }

    static List<String> messages(Atomizer.Checked c) {
        return c.result().diagnostics().stream()
                .map(d -> d.path() + " " + d.rule() + " " + d.message())
                .toList();
    }

    @Test
    void initsFilesCommitAsTheyAre() throws Exception {
        repo.git("add", "-A");
        Atomizer.Checked c = preCommit();
        assertThat(c.result().diagnostics()).isEmpty();
        assertThat(c.regenerated()).isEmpty();
    }

    @Test
    void dashboardsInitMadeAreStaleOnceTheSourcesChangeAndAreRegeneratedInTheWorkingTreeOnly() throws Exception {
        editContractAndProjects();
        repo.git("add", "-A");
        String log = repo.read(Workspace.LOG);
        String staged = repo.git("ls-files", "-s");

        Atomizer.Checked c = preCommit();

        assertThat(c.failed()).isTrue();
        assertThat(c.regenerated()).isNotEmpty();
        assertThat(c.result().diagnostics()).extracting(Diagnostic::rule).containsOnly("generated-file");
        assertThat(c.result().diagnostics()).extracting(Diagnostic::path).containsExactlyElementsOf(c.regenerated());
        assertThat(messages(c))
                .allMatch(m -> m.endsWith(" is stale (untouched while its sources changed): regenerated in the"
                        + " working tree from the staged sources"));
        assertThat(c.regeneratedLine())
                .isEqualTo("regenerated "
                        + (c.regenerated().size() == 1
                                ? "1 file"
                                : c.regenerated().size() + " files")
                        + ": stage " + (c.regenerated().size() == 1 ? "it" : "them") + " (git add "
                        + String.join(" ", c.regenerated()) + ") and commit again");
        // the index is the user's, the log is never touched, only the derived files were written
        assertThat(repo.git("ls-files", "-s")).isEqualTo(staged);
        assertThat(repo.read(Workspace.LOG)).isEqualTo(log);
        assertThat(repo.git("diff", "--name-only").lines().toList()).containsExactlyElementsOf(c.regenerated());

        repo.git("add", "-A");
        Atomizer.Checked again = preCommit();
        assertThat(again.result().diagnostics()).isEmpty();
        assertThat(again.regenerated()).isEmpty();
    }

    @Test
    void aHandEditIsRefusedAsOneAndNeverOverwritten() throws Exception {
        editContractAndProjects();
        String edited = repo.read(ExecSummary.PATH) + "\nAll green, trust me.\n";
        repo.write(ExecSummary.PATH, edited);
        repo.git("add", "-A");

        Atomizer.Checked c = preCommit();

        assertThat(messages(c))
                .contains(ExecSummary.PATH + " generated-file " + ExecSummary.PATH
                        + " is generated and was edited by hand: it differs from what init made and from what the"
                        + " generator makes of the staged sources (or it was made before they last changed); run"
                        + " 'atomizer dashboards', which replaces it, and stage the result");
        assertThat(repo.read(ExecSummary.PATH)).isEqualTo(edited);
        assertThat(c.regenerated()).doesNotContain(ExecSummary.PATH);

        // after the root commit, an edit of a committed dashboard is one too
        repo.git("checkout", "--", ExecSummary.PATH);
        repo.git("reset", "-q");
        Atomizer.at(Workspace.at(repo.dir()), Map.of(), repo.dir()).dashboards(null);
        repo.git("add", "-A");
        repo.commit("Set up");
        repo.append(ExecSummary.PATH, "\nAll green, trust me.\n");
        repo.git("add", "-A");
        Atomizer.Checked later = preCommit();
        assertThat(messages(later))
                .containsExactly(ExecSummary.PATH + " generated-file " + ExecSummary.PATH
                        + " is generated and was edited by hand: it differs from HEAD's version and from what the"
                        + " generator makes of the staged sources (or it was made before they last changed); run"
                        + " 'atomizer dashboards', which replaces it, and stage the result");
        assertThat(later.regenerated()).isEmpty();
        assertThat(repo.read(ExecSummary.PATH)).endsWith("All green, trust me.\n");
    }

    @Test
    void theFilesAreMadeOfTheStagedSourcesWhenTheWorkingTreesDiffer() throws Exception {
        editContractAndProjects();
        repo.git("add", "-A");
        // more work in the working tree, not staged (git add -p users)
        repo.append(
                Workspace.STATUS,
                "\n## Planned\n\n| Item | Project | Due | Owner |\n|---|---|---|---|\n"
                        + "| Kick-off | second-project | 2026-03-02 | manager |\n");
        String staged = repo.git("ls-files", "-s");

        Atomizer.Checked c = preCommit();

        assertThat(c.regenerated()).isNotEmpty();
        assertThat(c.unstagedSources()).containsExactly(Workspace.STATUS);
        assertThat(c.regeneratedLine())
                .startsWith("regenerated ")
                .contains(" from the staged sources (the working tree's shared/PROJECT_STATUS.md differs from the"
                        + " staged one): stage only ")
                .endsWith("(git add " + String.join(" ", c.regenerated()) + ") and commit again");
        assertThat(repo.git("ls-files", "-s")).isEqualTo(staged);
        // staging only the regenerated files makes the commit go through
        for (String path : c.regenerated()) {
            repo.git("add", "--", path);
        }
        assertThat(preCommit().result().diagnostics()).isEmpty();
    }

    @Test
    void aWorkingTreeCopyWithEditsNotStagedIsLeftAsItIs() throws Exception {
        editContractAndProjects();
        repo.git("add", "-A");
        String mine = repo.read(ExecSummary.PATH) + "\nnotes of mine\n";
        repo.write(ExecSummary.PATH, mine);

        Atomizer.Checked c = preCommit();

        assertThat(messages(c))
                .contains(ExecSummary.PATH + " generated-file " + ExecSummary.PATH
                        + " is stale (untouched while its sources changed): not regenerated, its working-tree copy"
                        + " differs from the staged one (edits not staged); run 'atomizer dashboards' and stage the"
                        + " result");
        assertThat(c.regenerated()).doesNotContain(ExecSummary.PATH);
        assertThat(repo.read(ExecSummary.PATH)).isEqualTo(mine);
    }

    @Test
    void withoutRegenerationNothingIsWritten() throws Exception {
        editContractAndProjects();
        repo.git("add", "-A");
        Atomizer.Checked c = Atomizer.at(repo.dir(), Map.of()).preCommit(false, false);
        assertThat(c.failed()).isTrue();
        assertThat(c.regenerated()).isEmpty();
        assertThat(messages(c))
                .allMatch(m -> m.contains(" is stale: its sources changed and it is untouched (as init"
                        + " made it); run 'atomizer dashboards' and stage the result"));
        assertThat(repo.git("diff", "--name-only")).isEmpty();
    }
}
