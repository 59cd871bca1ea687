package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.Workspace;
import dev.atomizer.git.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publish} and {@code verify --since-verified --mark-verified} through the command line,
 * against a bare repository playing GitHub's server, with a second clone racing the bot (its
 * pushes made by the bot clone's pre-push hook, so the race is the same every run).
 */
class PublishCommandTest {

    static final String BOT = "Atomizer Bot <bot@example.com>";
    static final String VERIFIED = Workspace.VERIFIED_REF;

    @TempDir
    Path tmp;

    Path remote;
    GitFixture human;
    GitFixture bot;

    static String entry(String time, String summary) {
        return "## [" + time + "] manager | first-project | milestone\n\n**Status:** completed\n**Summary:** " + summary
                + "\n\n---\n\n";
    }

    @BeforeEach
    void server() throws Exception {
        GitFixture seed = GitFixture.init(tmp.resolve("seed"));
        dev.atomizer.install.Scaffold.make(seed.dir());
        seed.append(Workspace.LOG, "\n" + entry("2026-06-01 09:00", "Repository set up"));
        assertThat(CliRun.of(seed.dir(), "dashboards").code()).isZero();
        seed.git("add", "-A");
        seed.commit("Set up the status repository");
        remote = tmp.resolve("remote.git");
        seed.git("init", "-q", "--bare", "-b", "main", remote.toString());
        seed.git("push", "-q", remote.toString(), "main");
        seed.git("clone", "-q", remote.toString(), tmp.resolve("human").toString());
        seed.git("clone", "-q", remote.toString(), tmp.resolve("bot").toString());
        human = seed.at(tmp.resolve("human"));
        bot = seed.at(tmp.resolve("bot"));
    }

    String humanPush(String summary, String message) throws Exception {
        human.git("pull", "-q", "--ff-only", "origin", "main");
        human.append(Workspace.LOG, entry("2026-06-02 10:00", summary));
        human.git("commit", "-q", "--no-verify", "-am", message);
        human.git("push", "-q", "origin", "main");
        return human.git("rev-parse", "HEAD").strip();
    }

    String remoteRef(String ref) throws Exception {
        GitFixture.Run r = human.run("--git-dir=" + remote, "rev-parse", "-q", "--verify", ref);
        return r.code() == 0 ? r.out().strip() : null;
    }

    void racer() throws Exception {
        Path hook = bot.dir().resolve(".git/hooks/pre-push");
        Files.writeString(
                hook,
                "#!/bin/sh\nunset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL"
                        + " GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL\n"
                        + "cd '" + human.dir() + "' || exit 1\n"
                        + "git fetch -q origin && git reset -q --hard origin/main\n"
                        + "date +%s%N > race.txt && git add race.txt\n"
                        + "git -c user.name=Racer -c user.email=racer@example.com commit -q --no-verify -m race\n"
                        + "git push -q origin HEAD:main\n");
        hook.toFile().setExecutable(true);
    }

    @Test
    void publishCommitsAsTheBotAndSaysSo() throws Exception {
        humanPush("First milestone reached", "First milestone");
        CliRun r = CliRun.of(bot.dir(), "publish", "--as", BOT, "--backoff", "0");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err())
                .contains("atomizer: committed shared/dashboards/exec-summary.md")
                .contains("on attempt 1");
        assertThat(human.git("--git-dir=" + remote, "log", "-1", "--format=%an|%s", "main")
                        .strip())
                .isEqualTo("Atomizer Bot|Regenerate derived files");

