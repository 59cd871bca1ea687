package dev.atomizer.publish;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.PublishOptions;
import dev.atomizer.api.PublishOutcome;
import dev.atomizer.git.GitCli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code publish}: the bot's one way to write to the main line. Each attempt fetches the branch,
 * starts from its tip, regenerates what the bot owns there (the derived files, the reports that
 * are due), commits it as the bot and pushes. When the push loses a race (someone pushed
 * meanwhile), the next attempt starts over from the new tip, after a growing pause; after the last
 * attempt it gives up with one line. A push that fails while the branch did not move (no
 * permission, a protected branch) is not a race: it fails at once.
 *
 * <p>When the tip it built on is the remote's verified commit ({@link VerifiedRef}) and its own
 * commit verifies green, the same atomic push advances the verified ref to it: the bot's commit
 * never leaves the main line ahead of the verified ref.
 */
public final class Publisher {

    /** What one regeneration wrote, and the commit's subject. */
    public record Made(List<String> paths, String subject) {}

    /** Regenerates what the bot owns in a work tree whose HEAD is the branch's tip. */
    @FunctionalInterface
    public interface Regeneration {
        Made make(Path root) throws AtomizerException;
    }

    /** Verifies {@code base..head} in the work tree: true when green. */
    @FunctionalInterface
    public interface Verifier {
        boolean green(String base, String head) throws AtomizerException;
    }

    private final Path root;
    private final PublishOptions options;
    private final GitCli git;
    private final Consumer<String> progress;

    public Publisher(Path root, PublishOptions options, Consumer<String> progress) throws AtomizerException {
        this.root = root;
        this.options = options;
        this.git = new GitCli(root, identity(options.identity()));
        this.progress = progress;
    }

