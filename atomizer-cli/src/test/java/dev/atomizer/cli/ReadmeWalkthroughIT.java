package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.git.GitFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Start your own status repository" walkthrough, run as written in an empty
 * directory: the real launcher for {@code /path/to/atomizer/hooks/atomizer}, the real {@code git}
 * with the hooks {@code init} installs, a home of its own. The one change: the entry is dated a day
 * before the last weekly cut-off, since the test cannot wait for one (a report is never written
 * ahead of the clock, and the hook refuses a report of a week not over); and once more with a
 * team's own edits of the contract and the projects before the first commit.
 */
class ReadmeWalkthroughIT {

    static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    /** The shell blocks of the README from the walkthrough's heading to the next paragraph that is not about it. */
    static List<String> blocks() throws Exception {
        String readme = Files.readString(CHECKOUT.resolve("README.md"), StandardCharsets.UTF_8);
        int from = readme.indexOf("**Start your own status repository**");
        int to = readme.indexOf("`init` works in an empty directory", from);
        assertThat(from).as("walkthrough").isPositive();
        Matcher m = Pattern.compile("(?s)```sh\n(.*?)```").matcher(readme.substring(from, to));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void aNewTeamFollowsTheReadmeWithNoRefusedStep() throws Exception {
        GitFixture.Run run = walkthrough("");
        assertThat(run.err()).doesNotContain("regenerated");
    }

    /**
     * A team that makes the contract and the projects its own before the first commit (an agent,
     * a project): the hook refuses that commit once, having regenerated the dashboards the edits
     * change, and the README's next 'git add -A &amp;&amp; git commit' goes through.
     */
    @Test
    void aTeamThatEditsItsAgentsAndProjectsCommitsAsTheReadmeSays() throws Exception {
        String edits = "sed -i 's/^|-------|------|--------------|$/&\\n| `manager` | Runs the team | |/'"
                + " shared/data-contracts/schemas.md\n"
                + "sed -i 's/^| `first-project` .*/&\\n| `second-project` | Second | Amber | active | Start | manager"
                + " | |/' shared/PROJECT_STATUS.md\n"
                + "grep -q '^| `manager` | Runs the team' shared/data-contracts/schemas.md\n"
                + "grep -q '^| `second-project` |' shared/PROJECT_STATUS.md\n";
        GitFixture.Run run = walkthrough(edits);
        assertThat(run.err())
                .contains(" is stale (untouched while its sources changed): regenerated in the working tree from the"
                        + " staged sources")
                .containsPattern("commit blocked \\(\\d+ errors?\\): regenerated \\d+ files?: stage (it|them) \\(git"
                        + " add shared/[^)]*\\) and commit again");
        Path repo = tmp.resolve("our-status");
        assertThat(Files.readString(repo.resolve("shared/dashboards/exec-summary.md")))
                .contains("second-project");
    }

    /** Runs the walkthrough, with {@code edits} (shell lines) made after the README's own edit of the contract. */
    private GitFixture.Run walkthrough(String edits) throws Exception {
        List<String> blocks = blocks();
        assertThat(blocks).hasSize(2);
        // a test cannot wait for a cut-off: the entry is made a day before the last one that came
        // (default settings, UTC log), so that the report the README writes is of a week that is over,
        // as the pre-commit hook requires of an added report (not-generated)
        java.time.LocalDateTime lastCutOff = dev.atomizer.report.ReportWeek.containing(
                        java.time.LocalDateTime.now(ZoneOffset.UTC), dev.atomizer.contract.Settings.DEFAULT)
                .from();
        String before =
                lastCutOff.minusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        String edited = "rm shared/data-contracts/schemas.md.bak\n";
        String logged = "hooks/atomizer log --agent";
        assertThat(blocks.get(0)).contains(edited).contains(logged);
        String script = "set -e\n"
                + blocks.get(0)
                        .replace(edited, edited + edits)
                        .replace(logged, "hooks/atomizer log --time '" + before + "' --agent")
                + blocks.get(1);
        script = script.replace("/path/to/atomizer", CHECKOUT.toString());
        // the fixture's environment: a home of its own, no system or user git configuration, an identity
        GitFixture fixture = GitFixture.init(tmp.resolve("scratch"));
        GitFixture.Run run = fixture.at(tmp).run(Map.of(), "/bin/bash", "-c", script);
        assertThat(run.code()).as(run.out() + run.err()).isZero();

        Path repo = tmp.resolve("our-status");
        String commits = fixture.at(repo).git("log", "--format=%s");
        assertThat(commits.lines().toList())
                .containsExactly("Weekly report", "First entry", "Set up the status repository");
        assertThat(repo.resolve(".git/hooks/pre-commit")).exists();
        assertThat(repo.resolve(".github/workflows/atomizer.yml")).exists();
        try (var reports = Files.list(repo.resolve("shared/reports/weekly"))) {
            Path report = reports.filter(f -> f.toString().endsWith("-report.md"))
                    .findFirst()
                    .orElseThrow();
            assertThat(Files.readString(report))
                    .contains("# Acme Apps weekly report — ")
                    .contains("first-project")
                    .contains("Repository set up");
        }
        return run;
    }
}
