package dev.atomizer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomizer.Atomizer;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Workspace;
import dev.atomizer.git.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub's server played by a bare repository: the bot publishes from its clone while a second
 * clone races it. The race is made deterministic by the bot clone's pre-push hook, which pushes a
 * commit from the other clone before the bot's first push(es) reach the remote.
 */
class PublishTest {

    static final String BOT = "Atomizer Bot <bot@example.com>";

    @TempDir
    Path tmp;

    Path remote;
    GitFixture human;
    Path bot;

    static String entry(String time, String summary) {
        return "## [" + time + "] manager | first-project | milestone\n\n**Status:** completed\n**Summary:** " + summary
                + "\n\n---\n\n";
    }

    @BeforeEach
    void server() throws Exception {
        GitFixture seed = GitFixture.init(tmp.resolve("seed"));
        dev.atomizer.install.Scaffold.make(seed.dir());
        seed.append(Workspace.LOG, "\n" + entry("2026-06-01 09:00", "Repository set up"));
        Atomizer.at(seed.dir(), Map.of()).dashboards(null);
        seed.git("add", "-A");
        seed.commit("Set up the status repository");
        remote = tmp.resolve("remote.git");
        seed.git("init", "-q", "--bare", "-b", "main", remote.toString());
        seed.git("push", "-q", remote.toString(), "main");
        seed.git("clone", "-q", remote.toString(), tmp.resolve("human").toString());
        seed.git("clone", "-q", remote.toString(), tmp.resolve("bot").toString());
        human = seed.at(tmp.resolve("human"));
        bot = tmp.resolve("bot");
        // a human's entry reaches main: the dashboards on main are now stale
        human.append(Workspace.LOG, entry("2026-06-02 10:00", "First milestone reached"));
        human.git("commit", "-q", "--no-verify", "-am", "First milestone");
        human.git("push", "-q", "origin", "main");
        // the bot's checkout of main is older than main: its job started before the push
    }

    /** Makes the bot clone's pre-push hook push a commit from the human clone, the first {@code times} times. */
    void racer(int times) throws Exception {
        Path hook = bot.resolve(".git/hooks/pre-push");
        Files.writeString(
                hook,
                "#!/bin/sh\n"
                        + "unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME"
                        + " GIT_COMMITTER_EMAIL\n"
                        + "counter='" + tmp.resolve("races") + "'\n"
                        + "n=$(cat \"$counter\" 2>/dev/null || echo 0); n=$((n+1)); echo $n > \"$counter\"\n"
                        + "[ \"$n\" -le " + times + " ] || exit 0\n"
                        + "cd '" + human.dir() + "' || exit 1\n"
                        + "git fetch -q origin && git reset -q --hard origin/main\n"
                        + "echo \"race $n\" > \"race-$n.txt\" && git add \"race-$n.txt\"\n"
                        + "git -c user.name=Racer -c user.email=racer@example.com commit -q --no-verify -m \"race $n\"\n"
                        + "git push -q origin HEAD:main\n");
        hook.toFile().setExecutable(true);
    }

    Publisher.Outcome publish(int attempts, boolean reports, List<String> said) throws AtomizerException {
        return Atomizer.at(bot, Map.of())
                .publish(
                        new Publisher.Options(
                                "origin", null, attempts, Duration.ZERO, BOT, Atomizer.publishedFolders(reports)),
                        reports,
                        Instant.parse("2026-06-02T12:00:00Z"),
                        said::add);
    }