    /** {@code Name <email>} as git's author and committer variables. */
    static Map<String, String> identity(String identity) throws AtomizerException {
        if (identity == null) {
            return Map.of();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(.+?)\\s*<([^<>\\s]+)>\\s*")
                .matcher(identity);
        if (!m.matches()) {
            throw new AtomizerException("the bot's identity '" + identity + "' is not 'Name <email>'");
        }
        return Map.of(
                "GIT_AUTHOR_NAME", m.group(1),
                "GIT_AUTHOR_EMAIL", m.group(2),
                "GIT_COMMITTER_NAME", m.group(1),
                "GIT_COMMITTER_EMAIL", m.group(2));
    }

    /** Publishes: regenerate, commit, push, retried from the new tip after each lost race. */
    public PublishOutcome publish(Regeneration regeneration, Verifier verifier) throws AtomizerException {
        String branch = options.branch() != null ? options.branch() : currentBranch();
        String tracking = "refs/remotes/" + options.remote() + "/" + branch;
        refuseForeignChanges();
        String start = git.ok("rev-parse", "HEAD").strip();
        String tip = fetch(branch, tracking);
        if (!start.equals(tip) && !VerifiedRef.descends(git, tip, start)) {
            throw new AtomizerException("HEAD (" + VerifiedRef.shortId(start) + ") has commits " + options.remote()
                    + "/" + branch + " does not: publish pushes only what it makes; push or drop them first");
        }
        String lostTo = null;
        for (int attempt = 1; attempt <= options.attempts(); attempt++) {
            if (attempt > 1) {
                tip = fetch(branch, tracking);
            }
            startFrom(tip);
            Made made = regeneration.make(root);
            List<String> add = new ArrayList<>(List.of("add", "-A", "--"));
            add.addAll(options.owned());
            git.ok(add.toArray(String[]::new));
            List<String> changed = lines(git.ok("diff", "--cached", "--name-only"));
            if (changed.isEmpty()) {
                return new PublishOutcome(null, tip, attempt, List.of(), null, null);
            }
            git.ok("commit", "-q", "--no-verify", "-m", made.subject());
            String commit = git.ok("rev-parse", "HEAD").strip();
            String verified = verifiedAt();
            boolean advance = verified != null && verified.equals(tip) && verifier.green(tip, commit);
            GitCli.Run push = advance
                    ? git.run(
                            "push",
                            "--porcelain",
                            "--atomic",
                            "--force-with-lease=" + VerifiedRef.REF + ":" + tip,
                            options.remote(),
                            commit + ":refs/heads/" + branch,
                            commit + ":" + VerifiedRef.REF)
                    : git.run("push", "--porcelain", options.remote(), commit + ":refs/heads/" + branch);
            if (push.ok()) {
                git.run("update-ref", tracking, commit);
                if (advance) {
                    git.run("update-ref", VerifiedRef.REF, commit);
                }
                return new PublishOutcome(
                        commit,
                        commit,
                        attempt,
                        changed,
                        null,
                        advance ? VerifiedRef.REF + " advanced to " + VerifiedRef.shortId(commit) : null);
            }
            String now = fetch(branch, tracking);
            if (now.equals(tip) && !verifiedMoved(advance, tip)) {
                throw new AtomizerException("cannot push to " + options.remote() + " " + branch + ": " + push.said());
            }
            lostTo = now;
            if (attempt < options.attempts()) {
                Duration pause = options.backoff().multipliedBy(1L << Math.min(attempt - 1, 10));
                progress.accept("attempt " + attempt + " of " + options.attempts() + ": " + options.remote() + "/"
                        + branch + " moved to " + VerifiedRef.shortId(now) + " meanwhile; starting over from it"
                        + (pause.isZero() ? "" : " in " + pause.toMillis() / 1000.0 + " s"));
                sleep(pause);
            }
        }
        // the bot's last commit stays local only: leave the branch where the remote is
        startFrom(lostTo);
        return new PublishOutcome(
                null,
                lostTo,
                options.attempts(),
                List.of(),
                "could not publish to " + options.remote() + " " + branch + " after " + options.attempts()
                        + " attempts: it moved during each (last to " + VerifiedRef.shortId(lostTo)
                        + "); nothing was pushed, the next run starts from the new tip",
                null);
    }

    /** The remote's verified commit now, or null when it has none or it cannot be read. */
    private String verifiedAt() throws AtomizerException {
        String listed = git.ok("ls-remote", options.remote(), VerifiedRef.REF).strip();
        return listed.isEmpty() ? null : listed.split("\\s+")[0];
    }

    /** Whether the push failed because another run moved the verified ref (a race as well). */
    private boolean verifiedMoved(boolean advanced, String tip) throws AtomizerException {
        return advanced && !tip.equals(verifiedAt());
    }

    private String currentBranch() throws AtomizerException {
        GitCli.Run r = git.run("symbolic-ref", "-q", "--short", "HEAD");
        if (!r.ok()) {
            throw new AtomizerException("HEAD is detached: name the branch to publish to with --branch");
        }
        return r.out().strip();
    }

    /** Fetches the branch and returns its tip. */
    private String fetch(String branch, String tracking) throws AtomizerException {
        git.ok("fetch", "--no-tags", "-q", options.remote(), "+refs/heads/" + branch + ":" + tracking);
        return git.ok("rev-parse", tracking).strip();
    }

    /** The work tree at {@code tip}, with nothing of an earlier attempt left in the bot's folders. */
    private void startFrom(String tip) throws AtomizerException {
        List<String> clean = new ArrayList<>(List.of("clean", "-f", "-q", "--"));
        clean.addAll(options.owned());
        git.ok(clean.toArray(String[]::new));
        git.ok("reset", "-q", "--hard", tip);
    }

    /** Refuses a work tree with changes outside the bot's folders: publish would drop them. */
    private void refuseForeignChanges() throws AtomizerException {
        List<String> foreign = new ArrayList<>();
        // git status names paths from the top of the work tree; the bot's folders are the workspace's
        String prefix = git.ok("rev-parse", "--show-prefix").strip();
        for (String line :
                git.ok("status", "--porcelain", "--untracked-files=all").split("\n")) {
            if (line.length() < 4) {
                continue;
            }
            String path = line.substring(3);
            int arrow = path.indexOf(" -> ");
            path = arrow < 0 ? path : path.substring(arrow + 4);
            if (path.startsWith("\"")) {
                path = path.substring(1, path.length() - 1);
            }
            boolean owned = false;
            for (String folder : options.owned()) {
                owned |= path.equals(prefix + folder) || path.startsWith(prefix + folder + "/");
            }
            if (!owned) {
                foreign.add(path);
            }
        }
        if (!foreign.isEmpty()) {
            throw new AtomizerException("the work tree has changes publish would drop (" + String.join(", ", foreign)
                    + "): publish writes only " + String.join(", ", options.owned())
                    + "; commit or stash the rest first");
        }
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n")) {
            if (!l.isBlank()) {
                out.add(l.strip());
            }
        }
        return out;
    }

    private static void sleep(Duration d) throws AtomizerException {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtomizerException("interrupted while waiting to publish again", e);
        }
    }
}
