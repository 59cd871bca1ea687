package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitFixture.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hooks as users meet them: the packaged jar installs them, and the real git binary runs them
 * on commit and merge.
 */
class HooksEndToEndIT {

    static final Path JAR =
            Path.of(System.getProperty("atomizer.jar", "target/atomizer.jar")).toAbsolutePath();
    static final String LOG = "shared/project_log.md";

    static String entry(String ts, String agent, String status) {
        return "## [" + ts + "] " + agent + " | bracket-topopt | milestone\n\n**Status:** " + status
                + "\n**Summary:** Work by " + agent + ".\n\n---\n\n";
    }

    static final String BASE = "# Project log\n\n" + entry("2026-02-16 09:00", "manager", "completed");

    @TempDir
    Path tmp;

    GitFixture repo;

    @BeforeEach
    void setUp() throws Exception {
        assertThat(JAR).exists();
        repo = GitFixture.init(tmp.resolve("repo"));
        repo.commit(LOG, BASE);
    }

    Run atomizer(GitFixture where, String... args) throws Exception {
        String[] cmd = new String[args.length + 3];
        cmd[0] = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        cmd[1] = "-jar";
        cmd[2] = JAR.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        return where.run(cmd);
    }

    Run commit(GitFixture where, String... message) throws Exception {
        String[] cmd = new String[2 + message.length * 2];
        cmd[0] = "commit";
        cmd[1] = "-q";
        for (int i = 0; i < message.length; i++) {
            cmd[2 + 2 * i] = "-m";
            cmd[3 + 2 * i] = message[i];
        }
        return where.run(cmd);
    }

    @Test
    void installIsIdempotentAndKeepsTheUsersHookLines() throws Exception {
        Path hook = repo.file(".git/hooks/pre-commit");
        Files.writeString(hook, "#!/bin/sh\necho user-check-ran\n");
        Run first = atomizer(repo, "install-hooks");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out())
                .contains("updated .git/hooks/pre-commit (your lines are kept)")
                .contains("merge driver")
                .contains("it is governed (immutable): commit it with the trailers 'Change-Request: <id>' and "
                        + "'Approved-by: <approver>'");
        // the install read HEAD's log once: the first commit reads only what it appends
        assertThat(Files.readString(repo.file(".git/atomizer/log-resumes")))
                .startsWith(repo.git("rev-parse", "HEAD:" + LOG).strip() + " ");
        String once = Files.readString(hook);
        assertThat(once).startsWith("#!/bin/sh\n# >>> atomizer >>>").contains("echo user-check-ran");
        assertThat(atomizer(repo, "install-hooks").code()).isZero();
        assertThat(Files.readString(hook)).isEqualTo(once);
        assertThat(repo.read(".gitattributes")).isEqualTo("shared/project_log.md merge=atomizer-log\n");
        assertThat(repo.git("config", "merge.atomizer-log.driver")).contains("merge-driver %O %A %B");

