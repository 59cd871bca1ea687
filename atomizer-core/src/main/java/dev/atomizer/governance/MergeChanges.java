package dev.atomizer.governance;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.contract.Policy;
import dev.atomizer.git.CommitInfo;
import dev.atomizer.git.FileChange;
import dev.atomizer.git.GitRepo;
import dev.atomizer.git.Tree;
import dev.atomizer.merge.LogMerge;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a merge commit changes on its own (see docs/governance.md, "Merges"). A merge is judged
 * against its first parent like any commit, except for a path whose result is exactly what a
 * clean three-way merge takes from another parent: that parent changed it since the merge base
 * and the first parent did not. That parent's change was checked where it was made (every commit
 * reachable from the head is in the verified range or reachable from the base). Anything else
 * is the merge's own change and needs what any change needs: a deletion through an unrelated
 * parent (no merge base), a rollback to an ancestor's version, a conflict resolution.
 *
 * <p>Append-only logs are the exception: both sides append, so the merge driver combines them.
 * A log that every parent only appended to since the merge base is judged as a {@link MergedLog};
 * otherwise (unrelated histories, a parent that changed the base's part) it is judged against the
 * first parent like any commit.
 *
 * @param own  the changes against the first parent that the merge makes on its own
 * @param logs the append-only logs to judge as merged logs
 */
public record MergeChanges(List<FileChange> own, List<MergedLog> logs) {

    /** Sorts the changes of {@code merge} (whose parents' files and own files are given). */
    public static MergeChanges of(GitRepo git, CommitInfo merge, List<Tree> parents, Tree result, Policies policies)
            throws AtomizerException {
        List<String> ids = merge.parents();
        // the merge bases of the first parent with each other parent: where a clean merge starts
        List<List<Tree>> bases = new ArrayList<>();
        bases.add(List.of());
        for (int i = 1; i < ids.size(); i++) {
            bases.add(trees(git, git.mergeBases(List.of(ids.get(0), ids.get(i)))));
        }
        try {
            List<MergedLog> logs = new ArrayList<>();
            Set<String> merged = new TreeSet<>();
            List<String> logBases = git.mergeBases(ids);
            List<FileChange> againstFirst = git.changes(merge.id(), 0);
            for (String path : appendOnlyPaths(git, merge, againstFirst, policies)) {
                MergedLog log;
                try {
                    byte[] mine = result.read(path);
                    byte[] base = mine == null ? null : logAt(git, path, logBases, 0);
                    if (base == null) {
                        continue; // deleted, or no base to keep: judged against the first parent
                    }
                    if (Arrays.equals(base, orEmpty(parents.get(0).read(path))) && sameAsAnother(mine, path, parents)) {
                        merged.add(path); // the first parent kept the base's log: another's is taken whole
                        continue;
                    }
                    log = mergedLog(path, parents, mine, base, ids);
                } catch (dev.atomizer.git.NotAFileException e) {
                    continue; // a version that is not a file: judged against the first parent
                }
                if (log != null) {
                    logs.add(log);
                    merged.add(path);
                }
            }
            List<FileChange> own = new ArrayList<>();
            for (FileChange change : againstFirst) {
                if (change.newPath() != null
                        && merged.contains(change.newPath())
                        && (change.kind() == FileChange.Kind.MODIFY || change.kind() == FileChange.Kind.ADD)) {
                    continue;
                }
                if (!fromOtherParent(change.oldPath(), parents, result, bases)
                        || !fromOtherParent(change.newPath(), parents, result, bases)) {
                    own.add(change);
                }
            }
            return new MergeChanges(List.copyOf(own), List.copyOf(logs));
        } catch (IOException e) {
            throw new AtomizerException("cannot read merge " + merge.shortId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Is the merge's version of {@code path} what a clean three-way merge takes from a parent
     * other than the first: that parent has it, and the first parent kept it as every merge base
     * had it? A null path (the missing side of an addition or a deletion) is no obstacle.
     */
    private static boolean fromOtherParent(String path, List<Tree> parents, Tree result, List<List<Tree>> bases)
            throws IOException {
        if (path == null) {
            return true;
        }
        byte[] mine = result.read(path);
        byte[] first = parents.get(0).read(path);
        for (int i = 1; i < parents.size(); i++) {
            if (bases.get(i).isEmpty() || !Arrays.equals(mine, parents.get(i).read(path))) {
                continue;
            }
            boolean firstKeptBase = true;
            for (Tree base : bases.get(i)) {
                firstKeptBase &= Arrays.equals(first, base.read(path));
            }
            if (firstKeptBase) {
                return true;
            }
        }
        return false;
    }

    /** The append-only paths whose content differs between the merge and any of its parents. */
    private static Set<String> appendOnlyPaths(
            GitRepo git, CommitInfo merge, List<FileChange> againstFirst, Policies policies) throws AtomizerException {
        Set<String> paths = new TreeSet<>();
        for (int i = 0; i < merge.parents().size(); i++) {
            for (FileChange c : i == 0 ? againstFirst : git.changes(merge.id(), i)) {
                for (String p : new String[] {c.oldPath(), c.newPath()}) {
                    if (p != null && policies.is(p, Policy.APPEND_ONLY)) {
                        paths.add(p);
                    }
                }
            }
        }
        return paths;
    }

    /**
     * The log at the merge bases as git's recursive merge sees it: one base's log, or for a
     * criss-cross history the driver's merge of the bases' logs (a virtual base); empty when the
     * bases have no log; null when there is no base (unrelated histories) or the bases' logs do
     * not merge cleanly.
     */
    private static byte[] logAt(GitRepo git, String path, List<String> bases, int depth)
            throws AtomizerException, IOException {
        if (bases.isEmpty() || depth > 4) {
            return null;
        }
        byte[] log = orEmpty(git.files(bases.get(0)).read(path));
        for (int k = 1; k < bases.size(); k++) {
            byte[] sub = logAt(git, path, git.mergeBases(List.of(bases.get(0), bases.get(k))), depth + 1);
            if (sub == null) {
                return null;
            }
            LogMerge.Result r =
                    LogMerge.merge(sub, log, orEmpty(git.files(bases.get(k)).read(path)));
            if (!r.clean()) {
                return null;
            }
            log = r.merged();
        }
        return log;
    }

    /**
     * The log as a merged log, or null when it is to be judged against the first parent: a
     * parent changed the base's part (the merge resolved a conflict).
     */
    private static MergedLog mergedLog(String path, List<Tree> parents, byte[] merged, byte[] base, List<String> ids)
            throws IOException {
        List<MergedLog.Side> sides = new ArrayList<>();
        for (int i = 0; i < parents.size(); i++) {
            byte[] log = orEmpty(parents.get(i).read(path));
            AppendCheck extended = AppendCheck.compare(path, base, log, AppendCheck.Resume.START);
            if (!extended.appendOnly()) {
                return null;
            }
            sides.add(new MergedLog.Side(ids.get(i), log, extended.tailOffset()));
        }
        return new MergedLog(path, base, List.copyOf(sides), merged);
    }

    private static boolean sameAsAnother(byte[] mine, String path, List<Tree> parents) throws IOException {
        for (int i = 1; i < parents.size(); i++) {
            if (Arrays.equals(mine, parents.get(i).read(path))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] orEmpty(byte[] b) {
        return b == null ? new byte[0] : b;
    }

    private static List<Tree> trees(GitRepo git, List<String> commits) throws AtomizerException {
        List<Tree> out = new ArrayList<>();
        for (String c : commits) {
            out.add(git.files(c));
        }
        return out;
    }
}
