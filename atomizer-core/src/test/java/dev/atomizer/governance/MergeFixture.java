package dev.atomizer.governance;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitRepo;
import dev.atomizer.merge.LogMerge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * Merges and crafted commits with the real git binary, for the merge rules' tests: the log is
 * merged as the installed merge driver merges it ({@link LogMerge} on git's three versions), the
 * other paths by git itself.
 */
final class MergeFixture {

    static final String LOG = "shared/project_log.md";

    private final GitFixture repo;

    MergeFixture(GitFixture repo) {
        this.repo = repo;
    }

    static String entry(String ts, String agent, String summary) {
        return "## [" + ts + "] " + agent + " | bracket-topopt | milestone\n\n**Status:** completed\n**Summary:** "
                + summary + "\n\n---\n\n";
    }

    /** The file at {@code rev}, or an empty text when it has none. */
    String show(String rev, String path) throws IOException {
        GitFixture.Run r = repo.run("show", rev + ":" + path);
        return r.code() == 0 ? r.out() : "";
    }

    /**
     * {@code git merge --no-ff} of {@code branch} into the current branch, the log merged by the
     * driver; {@code edit} may change the index and the work tree before the merge is committed.
     *
     * @return the merge commit, or null when the driver reports a conflict (nothing is merged)
     */
    String merge(String branch, String message, Edit edit) throws IOException {
        byte[] base = baseLog("HEAD", branch, 0);
        LogMerge.Result log = base == null ? null : LogMerge.merge(base, bytes("HEAD"), bytes(branch));
        if (log == null || !log.clean()) {
            return null; // the driver leaves a conflict: git merge stops, nothing is committed
        }
        repo.run("merge", "--no-ff", "--no-commit", "-q", branch);
        Files.write(repo.file(LOG), log.merged());
        repo.git("add", "--", LOG);
        edit.apply(repo);
        repo.git("commit", "-q", "--no-verify", "-m", message);
        return repo.git("rev-parse", "HEAD").strip();
    }

    String merge(String branch) throws IOException {
        return merge(branch, "Merge " + branch, r -> {});
    }

    /**
     * The log git's recursive strategy hands the driver as the base: that of the merge base, or
     * for a criss-cross history (several merge bases) the driver's merge of their logs; null when
     * that merge of the bases itself conflicts (git then stops too).
     */
    private byte[] baseLog(String a, String b, int depth) throws IOException {
        List<String> bases =
                repo.git("merge-base", "--all", a, b).lines().map(String::strip).toList();
        byte[] log = bytes(bases.get(0));
        for (int k = 1; k < bases.size(); k++) {
            if (java.util.Arrays.equals(log, bytes(bases.get(k)))) {
                continue; // the same log on both sides: kept, whatever their own bases
            }
            byte[] sub = depth > 4 ? null : baseLog(bases.get(0), bases.get(k), depth + 1);
            LogMerge.Result r = sub == null ? null : LogMerge.merge(sub, log, bytes(bases.get(k)));
            if (r == null || !r.clean()) {
                return null;
            }
            log = r.merged();
        }
        return log;
    }

    private byte[] bytes(String rev) throws IOException {
        return show(rev, LOG).getBytes(StandardCharsets.UTF_8);
    }

    /** A commit made by hand with {@code git commit-tree}: any tree, any parents; the branch is moved to it. */
    String craft(String tree, String message, String... parents) throws IOException {
        String[] args = new String[4 + 2 * parents.length];
        args[0] = "commit-tree";
        args[1] = tree;
        args[2] = "-m";
        args[3] = message;
        for (int i = 0; i < parents.length; i++) {
            args[4 + 2 * i] = "-p";
            args[5 + 2 * i] = parents[i];
        }
        String id = repo.git(args).strip();
        repo.git("reset", "-q", "--hard", id);
        return id;
    }

    /** The tree of the index after {@code edit} (the work tree is left as edit leaves it). */
    String tree(Edit edit) throws IOException {
        edit.apply(repo);
        return repo.git("write-tree").strip();
    }

    /** The diagnostics of {@code verify --base base}, as "path:line rule". */
    List<String> verify(String base) throws AtomizerException {
        return GitChecksTest.render(verifyResult(base).diagnostics());
    }

    GitChecks.Result verifyResult(String base) throws AtomizerException {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            return GitChecks.verify(git, base, "HEAD", Map.of(), DerivedFiles.NONE, c -> {});
        }
    }

    @FunctionalInterface
    interface Edit {
        void apply(GitFixture repo) throws IOException;
    }
}
