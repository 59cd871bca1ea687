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
        PairBases bases = new PairBases(git, ids);
        try {
            List<MergedLog> logs = new ArrayList<>();
            Set<String> merged = new TreeSet<>();
            List<String> logBases = null;
            List<FileChange> againstFirst = git.changes(merge.id(), 0);
            for (String path : appendOnlyPaths(git, merge, againstFirst, policies)) {
                MergedLog log;
                try {
                    byte[] mine = result.read(path);
                    if (mine != null && logBases == null) {
                        logBases = git.mergeBases(ids);
                    }
                    byte[] base = mine == null ? null : new BaseLog(git, path).at(logBases);
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
    private static boolean fromOtherParent(String path, List<Tree> parents, Tree result, PairBases bases)
            throws IOException, AtomizerException {
        if (path == null) {
            return true;
        }
        byte[] mine = result.read(path);
        byte[] first = parents.get(0).read(path);
        for (int i = 1; i < parents.size(); i++) {
            if (!Arrays.equals(mine, parents.get(i).read(path)) || bases.of(i).isEmpty()) {
                continue;
            }
            boolean firstKeptBase = true;
            for (Tree base : bases.of(i)) {
                firstKeptBase &= Arrays.equals(first, base.read(path));
            }
            if (firstKeptBase) {
                return true;
            }
        }
        return false;
    }

    /**
     * The merge bases of the first parent with each other parent, as their files, found when a
     * path first needs them: a merge that changes nothing against its first parent needs none.
     */
    private static final class PairBases {
        private final GitRepo git;
        private final List<String> ids;
        private final java.util.Map<Integer, List<Tree>> found = new java.util.HashMap<>();

        PairBases(GitRepo git, List<String> ids) {
            this.git = git;
            this.ids = ids;
        }

        List<Tree> of(int parent) throws AtomizerException {
            List<Tree> t = found.get(parent);
            if (t == null) {
                t = trees(git, git.mergeBases(List.of(ids.get(0), ids.get(parent))));
                found.put(parent, t);
            }
            return t;
        }
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
     * The log at a merge's bases as git's recursive strategy hands it to the merge driver: one
     * base's log, or for a criss-cross history (several bases) the driver's merge of the bases'
     * logs, each pair merged over the log at its own bases (a virtual base), recursively.
     *
     * <p>The cost is bounded, whatever the history: each set of bases is merged once per log and
     * merge commit; bases that hold the same log need no merge (the driver takes it as is, and so
     * does git whatever their own bases); the recursion stops below {@link #MAX_DEPTH} levels and
     * after {@link #MAX_MERGES} driver merges. Past either, there is no base to keep: the log is
     * judged against the first parent, as for unrelated histories (docs/governance.md, "The cost
     * of a range").
     */
    static final class BaseLog {

        /** Levels of virtual bases below a merge's own bases. */
        static final int MAX_DEPTH = 4;

        /** Driver merges of bases' logs for one log of one merge commit. */
        static final int MAX_MERGES = 32;

        private final GitRepo git;
        private final String path;
        /** The log at each set of bases merged so far (a list as {@link GitRepo#mergeBases} gives it). */
        private final java.util.Map<List<String>, byte[]> known = new java.util.HashMap<>();
        /** Each commit's log, by its blob: the same log at many bases is read once. */
        private final java.util.Map<String, byte[]> logs = new java.util.HashMap<>();
        /** Bytes the two maps hold: at most a file's limit, past which logs are read and merged again. */
        private long held;

        private int merges;

        BaseLog(GitRepo git, String path) {
            this.git = git;
            this.path = path;
        }

        /**
         * The log at {@code bases}; empty when they have none; null when there is no base
         * (unrelated histories), the bases' logs do not merge cleanly, or a bound was reached.
         */
        byte[] at(List<String> bases) throws AtomizerException, IOException {
            return at(bases, 0);
        }

        /** How many driver merges the virtual bases took. */
        int merges() {
            return merges;
        }

        private byte[] at(List<String> bases, int depth) throws AtomizerException, IOException {
            if (bases.isEmpty() || depth > MAX_DEPTH) {
                return null;
            }
            if (bases.size() == 1) {
                return logOf(bases.get(0));
            }
            if (known.containsKey(bases)) {
                return known.get(bases);
            }
            byte[] log = logOf(bases.get(0));
            for (int k = 1; k < bases.size() && log != null; k++) {
                byte[] other = logOf(bases.get(k));
                if (Arrays.equals(log, other)) {
                    continue; // the same log on both sides: the driver keeps it, whatever the base
                }
                if (merges == MAX_MERGES) {
                    log = null; // past the bound: no base to keep
                    break;
                }
                merges++;
                byte[] sub = at(git.mergeBases(List.of(bases.get(0), bases.get(k))), depth + 1);
                if (sub == null) {
                    log = null;
                } else if (Arrays.equals(sub, other)) {
                    continue; // the other base kept its base's log: ours stands
                } else if (Arrays.equals(sub, log)) {
                    log = other;
                } else {
                    LogMerge.Result r = LogMerge.merge(sub, log, other);
                    log = r.clean() ? r.merged() : null;
                }
            }
            if (keep(log)) {
                known.put(bases, log);
            }
            return log;
        }

        private boolean keep(byte[] log) {
            if (log == null || logs.containsValue(log)) {
                return true;
            }
            if (held + log.length > git.maxFileBytes()) {
                return false;
            }
            held += log.length;
            return true;
        }

        /** The log of a commit, empty when it has none; read once per blob. */
        private byte[] logOf(String commit) throws AtomizerException, IOException {
            String blob = git.entry(commit, path);
            if (blob == null) {
                return new byte[0];
            }
            byte[] log = logs.get(blob);
            if (log == null) {
                log = orEmpty(git.files(commit).read(path));
                if (keep(log)) {
                    logs.put(blob, log);
                }
            }
            return log;
        }
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
            // only what it appended is kept: a merge of many parents holds its logs once each, at most
            sides.add(new MergedLog.Side(ids.get(i), Arrays.copyOfRange(log, extended.tailOffset(), log.length)));
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
