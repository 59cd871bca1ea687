package dev.atomizer.cli;

import dev.atomizer.Atomizer;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.PublishOptions;
import dev.atomizer.api.PublishOutcome;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code publish}: the bot's write to the main line, retried when a push loses a race. */
@Command(
        name = "publish",
        header = "As the bot: regenerate the derived files (and write the due reports), commit, push; retry on a race.",
        description = {
            "The bot's one way to write to the main line (the workflow's dashboards and weekly-report jobs).",
            "Fetches the branch, starts from its tip, regenerates the dashboards and the KPI table and, with",
            "--reports, writes every weekly report that is due and missing (after the newest one written);",
            "commits what changed as the bot and pushes. When the push loses a race (someone pushed",
            "meanwhile), it starts over from the new tip after a pause that doubles each time, up to",
            "--attempts pushes; then it fails with one line (exit 1). A push refused for another reason",
            "fails at once (exit 2). When the tip it built on is the remote's last verified commit",
            "(refs/atomizer/verified) and its own commit verifies green, the same atomic push advances the",
            "ref to it. The work tree may have changes only in the folders it writes; HEAD may not have",
            "commits the remote branch lacks."
        })
final class PublishCommand extends CommandBase {

    @Option(
            names = "--remote",
            defaultValue = "origin",
            paramLabel = "NAME",
            description = "The remote (default: origin).")
    String remote;

    @Option(
            names = "--branch",
            paramLabel = "NAME",
            description = "The branch to publish to (default: the current branch).")
    String branch;

    @Option(
            names = "--reports",
            description = "Also write every weekly report that is due and missing (the Friday job).")
    boolean reports;

    @Option(
            names = "--attempts",
            defaultValue = "5",
            paramLabel = "N",
            description = "How many pushes to try before giving up (default: 5).")
    int attempts;

    @Option(
            names = "--backoff",
            defaultValue = "2",
            paramLabel = "SECONDS",
            description = "The pause after the first lost race, doubled after each further one (default: 2).")
    int backoff;

    @Option(
            names = "--as",
            paramLabel = "'NAME <EMAIL>'",
            description = "The bot's identity for its commit (default: git's configured user).")
    String identity;

    @Override
    public Integer call() throws AtomizerException {
        if (attempts < 1 || attempts > 20) {
            throw new AtomizerException("--attempts must be from 1 to 20, not " + attempts);
        }
        if (backoff < 0 || backoff > 60) {
            throw new AtomizerException("--backoff must be from 0 to 60 seconds, not " + backoff);
        }
        PublishOptions options = new PublishOptions(
                remote, branch, attempts, Duration.ofSeconds(backoff), identity, Atomizer.publishedFolders(reports));
        PublishOutcome o = atomizer()
                .publish(options, reports, Atomizer.clock(main.env), line -> main.err.println("atomizer: " + line));
        if (o.failure() != null) {
            main.err.println("atomizer: " + o.failure());
            return Main.VIOLATIONS;
        }
        if (o.commit() == null) {
            main.err.println("atomizer: nothing to publish: the derived files" + (reports ? " and the due reports" : "")
                    + " are current at " + shortId(o.tip()));
            return Main.OK;
        }
        for (String p : o.paths()) {
            main.err.println("atomizer: committed " + p);
        }
        main.err.println("atomizer: published " + shortId(o.commit()) + " to " + remote + " on attempt " + o.attempts()
                + (o.verified() == null ? "" : "; " + o.verified()));
        return Main.OK;
    }

    private static String shortId(String id) {
        return id == null || id.length() <= 10 ? String.valueOf(id) : id.substring(0, 10);
    }
}
