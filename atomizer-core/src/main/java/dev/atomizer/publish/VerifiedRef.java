package dev.atomizer.publish;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.git.GitCli;

/**
 * The last verified commit of the main line, kept on the remote as {@value #REF}: the push job
 * verifies from it (not from the push's "before", which a skipped or cancelled run never got to),
 * and advances it only after a green run, never backwards. The watchdog alerts when the main line
 * has been ahead of it for longer than the contract's {@code Verify lag}.
 */
public final class VerifiedRef {

    /** Outside refs/heads and refs/tags: no branch list, no release page and no checkout shows it. */
    public static final String REF = dev.atomizer.api.Workspace.VERIFIED_REF;

    private VerifiedRef() {}

    /**
     * The remote's verified commit, fetched into the local {@value #REF}; null when the remote has
     * none yet (the first run).
     */
    public static String fetch(GitCli git, String remote) throws AtomizerException {
        String listed = git.ok("ls-remote", remote, REF).strip();
        if (listed.isEmpty()) {
            return null;
        }
        String id = listed.split("\\s+")[0];
        git.ok("fetch", "--no-tags", "-q", remote, "+" + REF + ":" + REF);
        return id;
    }

    /** What {@link #advance} did. */
    public record Advanced(boolean moved, String message) {}

    /**
     * Moves the remote's {@value #REF} from {@code expected} (null: the remote has none) to
     * {@code commit}, which must descend from it, with a lease: a concurrent run that moved it
     * first wins when it went at least as far; a move backwards or sideways is refused.
     */
    public static Advanced advance(GitCli git, String remote, String expected, String commit) throws AtomizerException {
        if (expected != null && !expected.equals(commit) && !descends(git, commit, expected)) {
            return new Advanced(
                    false,
                    REF + " stays at " + shortId(expected) + ": " + shortId(commit)
                            + " does not descend from it (was main rewritten?)");
        }
        if (commit.equals(expected)) {
            return new Advanced(false, REF + " is already at " + shortId(commit));
        }
        GitCli.Run push = git.run(
                "push",
                "--porcelain",
                "--force-with-lease=" + REF + ":" + (expected == null ? "" : expected),
                remote,
                commit + ":" + REF);
        if (push.ok()) {
            git.ok("update-ref", REF, commit);
            return new Advanced(true, REF + " advanced to " + shortId(commit));
        }
        String now = git.ok("ls-remote", remote, REF).strip();
        String there = now.isEmpty() ? null : now.split("\\s+")[0];
        if (there != null && (there.equals(commit) || descends(git, there, commit))) {
            return new Advanced(false, REF + " was advanced by another run to " + shortId(there));
        }
        throw new AtomizerException(
                "cannot advance " + REF + " on " + remote + " to " + shortId(commit) + ": " + push.said());
    }

    /** Whether {@code commit} descends from {@code ancestor} (both known locally). */
    static boolean descends(GitCli git, String commit, String ancestor) throws AtomizerException {
        GitCli.Run r = git.run("merge-base", "--is-ancestor", ancestor, commit);
        if (r.code() > 1) {
            // an object this clone does not have: not known to descend
            return false;
        }
        return r.ok();
    }

    static String shortId(String id) {
        return id.length() > 10 ? id.substring(0, 10) : id;
    }
}