    String remoteGit(String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of("--git-dir=" + remote));
        a.addAll(List.of(args));
        return human.git(a.toArray(String[]::new)).strip();
    }

    @Test
    void thePublishRegeneratesFromTheRemoteTipCommitsAsTheBotAndPushes() throws Exception {
        List<String> said = new ArrayList<>();
        Publisher.Outcome o = publish(5, false, said);

        assertThat(o.published()).isTrue();
        assertThat(o.attempts()).isEqualTo(1);
        assertThat(o.paths()).contains("shared/dashboards/exec-summary.md");
        assertThat(remoteGit("rev-parse", "main")).isEqualTo(o.commit());
        assertThat(remoteGit("log", "-1", "--format=%an <%ae>|%s", "main"))
                .isEqualTo(BOT + "|Regenerate derived files");
        // built on the human's push, which its checkout did not have
        assertThat(remoteGit("log", "-1", "--format=%s", "main~1")).isEqualTo("First milestone");
        assertThat(remoteGit("show", "main:shared/dashboards/exec-summary.md")).contains("First milestone reached");
        // the bot needs no [skip ci]: its push starts no run by its paths and actor
        assertThat(remoteGit("log", "-1", "--format=%B", "main")).doesNotContainIgnoringCase("skip");
        // no verified commit on the remote: the ref is left alone
        assertThat(o.verified()).isNull();
        assertThat(said).isEmpty();

        // again: nothing to publish
        Publisher.Outcome again = publish(5, false, said);
        assertThat(again.commit()).isNull();
        assertThat(again.failure()).isNull();
    }

    @Test
    void aLostRaceStartsOverFromTheNewTipAndSucceeds() throws Exception {
        racer(2);
        List<String> said = new ArrayList<>();
        Publisher.Outcome o = publish(5, false, said);

        assertThat(o.published()).isTrue();
        assertThat(o.attempts()).isEqualTo(3);
        assertThat(said).hasSize(2).allMatch(l -> l.contains("moved to") && l.contains("starting over"));
        // the racers' commits stay, under the bot's
        assertThat(remoteGit("log", "--format=%s", "main").lines().limit(4))
                .containsExactly("Regenerate derived files", "race 2", "race 1", "First milestone");
        assertThat(remoteGit("show", "main:race-1.txt")).isEqualTo("race 1");
        assertThat(remoteGit("show", "main:shared/dashboards/exec-summary.md")).contains("First milestone reached");
    }

    @Test
    void everyRaceLostFailsInOneLineAfterTheLastAttempt() throws Exception {
        racer(100);
        List<String> said = new ArrayList<>();
        Publisher.Outcome o = publish(3, false, said);

        assertThat(o.published()).isFalse();
        assertThat(o.attempts()).isEqualTo(3);
        assertThat(o.failure())
                .startsWith("could not publish to origin main after 3 attempts: it moved during each (last to ")
                .doesNotContain("\n");
        assertThat(said).hasSize(2);
        assertThat(remoteGit("log", "-1", "--format=%s", "main")).isEqualTo("race 3");
        // nothing of the bot's is pushed, and its clone is left at the remote's tip
        assertThat(remoteGit("log", "--format=%an", "main")).doesNotContain("Atomizer Bot");
        assertThat(new GitFixtureRun(bot).head()).isEqualTo(remoteGit("rev-parse", "main"));
    }

    @Test
    void aPushRefusedForAnotherReasonFailsAtOnce() throws Exception {
        Path hook = remote.resolve("hooks/pre-receive");
        Files.writeString(hook, "#!/bin/sh\necho 'protected branch' >&2\nexit 1\n");
        hook.toFile().setExecutable(true);
        assertThatThrownBy(() -> publish(5, false, new ArrayList<>()))
                .isInstanceOf(AtomizerException.class)
                .hasMessageStartingWith("cannot push to origin main: ")
                .hasMessageContaining("[remote rejected]")
                .hasMessageContaining("remote: protected branch");
    }

    @Test
    void aVerifiedTipIsAdvancedToTheBotsCommitInTheSamePush() throws Exception {
        String tip = remoteGit("rev-parse", "main");
        remoteGit("update-ref", VerifiedRef.REF, tip);
        Publisher.Outcome o = publish(5, false, new ArrayList<>());

        assertThat(o.published()).isTrue();
        assertThat(o.verified())
                .isEqualTo(VerifiedRef.REF + " advanced to " + o.commit().substring(0, 10));
        assertThat(remoteGit("rev-parse", VerifiedRef.REF)).isEqualTo(o.commit());
    }

    @Test
    void anUnverifiedTipLeavesTheVerifiedRefWhereItIs() throws Exception {
        String old = remoteGit("rev-parse", "main~1");
        remoteGit("update-ref", VerifiedRef.REF, old);
        Publisher.Outcome o = publish(5, false, new ArrayList<>());

        assertThat(o.published()).isTrue();
        assertThat(o.verified()).isNull();
        assertThat(remoteGit("rev-parse", VerifiedRef.REF)).isEqualTo(old);
    }

    @Test
    void aChangeOutsideTheBotsFoldersIsRefused() throws Exception {
        Files.writeString(bot.resolve("notes.md"), "mine\n");
        assertThatThrownBy(() -> publish(5, false, new ArrayList<>()))
                .hasMessageContaining("the work tree has changes publish would drop (notes.md)");
    }

    @Test
    void theReportsDueAndMissingAreAllWritten() throws Exception {
        // two Fridays have passed since the first entry (Monday of 2026-W23): both weeks' reports are due
        Publisher.Outcome o = Atomizer.at(bot, Map.of())
                .publish(
                        new Publisher.Options("origin", null, 5, Duration.ZERO, BOT, Atomizer.publishedFolders(true)),
                        true,
                        Instant.parse("2026-06-13T12:00:00Z"),
                        l -> {});
        assertThat(o.published()).isTrue();
        assertThat(o.paths())
                .contains(
                        "shared/reports/weekly/2026-W23-report.md",
                        "shared/reports/weekly/2026-W24-report.md",
                        "shared/dashboards/exec-summary.md");
        assertThat(remoteGit("log", "-1", "--format=%s", "main"))
                .isEqualTo("Weekly reports 2026-W23, 2026-W24, derived files regenerated");
    }

    /**
     * A scheduled run GitHub starts late, or one that never ran: the next run writes every week due
     * and missing since the newest report, and leaves the written ones alone.
     */
    @Test
    void aDelayedOrMissedFridayIsCaughtUpWeekByWeek() throws Exception {
        // Saturday after 2026-W23's cut-off (a Friday run delayed by a day): W23
        Publisher.Outcome first = publishReports(Instant.parse("2026-06-06T03:00:00Z"));
        assertThat(first.paths())
                .contains("shared/reports/weekly/2026-W23-report.md")
                .noneMatch(p -> p.contains("2026-W24"));
        String w23 = remoteGit("show", "main:shared/reports/weekly/2026-W23-report.md");
        // the Fridays of W24 and W25 had no run; the Saturday after W25's cut-off writes both
        Publisher.Outcome caughtUp = publishReports(Instant.parse("2026-06-20T03:00:00Z"));
        assertThat(caughtUp.paths())
                .contains("shared/reports/weekly/2026-W24-report.md", "shared/reports/weekly/2026-W25-report.md")
                .noneMatch(p -> p.contains("2026-W23") || p.contains("2026-W26"));
        assertThat(remoteGit("log", "-1", "--format=%s", "main"))
                .isEqualTo("Weekly reports 2026-W24, 2026-W25, derived files regenerated");
        assertThat(remoteGit("show", "main:shared/reports/weekly/2026-W23-report.md"))
                .isEqualTo(w23);
        // the same window again: nothing due is missing
        Publisher.Outcome again = publishReports(Instant.parse("2026-06-20T04:00:00Z"));
        assertThat(again.paths()).noneMatch(p -> p.startsWith("shared/reports/"));
    }

    Publisher.Outcome publishReports(Instant clock) throws Exception {
        return Atomizer.at(bot, Map.of())
                .publish(
                        new Publisher.Options("origin", null, 5, Duration.ZERO, BOT, Atomizer.publishedFolders(true)),
                        true,
                        clock,
                        l -> {});
    }

    /** HEAD of a clone, read with git. */
    record GitFixtureRun(Path dir) {
        String head() throws Exception {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD")
                    .directory(dir.toFile())
                    .start();
            return new String(p.getInputStream().readAllBytes()).strip();
        }
    }
}
