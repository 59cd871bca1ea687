package dev.atomizer.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.Atomizer;
import dev.atomizer.Generated;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.Workspace;
import dev.atomizer.derive.Derived;
import dev.atomizer.derive.ExecSummary;
import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitRepo;
import dev.atomizer.report.IsoWeek;
import dev.atomizer.report.Reports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * not-generated over real repositories: under the folders only the generator writes, a file it
 * does not make is refused, and a report added there must be the one 'atomizer report' makes of the
 * same state; in pre-commit, in verify (each commit and the range's net effect) and in check.
 */
class NotGeneratedTest {

    static final String LOG = Workspace.LOG;
    static final String W08 = Workspace.weeklyReport("2026-W08");
    static final String RULE = NotGenerated.INFO.id();
    /** A clock long after the weeks of these logs: every cut-off has come. */
    static final Instant LATER = Instant.parse("2026-06-01T00:00:00Z");

    @TempDir
    Path tmp;

    GitFixture repo;

    @BeforeEach
    void init() throws Exception {
        repo = GitFixture.init(tmp.resolve("repo"));
        repo.commit(
                LOG,
                "# Log\n\n" + GitChecksTest.entry("2026-02-16 09:00", "completed")
                        + GitChecksTest.entry("2026-02-18 09:00", "completed"));
    }

    static DerivedFiles generated() {
        return Generated.of(Derived.files(), () -> LATER);
    }

    List<String> preCommit() throws Exception {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            return GitChecksTest.render(
                    GitChecks.preCommit(git, Map.of(), generated()).diagnostics());
        }
    }

    List<Diagnostic> verify(String base) throws Exception {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            return GitChecks.verify(git, base, "HEAD", Map.of(), generated(), c -> {})
                    .diagnostics();
        }
    }

    static List<String> rendered(List<Diagnostic> ds) {
        return ds.stream()
                .map(d -> d.path() + " " + d.rule() + " " + d.severity())
                .toList();
    }

    String head() throws Exception {
        return repo.git("rev-parse", "HEAD").strip();
    }

    void dashboards() throws Exception {
        Atomizer.at(repo.dir(), Map.of()).dashboards(null);
        repo.git("add", "shared/dashboards", "shared/kpi");
    }

    /** The report 'atomizer report weekly --week W' writes into the working tree. */
    void writeWeekly(String week) throws Exception {
        Reports.weekly(repo.dir(), IsoWeek.parse(week, "week"), null, LATER, false);
    }

    @Test
    void aForgedSecondExecSummaryIsRefusedInPreCommitAndVerify() throws Exception {
        dashboards();
        assertThat(preCommit()).isEmpty();
        repo.commit("dashboards");
        String base = head();

        String forged = "shared/dashboards/exec-summary-board.md";
        repo.stage(forged, repo.read(ExecSummary.PATH).replace("🟠", "🟢").replace("🔴", "🟢") + "All green.\n");
        assertThat(preCommit()).containsExactly(forged + ":1 " + RULE);
        try (GitRepo git = GitRepo.open(repo.dir())) {
            Diagnostic d = GitChecks.preCommit(git, Map.of(), generated())
                    .diagnostics()
                    .get(0);
            assertThat(d.message())
                    .contains(forged + " is under shared/dashboards/ and 'atomizer dashboards' makes no such file")
                    .contains("delete it ('git rm -f -- " + forged + "'): only 'atomizer dashboards' writes under"
                            + " shared/dashboards/");
        }

        // committed without the hook (--no-verify): verify refuses it, as the commit's and as the range's
        repo.commit("board summary");
        assertThat(rendered(verify(base))).containsExactly(forged + " " + RULE + " ERROR");
        // deleted later in the range: nothing reaches the base, the commit's finding is a warning
        repo.git("rm", "-q", forged);
        repo.commit("drop it");
        assertThat(rendered(verify(base))).containsExactly(forged + " " + RULE + " WARNING");
    }

    @Test
    void anyOtherFileUnderAGeneratorsFolderIsRefusedUnlessTheContractGivesItAPolicy() throws Exception {
        repo.stage("shared/dashboards/README.md", "# Dashboards\n\nGenerated, do not edit.\n");
        repo.stage("shared/dashboards/archive/2026-W08/exec-summary.md", "# Old\n");
        repo.stage("shared/dashboards/exec-summary.pdf", "%PDF-1.7\n");
        repo.stage("shared/kpi/targets.md", "# Targets\n");
        repo.stage("shared/reports/weekly/2026-W08-summary.md", "# W08, short\n");
        repo.stage("shared/reports/project/notes.txt", "notes\n");
        repo.stage("shared/dashboards/.gitkeep", "");
        repo.stage("shared/kpi/.gitkeep", "keep me\n");
        // outside the generators' folders: none of this rule's business
        repo.stage("shared/reports/templates/weekly-template.md", "# {{reportTitle}}\n");
        repo.stage("shared/notes.md", "# Notes\n");
        assertThat(preCommit())
                .containsExactlyInAnyOrder(
                        "shared/dashboards/README.md:1 " + RULE,
                        "shared/dashboards/archive/2026-W08/exec-summary.md:1 " + RULE,
                        "shared/dashboards/exec-summary.pdf:1 " + RULE,
                        "shared/kpi/targets.md:1 " + RULE,
                        "shared/reports/weekly/2026-W08-summary.md:1 " + RULE,
                        "shared/reports/project/notes.txt:1 " + RULE,
                        "shared/kpi/.gitkeep:1 " + RULE);

        // a file nobody generated that is already committed is refused when it changes, and may go
        repo.commit("strays");
        repo.stage("shared/dashboards/README.md", "# Dashboards\n\nEdited.\n");
        assertThat(preCommit()).containsExactly("shared/dashboards/README.md:1 " + RULE);
        repo.git("rm", "-q", "-f", "shared/dashboards/README.md");
        assertThat(preCommit()).isEmpty();
    }

    @Test
    void aPathTheContractGivesAnotherPolicyIsThatPolicysToJudge() throws Exception {
        repo.commit(Workspace.CONTRACT, """
                # Contract

                ## Governed paths

                | Path | Policy | Meaning |
                |------|--------|---------|
                | `shared/dashboards/README.md` | immutable | What the dashboards are |
                | `shared/project_log.md` | append-only | The log |
                | `shared/reports/weekly/**` | write-once | Reports |
                | `shared/dashboards/*.md` | generated | Dashboards |
                """);
        repo.stage("shared/dashboards/README.md", "# Dashboards\n");
        repo.stage("shared/dashboards/notes.md", "# Notes\n");
        assertThat(preCommit()).containsExactly("shared/dashboards/notes.md:1 " + RULE);
        // the KPI folder is not governed by this contract: no generated file of it is, so neither is its folder
        repo.git("rm", "-q", "--cached", "shared/dashboards/notes.md");
        repo.stage("shared/kpi/targets.md", "# Targets\n");
        assertThat(preCommit()).isEmpty();
    }

    @Test
    void aHandWrittenWeeklyReportIsRefusedTheGeneratorsOnePasses() throws Exception {
        String base = head();
        repo.stage(W08, "# Weekly report 2026-W08\n\nEvery project is green.\n");
        assertThat(preCommit()).containsExactly(W08 + ":1 " + RULE);

        // the generator's own report, edited by hand before it is committed, is refused too
        repo.git("rm", "-q", "-f", W08);
        writeWeekly("2026-W08");
        String made = repo.read(W08);
        repo.write(W08, made.replace("manager", "ceo"));
        repo.git("add", W08);
        assertThat(preCommit()).containsExactly(W08 + ":1 " + RULE);
        try (GitRepo git = GitRepo.open(repo.dir())) {
            assertThat(GitChecks.preCommit(git, Map.of(), generated())
                            .diagnostics()
                            .get(0)
                            .message())
                    .contains("is added with other bytes than 'atomizer report weekly' makes of the sources of the"
                            + " same state");
        }

        repo.write(W08, made);
        repo.git("add", W08);
        assertThat(preCommit()).isEmpty();
        repo.commit("Weekly report");
        assertThat(verify(base)).isEmpty();
    }

    @Test
    void aForgedReportCommittedWithoutTheHookFailsVerify() throws Exception {
        String base = head();
        repo.commit(W08, "# Weekly report 2026-W08\n\nEvery project is green.\n");
        assertThat(rendered(verify(base))).containsExactly(W08 + " " + RULE + " ERROR");
        // and the weekly job, which leaves an existing report alone, cannot be relied on to replace it:
        // the forgery is refused where it is added
        assertThat(Reports.weekly(repo.dir(), IsoWeek.parse("2026-W08", "week"), null, LATER, false)
                        .written())
                .isFalse();
    }

    @Test
    void aReportIsJudgedAgainstTheStagedSourcesNotTheWorkingTree() throws Exception {
        // an unstaged entry of a later week changes nothing of W08's report
        repo.append(LOG, GitChecksTest.entry("2026-02-25 09:00", "completed"));
        writeWeekly("2026-W08");
        repo.git("add", W08);
        assertThat(preCommit()).isEmpty();
        // a PROJECT_STATUS.md not staged: the report made of it is not the staged state's
        repo.write(Workspace.STATUS, """
                # Status

                ## Projects

                | Slug | Name | RAG | Status |
                |------|------|-----|--------|
                | bracket-topopt | Bracket | Green | active |
                """);
        repo.git("rm", "-q", "--cached", W08);
        Files.delete(repo.file(W08));
        writeWeekly("2026-W08");
        repo.git("add", W08);
        assertThat(preCommit()).containsExactly(W08 + ":1 " + RULE);
        repo.git("add", Workspace.STATUS);
        assertThat(preCommit()).isEmpty();
    }

    @Test
    void aReportOfAWeekNotOverOrBeforeTheLogIsRefused() throws Exception {
        // W09's cut-off (Friday 2026-02-27 16:00 New York) has not come by this clock
        Reports.weekly(
                repo.dir(),
                IsoWeek.parse("2026-W09", "week"),
                java.time.LocalDateTime.parse("2026-03-01T00:00"),
                false);
        String w09 = Workspace.weeklyReport("2026-W09");
        repo.git("add", w09);
        try (GitRepo git = GitRepo.open(repo.dir())) {
            List<Diagnostic> ds = GitChecks.preCommit(
                            git, Map.of(), Generated.of(Derived.files(), () -> Instant.parse("2026-02-25T12:00:00Z")))
                    .diagnostics();
            assertThat(rendered(ds)).containsExactly(w09 + " " + RULE + " ERROR");
            assertThat(ds.get(0).message()).contains("week 2026-W09 is not over yet as of 2026-02-25 12:00 (now, UTC)");
        }
        assertThat(preCommit()).isEmpty();

        // a week before the log's first entry: the generator makes no report of it
        String w05 = Workspace.weeklyReport("2026-W05");
        repo.stage(w05, "# Weekly report 2026-W05\n\nQuiet week.\n");
        assertThat(preCommit()).containsExactly(w05 + ":1 " + RULE);
    }

    @Test
    void aRevisionIsLeftToItsOwnRule() throws Exception {
        writeWeekly("2026-W08");
        repo.git("add", W08);
        repo.commit("Weekly report");
        repo.stage("shared/reports/weekly/2026-W08-report.r2.md", "# Weekly report 2026-W08, revised\n");
        assertThat(preCommit()).isEmpty();
    }

    @Test
    void aClosedProjectsReportIsTheGeneratorsAHandWrittenOneIsRefused() throws Exception {
        repo.commit(Workspace.STATUS, """
                # Status

                ## Projects

                | Slug | Name | RAG | Status |
                |------|------|-----|--------|
                | bracket-topopt | Bracket | Green | completed |
                | wing-spar | Wing spar | Green | active |
                """);
        String base = head();
        String closeout = Workspace.closeoutReport("bracket-topopt");
        repo.stage(closeout, "# Closeout report — Bracket\n\nOn time, under budget.\n");
        assertThat(preCommit()).containsExactly(closeout + ":1 " + RULE);
        // a project not finished has no closeout report
        repo.stage(Workspace.closeoutReport("wing-spar"), "# Closeout report — Wing spar\n");
        assertThat(preCommit())
                .containsExactlyInAnyOrder(
                        closeout + ":1 " + RULE, Workspace.closeoutReport("wing-spar") + ":1 " + RULE);
        repo.git("rm", "-q", "-f", "--cached", closeout, Workspace.closeoutReport("wing-spar"));
        Files.delete(repo.file(closeout));

        Reports.closeout(repo.dir(), "bracket-topopt", false);
        repo.git("add", closeout);
        assertThat(preCommit()).isEmpty();
        repo.commit("Closeout report");
        assertThat(verify(base)).isEmpty();
    }

    @Test
    void aReportsPdfMustBeTheOneMadeOfTheReport() throws Exception {
        Reports.weekly(repo.dir(), IsoWeek.parse("2026-W08", "week"), null, LATER, true);
        String pdf = "shared/reports/weekly/2026-W08-report.pdf";
        byte[] made = Files.readAllBytes(repo.file(pdf));
        repo.git("add", W08, pdf);
        assertThat(preCommit()).isEmpty();

        made[made.length / 2] ^= 1;
        Files.write(repo.file(pdf), made);
        repo.git("add", pdf);
        assertThat(preCommit()).containsExactly(pdf + ":1 " + RULE);
        // and a PDF without its report is nobody's
        repo.git("rm", "-q", "--cached", W08);
        assertThat(preCommit()).containsExactly(pdf + ":1 " + RULE);
    }

    @Test
    void checkFindsAFileNobodyGeneratedInTheWorkingTree() throws Exception {
        dashboards();
        repo.commit("dashboards");
        Atomizer atomizer = Atomizer.open(Workspace.discover(repo.dir()), Map.of(), repo.dir());
        assertThat(atomizer.check().diagnostics()).isEmpty();
        repo.write("shared/dashboards/exec-summary-board.md", "# All green\n");
        assertThat(atomizer.check().diagnostics())
                .extracting(d -> d.path() + " " + d.rule())
                .containsExactly("shared/dashboards/exec-summary-board.md " + RULE);
    }

    /** The sample repository committed whole: its dashboards' folders and its reports are all the generator's. */
    @Test
    void theSampleRepositoryHasNoFileNobodyGenerated() throws Exception {
        Path sample = Path.of("../sample-repo").toAbsolutePath().normalize();
        GitFixture copy = GitFixture.init(tmp.resolve("sample"));
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path t = copy.dir().resolve(sample.relativize(p).toString());
                Files.createDirectories(t.getParent());
                Files.copy(p, t);
            }
        }
        copy.git("add", "-A");
        try (GitRepo git = GitRepo.open(copy.dir())) {
            assertThat(GitChecks.preCommit(git, Map.of(), Generated.of(Derived.files()))
                            .diagnostics())
                    .filteredOn(d -> d.rule().equals(RULE))
                    .isEmpty();
        }
    }
}