        Run uninstall = atomizer(repo, "uninstall-hooks");
        assertThat(uninstall.code()).isZero();
        assertThat(Files.readString(hook)).isEqualTo("#!/bin/sh\necho user-check-ran\n");
        assertThat(repo.file(".git/hooks/commit-msg")).doesNotExist();
        assertThat(repo.run("config", "merge.atomizer-log.driver").code()).isNotZero();
    }

    @Test
    void aMalformedEntryIsRejectedBeforeTheCommitExists() throws Exception {
        assertThat(atomizer(repo, "install-hooks").code()).isZero();
        String head = repo.git("rev-parse", "HEAD");
        repo.stage(LOG, BASE + entry("2026-02-16 10:00", "optimizer", "done"));
        Run bad = commit(repo, "Log optimizer work");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.out() + bad.err())
                .contains("shared/project_log.md:12:13: error [status-invalid]")
                .contains("commit blocked");
        assertThat(repo.git("rev-parse", "HEAD")).isEqualTo(head);

        repo.stage(LOG, BASE + entry("2026-02-16 10:00", "optimizer", "completed"));
        Run good = commit(repo, "Log optimizer work");
        assertThat(good.code()).as(good.out() + good.err()).isZero();
    }

    /**
     * A heading line in someone's fenced Detail is code: it neither moves the last timestamp (so
     * an older entry slips past, or a valid one is refused) nor starts an entry. The hook, verify
     * and lint read it alike; an unclosed fence swallows what is appended after it.
     */
    @Test
    void headingsInCodeAreCodeForTheHookAsForLint() throws Exception {
        assertThat(atomizer(repo, "install-hooks").code()).isZero();
        String fenced = "## [2026-02-16 10:00] optimizer | bracket-topopt | milestone\n\n**Status:** completed\n"
                + "**Summary:** Quoted a log.\n**Detail:**\n```\n## [2099-01-01 00:00] manager | bracket-topopt | milestone\n"
                + "## [2000-01-01 00:00] manager | bracket-topopt | milestone\n```\n\n---\n\n";
        repo.stage(LOG, BASE + fenced);
        Run first = commit(repo, "Quote a log");
        assertThat(first.code()).as(first.out() + first.err()).isZero();
        // a valid later entry passes (the fenced 2099 line is not the last timestamp) ...
        repo.stage(LOG, BASE + fenced + entry("2026-02-16 11:00", "optimizer", "completed"));
        Run later = commit(repo, "Log later work");
        assertThat(later.code()).as(later.out() + later.err()).isZero();
        // ... and an older one is refused (the fenced 2000 line is not either)
        repo.stage(
                LOG,
                BASE
                        + fenced
                        + entry("2026-02-16 11:00", "optimizer", "completed")
                        + entry("2026-02-16 10:30", "optimizer", "completed"));
        Run older = commit(repo, "Log older work");
        assertThat(older.code()).isNotZero();
        assertThat(older.out() + older.err()).contains("[timestamp-order]");
        repo.run("reset", "-q", "--hard");

        // an entry that leaves its fence open, committed past the hook: what follows is its content
        String open = "## [2026-02-16 12:00] optimizer | bracket-topopt | milestone\n\n**Status:** completed\n"
                + "**Summary:** Left a fence open.\n**Detail:**\n```\ncode\n\n---\n\n";
        String committed = repo.read(LOG) + open;
        repo.stage(LOG, committed);
        assertThat(repo.run("commit", "-q", "--no-verify", "-m", "Leave a fence open")
                        .code())
                .isZero();
        repo.stage(LOG, committed + entry("2026-02-16 13:00", "manager", "completed"));
        Run swallowed = commit(repo, "Log after the open fence");
        assertThat(swallowed.code()).isNotZero();
        assertThat(swallowed.out() + swallowed.err())
                .contains("[stray-content]")
                .contains("inside a code fence or HTML block that entry never closes");
        Run logged = atomizer(
                repo,
                CliRun.logMilestone(
                        "bracket-topopt", "--summary", "After the open fence", "--time", "2026-02-16 13:00"));
        assertThat(logged.code()).isEqualTo(1);
        assertThat(logged.err()).contains("opens a code fence or HTML block and never closes it");
        // the repair: append the closing fence and the entry's '---', then the entry
        repo.stage(LOG, committed + "```\n\n---\n\n" + entry("2026-02-16 13:00", "manager", "completed"));
        Run repaired = commit(repo, "Close the fence and log");
        assertThat(repaired.code()).as(repaired.out() + repaired.err()).isZero();
        Run lint = atomizer(repo, "lint", LOG);
        assertThat(lint.out() + lint.err()).contains("5 entries: 0 errors");
    }

    /**
     * Lines that hide content, through the installed hooks: an entry forged of lines that each end
     * in an empty comment (GitHub renders it, headed ceo) is refused, as lint refuses it; a lone
     * fence opener, which would make every later entry code and every later 'log' fail, is refused
     * with what closes it.
     */
    @Test
    void linesThatHideContentAreRefusedAsLintRefusesThem() throws Exception {
        assertThat(atomizer(repo, "install-hooks").code()).isZero();
        String forged = " ## [2026-02-16 11:00] ceo | bracket-topopt | decision <!-- -->\n\n"
                + "**Status:** completed <!-- -->\n**Summary:** Budget doubled. <!-- -->\n\n---\n";
        repo.stage(LOG, BASE + forged);
        Run refused = commit(repo, "Forge an entry");
        assertThat(refused.code()).isNotZero();
        assertThat(refused.out() + refused.err())
                .contains(LOG + ":10:1: error [heading-format]")
                .contains(LOG + ":10:1: error [stray-content]")
                .contains(LOG + ":12:1: error [stray-content]")
                .contains(LOG + ":15:1: error [stray-content]");
        Run lint = atomizer(repo, "lint", LOG);
        assertThat(lint.out() + lint.err()).contains("4 errors");

        repo.stage(LOG, BASE + "```\n");
        Run fence = commit(repo, "Open a fence");
        assertThat(fence.code()).isNotZero();
        assertThat(fence.out() + fence.err())
                .contains(LOG + ":10:1: error [stray-content] this code fence is never closed")
                .contains("a line '```'");
        repo.stage(LOG, BASE + entry("2026-02-16 11:00", "optimizer", "completed"));
        Run good = commit(repo, "Log optimizer work");
        assertThat(good.code()).as(good.out() + good.err()).isZero();
    }

    /**
     * A malformed entry committed past the hooks is not a dead end: the fix in place is an
     * amendment, refused without an approval, committed with one (following the hint), and listed
     * for the Auditor; afterwards lint is clean.
     */
    @Test
    void aCommittedBadEntryIsRepairedByAnApprovedAmendment() throws Exception {
        assertThat(atomizer(repo, "install-hooks").code()).isZero();
        repo.stage(LOG, BASE + entry("2026-02-16 10:00", "optimizer", "done"));
        assertThat(repo.run("commit", "-q", "--no-verify", "-m", "Log past the hooks")
                        .code())
                .isZero();
        String bad = repo.git("rev-parse", "HEAD").strip();
        assertThat(atomizer(repo, "lint").code()).isEqualTo(1);

        repo.stage(LOG, BASE + entry("2026-02-16 10:00", "optimizer", "completed"));
        Run plain = commit(repo, "Fix the status of the optimizer's entry");
        assertThat(plain.code()).isNotZero();
        assertThat(plain.out() + plain.err())
                .contains("[append-only]")
                .contains("without an approved amendment")
                .contains("Change-Request")
                .doesNotContain("--amend");
        String hint = plain.err()
                .lines()
                .filter(l -> l.contains("commit blocked"))
                .findFirst()
                .orElseThrow();
        String command = hint.substring(hint.indexOf("git commit"))
                .replace("<id>", "CR-7")
                .replace("<approver>", "ceo");
        Run approved = repo.run("/bin/sh", "-c", command);
        assertThat(approved.code()).as(approved.out() + approved.err()).isZero();

        Run lint = atomizer(repo, "lint");
        assertThat(lint.code()).as(lint.out() + lint.err()).isZero();
        Run verify = atomizer(repo, "verify", "--base", bad, "--format", "markdown");
        assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains(LOG).contains("amended").contains("CR-7");
    }

    /**
     * A new team from an empty directory: init lays the repository out and installs the hooks; the
     * root commit goes through the real hooks without trailers; the first entry, the dashboards
     * and check follow; a second init keeps everything.
     */
    @Test
    void initTurnsAnEmptyDirectoryIntoAGovernedRepository() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("new-team"));
        GitFixture team = repo.at(dir);
        Run init = atomizer(team, "init");
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.out())
                .contains(
                        "made a git repository (branch main)",
                        "made shared/data-contracts/schemas.md",
                        "made shared/PROJECT_STATUS.md",
                        "made shared/dashboards/exec-summary.md",
                        "created .git/hooks/pre-commit",
                        "the root commit needs no trailers");
        // the watchdog every 6 hours unless init is told another schedule
        assertThat(Files.readString(dir.resolve(".github/workflows/atomizer.yml")))
                .contains("- cron: '7 */6 * * *'");
        Path hourly = Files.createDirectories(tmp.resolve("hourly-team"));
        Run told = atomizer(repo.at(hourly), "init", "--watchdog-cron", "7 * * * *");
        assertThat(told.code()).as(told.err()).isZero();
        assertThat(Files.readString(hourly.resolve(".github/workflows/atomizer.yml")))
                .contains("- cron: '7 * * * *'")
                .doesNotContain("7 */6 * * *");
        assertThat(atomizer(team, "check").code()).isZero();
        team.run("add", "-A");
        Run root = commit(team, "Set up the status repository");
        assertThat(root.code()).as(root.out() + root.err()).isZero();

        Run logged = atomizer(team, CliRun.logMilestone("first-project", "--summary", "Repository set up"));
        assertThat(logged.code()).as(logged.err()).isZero();
        assertThat(atomizer(team, "dashboards").code()).isZero();
        team.run("add", "-A");
        Run first = commit(team, "First entry");
        assertThat(first.code()).as(first.out() + first.err()).isZero();
        Run check = atomizer(team, "check");
        assertThat(check.code()).as(check.out() + check.err()).isZero();

        // a foundational edit after the root commit needs its approval, as everywhere
        Files.writeString(dir.resolve("context-docs/00-mission.md"), "# Mission\n");
        team.run("add", "-A");
        assertThat(commit(team, "Mission").code()).isNotZero();

        Run again = atomizer(team, "init");
        assertThat(again.code()).isZero();
        assertThat(again.out())
                .contains("kept shared/data-contracts/schemas.md (already there)")
                .doesNotContain("made shared/");
    }

    /**
     * init's "next:" lines, run as they say after a team edits its contract (an agent) and its
     * projects (one more): the root commit is refused once, with the dashboards the edits change
     * regenerated in the working tree (the index and the log untouched); the same 'git add -A &amp;&amp;
     * git commit' then goes through. A hand edit of a dashboard is still refused, as one, and kept.
     */
    @Test
    void theFirstCommitAfterEditingTheContractAndProjectsGoesThroughAsInitSays() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("new-team"));
        GitFixture team = repo.at(dir);
        Run init = atomizer(team, "init");
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.out())
                .contains("next: edit the Agents and Approvers of shared/data-contracts/schemas.md and the projects of"
                        + " shared/PROJECT_STATUS.md, then 'git add -A && git commit -m \"Set up the status"
                        + " repository\"' (the root commit needs no trailers; when your edits change a dashboard, the"
                        + " hook regenerates it and refuses once: run the same 'git add -A && git commit' again)");
        String contract = team.read("shared/data-contracts/schemas.md");
        String agents = "|-------|------|--------------|\n";
        team.write(
                "shared/data-contracts/schemas.md",
                contract.replace(agents, agents + "| `manager` | Runs the team | |\n"));
        String status = team.read("shared/PROJECT_STATUS.md");
        String first = status.lines()
                        .filter(l -> l.startsWith("| `first-project`"))
                        .findFirst()
                        .orElseThrow()
                + "\n";
        team.write(
                "shared/PROJECT_STATUS.md",
                status.replace(first, first + "| `second-project` | Second | Amber | active | Start | manager | |\n"));
        String log = team.read(LOG);

        team.run("add", "-A");
        String staged = team.git("ls-files", "-s");
        Run refused = commit(team, "Set up the status repository");
        assertThat(refused.code()).isNotZero();
        assertThat(refused.out() + refused.err())
                .contains("shared/dashboards/exec-summary.md:1:1: error [generated-file]"
                        + " shared/dashboards/exec-summary.md is stale (untouched while its sources changed):"
                        + " regenerated in the working tree from the staged sources")
                .containsPattern("atomizer: commit blocked \\(\\d+ errors?\\): regenerated \\d+ files?: stage (it|them)"
                        + " \\(git add shared/dashboards/exec-summary.md[^)]*\\) and commit again")
                .doesNotContain("hand");
        assertThat(team.git("ls-files", "-s")).isEqualTo(staged);
        assertThat(team.read(LOG)).isEqualTo(log);
        assertThat(team.git("diff", "--name-only").lines())
                .isNotEmpty()
                .allMatch(p -> p.startsWith("shared/dashboards/") || p.equals("shared/kpi/metrics.md"));

        team.run("add", "-A");
        Run root = commit(team, "Set up the status repository");
        assertThat(root.code()).as(root.out() + root.err()).isZero();
        Run check = atomizer(team, "check");
        assertThat(check.code()).as(check.out() + check.err()).isZero();

        // a hand edit is no stale file: refused as an edit, never regenerated over
        team.append("shared/dashboards/technical.md", "\nAll green, trust me.\n");
        team.run("add", "-A");
        Run edited = commit(team, "Edit a dashboard");
        assertThat(edited.code()).isNotZero();
        assertThat(edited.out() + edited.err())
                .contains("shared/dashboards/technical.md is generated and was edited by hand: it differs from HEAD's"
                        + " version and from what the generator makes of the staged sources")
                .doesNotContain("regenerated");
        assertThat(team.read("shared/dashboards/technical.md")).endsWith("All green, trust me.\n");
    }

    @Test
    void versionPrintsTheReleaseNotDev() throws Exception {
        Run v = atomizer(repo, "--version");
        assertThat(v.code()).isZero();
        assertThat(v.out().strip()).matches("atomizer \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    /** Agents in Tokyo and Los Angeles stamp the same moment alike: in the contract's time zone (UTC by default). */
    @Test
    void logStampsInTheContractsTimeZoneWhateverTheMachinesTz() throws Exception {
        java.time.format.DateTimeFormatter minute = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        for (String tz : new String[] {"Asia/Tokyo", "America/Los_Angeles"}) {
            String before =
                    java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).format(minute);
            String[] cmd = {
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "log",
                "--dry-run",
                "--agent",
                "manager",
                "--project",
                "bracket-topopt",
                "--event",
                "milestone",
                "--status",
                "completed",
                "--summary",
                "Stamped in UTC"
            };
            Run run = repo.run(java.util.Map.of("TZ", tz), cmd);
            String after = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).format(minute);
            assertThat(run.code()).as(run.err()).isZero();
            String stamp =
                    run.out().substring(run.out().indexOf('[') + 1, run.out().indexOf(']'));
            assertThat(stamp).as(tz).isBetween(before, after);
        }
    }

    /** A committed symlink never has Atomizer write through it, out of the repository. */
    @Test
    void nothingIsWrittenThroughASymlinkOutOfTheRepository() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path secret = Files.writeString(outside.resolve("notes.md"), "not the log\n");
        // the derived files' folder, committed as a symlink out of the repository
        Files.createDirectories(repo.file("shared"));
        Files.createSymbolicLink(repo.file("shared/dashboards"), Path.of("../../outside"));
        repo.git("add", "-A");
        repo.git("commit", "-q", "--no-verify", "-m", "Link the dashboards out");
        Run dashboards = atomizer(repo, "dashboards");
        assertThat(dashboards.code()).as(dashboards.out() + dashboards.err()).isEqualTo(2);
        assertThat(dashboards.err())
                .contains("shared/dashboards/")
                .contains("leads outside the repository's files")
                .contains("no derived file was changed")
                .doesNotContain("Exception");
        try (var files = Files.list(outside)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("notes.md");
        }
        // the log itself, a symlink to a file outside
        Files.delete(repo.file(LOG));
        Files.createSymbolicLink(repo.file(LOG), Path.of("../../outside/notes.md"));
        Run logged = atomizer(
                repo,
                CliRun.logMilestone("bracket-topopt", "--summary", "Through the link", "--time", "2026-02-16 10:00"));
        assertThat(logged.code()).isEqualTo(2);
        assertThat(logged.err()).contains("is a symlink").doesNotContain("Exception");
        assertThat(Files.readString(secret)).isEqualTo("not the log\n");
    }

    /**
     * Files nobody generated: a second exec summary beside the generator's, and a weekly report
     * written by hand for a past week, are refused by the installed hook and by verify; the report
     * 'atomizer report weekly' writes for that week goes through both.
     */
    @Test
    void filesNobodyGeneratedAreRefusedByTheHookAndVerify() throws Exception {
        assertThat(atomizer(repo, "install-hooks").code()).isZero();
        assertThat(atomizer(repo, "dashboards").code()).isZero();
        repo.git("add", "shared");
        assertThat(commit(repo, "Regenerate dashboards").code()).isZero();
        String base = repo.git("rev-parse", "HEAD").strip();

        String board = "shared/dashboards/exec-summary-board.md";
        repo.stage(board, "# Executive summary — for the board\n\nEvery project is 🟢 Green.\n");
        Run forged = commit(repo, "Board summary");
        assertThat(forged.code()).isNotZero();
        assertThat(forged.out() + forged.err())
                .contains(board + ":1:1: error [not-generated] " + board
                        + " is under shared/dashboards/ and 'atomizer dashboards' makes no such file")
                .contains("only 'atomizer dashboards' writes under shared/dashboards/");
        repo.git("rm", "-q", "-f", board);

        String report = "shared/reports/weekly/2026-W08-report.md";
        repo.stage(report, "# Weekly report 2026-W08\n\nEvery project is green, every gate passed.\n");
        Run written = commit(repo, "Weekly report");
        assertThat(written.code()).isNotZero();
        assertThat(written.out() + written.err())
                .contains(report + ":1:1: error [not-generated] " + report
                        + " is added with other bytes than 'atomizer report weekly' makes");
        // committed without the hook, verify refuses it
        assertThat(repo.run("commit", "-q", "--no-verify", "-m", "Weekly report")
                        .code())
                .isZero();
        Run verified = atomizer(repo, "verify", "--base", base);
        assertThat(verified.code()).isEqualTo(1);
        assertThat(verified.out() + verified.err()).contains(report + ":1:1: error [not-generated]");

        // the generator's report of that week goes through the hook and verify
        repo.git("reset", "-q", "--hard", base);
        Run made = atomizer(repo, "report", "weekly", "--week", "2026-W08");
        assertThat(made.code()).as(made.err()).isZero();
        repo.git("add", report);
        Run ok = commit(repo, "Weekly report");
        assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
        Run clean = atomizer(repo, "verify", "--base", base);
        assertThat(clean.code()).as(clean.out() + clean.err()).isZero();
    }

    @Test
    void dashboardsMadeByTheToolCommitAndHandEditsAreBlockedThenCheckFindsStaleOnes() throws Exception {
        assertThat(atomizer(repo, "install-hooks").code()).isZero();
        Run made = atomizer(repo, "dashboards");
        assertThat(made.code()).as(made.err()).isZero();
        assertThat(made.err())
                .contains("wrote shared/dashboards/exec-summary.md")
                .contains("4 derived files, 4 written, 0 unchanged");
        assertThat(atomizer(repo, "dashboards").err()).contains("4 derived files, 0 written, 4 unchanged");
        repo.git("add", "shared");
        Run ok = commit(repo, "Regenerate dashboards");
        assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
        assertThat(atomizer(repo, "check").code()).isZero();

        repo.append("shared/dashboards/exec-summary.md", "- everything is green\n");
        repo.git("add", "shared/dashboards/exec-summary.md");
        Run edited = commit(repo, "Touch up the summary");
        assertThat(edited.code()).isNotZero();
        assertThat(edited.out() + edited.err())
                .contains("shared/dashboards/exec-summary.md:1:1: error [generated-file]")
                .contains("run 'atomizer dashboards'");
        repo.git("checkout", "HEAD", "--", "shared/dashboards/exec-summary.md");

        repo.stage(LOG, BASE + entry("2026-02-16 10:00", "optimizer", "completed"));
        assertThat(commit(repo, "Log work").code()).isZero();
        Run stale = atomizer(repo, "check");
        assertThat(stale.code()).isEqualTo(1);
        assertThat(stale.out()).contains("shared/dashboards/technical.md:1:1: error [generated-stale]");
    }

    @Test
    void onlyStagedContentCountsBothWays() throws Exception {
        assertThat(atomizer(repo, "install-hooks").code()).isZero();
        // staged valid, working tree broken: commits
        repo.stage(LOG, BASE + entry("2026-02-16 10:00", "optimizer", "completed"));
        repo.write(LOG, BASE + entry("2026-02-16 10:00", "optimizer", "completed") + "garbage\n");
        assertThat(commit(repo, "valid staged part").code()).isZero();
        // staged broken, working tree fixed: blocked
        repo.stage(LOG, repo.git("show", "HEAD:" + LOG) + entry("2026-02-16 11:00", "optimizer", "oops"));
        repo.write(LOG, repo.git("show", "HEAD:" + LOG) + entry("2026-02-16 11:00", "optimizer", "completed"));
        assertThat(commit(repo, "broken staged part").code()).isNotZero();
    }

    @Test
    void foundationalEditsNeedApprovalTrailersAndNoVerifyIsCaughtByVerify() throws Exception {
        repo.stage("context-docs/00-mission.md", "# Mission\n");
        String base = repo.commit("Mission\n\nChange-Request: CR-1\nApproved-by: ceo");
        assertThat(atomizer(repo, "install-hooks").code()).isZero();
        repo.stage("context-docs/00-mission.md", "# Mission, edited by an agent\n");
        Run refused = commit(repo, "Tweak the mission");
        assertThat(refused.code()).isNotZero();
        assertThat(refused.out() + refused.err()).contains("[immutable-path]").contains("Change-Request");
        // the hint, followed to the letter (never --amend: that would rewrite the previous commit)
        String hint = refused.err()
                .lines()
                .filter(l -> l.contains("commit blocked"))
                .findFirst()
                .orElseThrow();
        assertThat(hint).doesNotContain("--amend");
        String command = hint.substring(hint.indexOf("git commit"))
                .replace("<id>", "CR-2")
                .replace("<approver>", "ceo");
        Run approved = repo.run("/bin/sh", "-c", command);
        assertThat(approved.code()).as(approved.out() + approved.err()).isZero();
        assertThat(repo.git("log", "-1", "--format=%B"))
                .startsWith("Tweak the mission\n")
                .contains("Change-Request: CR-2")
                .contains("Approved-by: ceo")
                .doesNotContain("#");
        assertThat(repo.git("log", "-1", "--format=%s", "HEAD~1")).isEqualTo("Mission\n");

        repo.stage("context-docs/00-mission.md", "# Mission, sneaked in\n");
        assertThat(repo.run("commit", "-q", "--no-verify", "-m", "Sneak").code())
                .isZero();
        Run verify = atomizer(repo, "verify", "--base", base);
        assertThat(verify.code()).isEqualTo(1);
        assertThat(verify.out())
                .contains("context-docs/00-mission.md:1:1: error [immutable-path]")
                .contains("(Sneak)");
        assertThat(verify.err()).contains("verified 2 commits");
    }

    @Test
    void concurrentAppendsOnTwoBranchesMergeWithoutConflictOrLoss() throws Exception {
        assertThat(atomizer(repo, "install-hooks").code()).isZero();
        repo.git("add", ".gitattributes");
        // .gitattributes configures the gate (merge drivers): governed, immutable
        assertThat(commit(repo, "Route the log to the merge driver").code()).isNotZero();
        assertThat(commit(repo, "Route the log to the merge driver", "Change-Request: CR-2\nApproved-by: ceo")
                        .code())
                .isZero();
        String base = repo.git("rev-parse", "HEAD").strip();
        repo.git("checkout", "-q", "-b", "optimizer-work");
        repo.stage(LOG, repo.read(LOG) + entry("2026-02-16 10:30", "optimizer", "completed"));
        assertThat(commit(repo, "optimizer appends").code()).isZero();
        repo.git("checkout", "-q", "main");
        repo.stage(
                LOG,
                repo.read(LOG)
                        + entry("2026-02-16 10:00", "tech-lead", "completed")
                        + entry("2026-02-16 11:00", "auditor", "completed"));
        assertThat(commit(repo, "tech-lead and auditor append").code()).isZero();
        Run merge = repo.run("merge", "--no-edit", "optimizer-work");
        assertThat(merge.code()).as(merge.out() + merge.err()).isZero();
        String merged = repo.read(LOG);
        assertThat(merged).startsWith(BASE);
        assertThat(merged.indexOf("tech-lead |")).isLessThan(merged.indexOf("optimizer |"));
        assertThat(merged.indexOf("optimizer |")).isLessThan(merged.indexOf("auditor |"));
        Run lint = atomizer(repo, "lint");
        assertThat(lint.code()).as(lint.out() + lint.err()).isZero();
        assertThat(lint.err()).contains("4 entries: 0 errors");
        // what the installed driver merged passes verify; the same merge made by hand, the side's
        // entry hidden in an HTML comment, does not
        Run verify = atomizer(repo, "verify", "--base", base);
        assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
        repo.git("reset", "-q", "--hard", "HEAD^");
        repo.run("merge", "--no-commit", "optimizer-work");
        repo.stage(
                LOG,
                BASE + entry("2026-02-16 10:00", "tech-lead", "completed")
                        + "<!--\n" + entry("2026-02-16 10:30", "optimizer", "completed") + "-->\n\n"
                        + entry("2026-02-16 11:00", "auditor", "completed"));
        assertThat(repo.run("commit", "-q", "--no-verify", "-m", "Hand-made merge")
                        .code())
                .isZero();
        verify = atomizer(repo, "verify", "--base", base);
        assertThat(verify.code()).isEqualTo(1);
        assertThat(verify.out())
                .contains(LOG + ":")
                .contains("error [append-only]")
                .contains("(Hand-made merge)")
                .contains("which no parent appended");
    }

    @Test
    void hooksRunWhateverTheRepositorysPathHoldsAndAfterItMoves() throws Exception {
        // a path the shell would read if a hook wrote it: a space, double quotes, a command substitution
        Path odd = tmp.resolve("x$(touch PWNED) \"q\" `touch PWNED2` dir");
        GitFixture r = GitFixture.init(odd);
        r.commit(LOG, BASE);
        Run install = atomizer(r, "install-hooks");
        assertThat(install.code()).as(install.out() + install.err()).isZero();
        r.stage(LOG, BASE + entry("2026-02-16 10:00", "optimizer", "completed"));
        Run ok = commit(r, "append");
        assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
        r.stage(LOG, r.read(LOG) + entry("2026-02-16 11:00", "optimizer", "wrong"));
        Run refused = commit(r, "append a bad entry");
        assertThat(refused.code()).isNotZero();
        assertThat(refused.out() + refused.err()).contains("[status-invalid]");
        Run merge = r.run("config", "merge.atomizer-log.driver");
        assertThat(merge.out()).doesNotContain(odd.toString());

        // the repository moves: the hooks and the merge driver find the launcher where it now is
        Path moved = Files.move(odd, tmp.resolve("moved"));
        GitFixture there = r.at(moved);
        Run again = commit(there, "append a bad entry");
        assertThat(again.code()).isNotZero();
        assertThat(again.out() + again.err()).contains("[status-invalid]");
        there.stage(LOG, there.read(LOG).replace("wrong", "completed"));
        Run fixed = commit(there, "append");
        assertThat(fixed.code()).as(fixed.out() + fixed.err()).isZero();
        try (var all = Files.walk(tmp)) {
            assertThat(all.map(p -> p.getFileName().toString())).doesNotContain("PWNED", "PWNED2");
        }
        assertThat(Path.of("PWNED")).doesNotExist();
    }

    @Test
    void aSideThatEditedTheBaseConflicts() throws Exception {
        assertThat(atomizer(repo, "install-hooks").code()).isZero();
        repo.git("add", ".gitattributes");
        assertThat(commit(repo, "Route the log", "Change-Request: CR-2\nApproved-by: ceo")
                        .code())
                .isZero();
        repo.git("checkout", "-q", "-b", "rewrite");
        repo.stage(LOG, BASE.replace("Work by manager", "Rewritten history"));
        assertThat(repo.run("commit", "-q", "--no-verify", "-m", "rewrite history")
                        .code())
                .isZero();
        repo.git("checkout", "-q", "main");
        repo.stage(LOG, repo.read(LOG) + entry("2026-02-16 10:00", "optimizer", "completed"));
        assertThat(commit(repo, "append").code()).isZero();
        Run merge = repo.run("merge", "--no-edit", "rewrite");
        assertThat(merge.code()).isNotZero();
        assertThat(repo.read(LOG)).contains("<<<<<<<").contains(">>>>>>>");
    }

    @Test
    void hooksPathAndLinkedWorktreesAreHonoured() throws Exception {
        repo.git("config", "core.hooksPath", ".githooks");
        Run install = atomizer(repo, "install-hooks");
        assertThat(install.code()).isZero();
        assertThat(repo.file(".githooks/pre-commit")).exists();
        assertThat(repo.file(".git/hooks/pre-commit")).doesNotExist();
        repo.git("config", "--unset", "core.hooksPath");
        assertThat(atomizer(repo, "install-hooks").code()).isZero();

        Path wt = tmp.resolve("wt");
        repo.git("worktree", "add", "-q", "-b", "wt", wt.toString());
        GitFixture other = repo.at(wt);
        other.stage(LOG, BASE + entry("2026-02-16 10:00", "optimizer", "wrong"));
        Run bad = commit(other, "from the worktree");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.out() + bad.err()).contains("[status-invalid]");
    }

    /**
     * A written report is corrected by a revision beside it: the hooks let the week's first report
     * in freely, refuse its revision without an approval and take it with one; the report itself
     * stays write-once, trailers or not.
     */
    @Test
    void aReportIsRevisedWithAnApprovalAndNeverDeleted() throws Exception {
        assertThat(atomizer(repo, "install-hooks").code()).isZero();
        String w08 = "shared/reports/weekly/2026-W08-report.md";
        String r2 = "shared/reports/weekly/2026-W08-report.r2.md";
        // Friday 2026-02-20 16:30 in New York: the week's cut-off (16:00 there) has come
        java.util.Map<String, String> friday = java.util.Map.of("ATOMIZER_TEST_CLOCK", "2026-02-20T21:30:00Z");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Run early = repo.run(
                friday,
                java,
                "-jar",
                JAR.toString(),
                "report",
                "weekly",
                "--week",
                "2026-W08",
                "--as-of",
                "2026-02-20 22:00");
        assertThat(early.code()).isEqualTo(2);
        assertThat(early.err()).contains("is later than now (2026-02-20 21:30, UTC)");
        Run first = repo.run(friday, java, "-jar", JAR.toString(), "report", "weekly", "--week", "2026-W08");
        assertThat(first.code()).as(first.err()).isZero();
        repo.git("add", "--", w08);
        Run report = commit(repo, "Weekly report 2026-W08");
        assertThat(report.code()).as(report.out() + report.err()).isZero();

        Run revise = repo.run(
                friday,
                java,
                "-jar",
                JAR.toString(),
                "report",
                "weekly",
                "--week",
                "2026-W08",
                "--revise",
                "--reason",
                "the status file was stale");
        assertThat(revise.code()).as(revise.err()).isZero();
        repo.git("add", "--", r2);
        String head = repo.git("rev-parse", "HEAD");
        Run refused = commit(repo, "Revise the W08 report");
        assertThat(refused.code()).isNotZero();
        assertThat(refused.out() + refused.err())
                .contains("error [report-revision] " + r2 + " is revision 2 of " + w08);
        assertThat(repo.git("rev-parse", "HEAD")).isEqualTo(head);
        Run approved = commit(repo, "Revise the W08 report", "Change-Request: CR-8\nApproved-by: ceo");
        assertThat(approved.code()).as(approved.out() + approved.err()).isZero();

        repo.git("rm", "-q", w08);
        Run delete = commit(repo, "Drop the early report", "Change-Request: CR-9\nApproved-by: ceo");
        assertThat(delete.code()).isNotZero();
        assertThat(delete.out() + delete.err())
                .contains("error [write-once] " + w08 + " is a report snapshot (write-once) and was deleted")
                .contains("--revise --reason");
    }
}