        CliRun again = CliRun.of(bot.dir(), "publish", "--as", BOT, "--backoff", "0");
        assertThat(again.code()).isZero();
        assertThat(again.err()).startsWith("atomizer: nothing to publish: the derived files are current at ");
    }

    @Test
    void publishThatLosesEveryRaceExitsOneWithOneLine() throws Exception {
        humanPush("First milestone reached", "First milestone");
        racer();
        CliRun r = CliRun.of(bot.dir(), "publish", "--as", BOT, "--backoff", "0", "--attempts", "2");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines().toList())
                .hasSize(2)
                .element(1)
                .asString()
                .startsWith("atomizer: could not publish to origin main after 2 attempts: it moved during each");
        assertThat(CliRun.of(bot.dir(), "publish", "--attempts", "0").code()).isEqualTo(2);
    }

    @Test
    void theMainLineIsVerifiedFromItsLastVerifiedCommitAndTheRefAdvancesOnlyWhenGreen() throws Exception {
        String before = human.git("rev-parse", "HEAD").strip();
        String first = humanPush("First milestone reached", "First milestone");
        bot.git("pull", "-q", "--ff-only", "origin", "main");
        // first run: no verified commit on the remote yet, the push's before is the fallback
        CliRun r = CliRun.of(
                bot.dir(), "verify", "--since-verified", "--base", before, "--mark-verified", "--format", "text");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err())
                .contains("verifying from " + before + " (origin has no verified commit yet)")
                .contains(VERIFIED + " advanced to " + first.substring(0, 10));
        assertThat(remoteRef(VERIFIED)).isEqualTo(first);

        // a push GitHub ran nothing for, then one that fails: both covered by the next run, which fails
        String skipped = humanPush("Second milestone", "Second milestone [skip ci]");
        human.append(Workspace.LOG, "## [2026-06-02 11:00] manager | first-project | milestone\n\nbroken\n\n---\n\n");
        human.git("commit", "-q", "--no-verify", "-am", "Broken entry");
        human.git("push", "-q", "origin", "main");
        bot.git("pull", "-q", "--ff-only", "origin", "main");
        CliRun failing = CliRun.of(
                bot.dir(), "verify", "--since-verified", "--base", skipped, "--mark-verified", "--format", "text");
        assertThat(failing.code()).isEqualTo(1);
        assertThat(failing.err()).contains("verifying from the last verified commit " + first.substring(0, 10));
        assertThat(failing.out())
                .contains("warning [skip-ci]")
                .contains("'[skip ci]'")
                .contains("this run verifies them");
        assertThat(remoteRef(VERIFIED)).as("not advanced after a red run").isEqualTo(first);

        // a fix: the next run verifies from the same commit, green, and advances the ref
        human.git("revert", "--no-edit", "HEAD");
        human.git("push", "-q", "origin", "main");
        bot.git("pull", "-q", "--ff-only", "origin", "main");
        CliRun green = CliRun.of(bot.dir(), "verify", "--since-verified", "--mark-verified", "--format", "text");
        assertThat(green.code()).as(green.out() + green.err()).isZero();
        assertThat(remoteRef(VERIFIED)).isEqualTo(bot.git("rev-parse", "HEAD").strip());
    }

    /**
     * The first push of a new main: GitHub's "before" is all zeros and the remote has no verified
     * commit. The run verifies from the root commit and marks the head verified; a broken commit in
     * that first push fails it and marks nothing.
     */
    @Test
    void theFirstPushOfANewMainIsVerifiedFromTheRootAndMarked() throws Exception {
        String zeros = "0".repeat(40);
        String root = human.git("rev-parse", "HEAD").strip();
        String head = humanPush("First milestone reached", "First milestone");
        bot.git("pull", "-q", "--ff-only", "origin", "main");
        CliRun r = CliRun.of(
                bot.dir(), "verify", "--since-verified", "--base", zeros, "--mark-verified", "--format", "text");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.err())
                .contains("verifying from the root commit " + root.substring(0, 10)
                        + " (a new branch: origin has no verified commit yet)")
                .contains(VERIFIED + " advanced to " + head.substring(0, 10));
        assertThat(remoteRef(VERIFIED)).isEqualTo(head);
        // a pull request's base is never all zeros: without --since-verified it is a usage error
        assertThat(CliRun.of(bot.dir(), "verify", "--base", zeros).code()).isEqualTo(2);
    }

    @Test
    void aBrokenCommitInTheFirstPushOfANewMainMarksNothing() throws Exception {
        human.append(Workspace.LOG, "## [2026-06-02 11:00] manager | first-project | milestone\n\nbroken\n\n---\n\n");
        human.git("commit", "-q", "--no-verify", "-am", "Broken entry");
        human.git("push", "-q", "origin", "main");
        bot.git("pull", "-q", "--ff-only", "origin", "main");
        CliRun r = CliRun.of(
                bot.dir(),
                "verify",
                "--since-verified",
                "--base",
                "0".repeat(40),
                "--mark-verified",
                "--format",
                "text");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("verifying from the root commit");
        assertThat(remoteRef(VERIFIED)).isNull();
    }

    @Test
    void outsideTheMainLineSkipCiIsAnError() throws Exception {
        String before = human.git("rev-parse", "HEAD").strip();
        humanPush("First milestone reached", "First milestone\n\nskip-checks: true");
        bot.git("pull", "-q", "--ff-only", "origin", "main");
        CliRun r = CliRun.of(bot.dir(), "verify", "--base", before, "--format", "text");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("error [skip-ci]").contains("'skip-checks: true'");
        assertThat(CliRun.of(bot.dir(), "verify", "--base", before, "--mark-verified")
                        .code())
                .isEqualTo(2);
        assertThat(remoteRef(VERIFIED)).isNull();
    }
}
