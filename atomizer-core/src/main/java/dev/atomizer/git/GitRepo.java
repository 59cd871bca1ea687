package dev.atomizer.git;

import dev.atomizer.api.AtomizerException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The repository, through JGit: the only class family that imports it. Git objects leave as our
 * own value types ({@link FileChange}, {@link CommitInfo}, {@link Tree}). Every failure is an
 * {@link AtomizerException} with one line a user can act on.
 */
public final class GitRepo implements AutoCloseable {

    private final Repository repo;
    private final ObjectReader reader;
    /** The index as this hook run sees it, read once: the staged diff and the staged files share it. */
    private DirCache dirCache;
    /** HEAD's tree (null on an unborn branch), resolved once per run: HEAD does not move under a hook. */
    private RevTree headTree;

    private boolean headResolved;
    /** Small blobs by id: HEAD and the index usually hold the same contract, read once. */
    private final java.util.Map<ObjectId, byte[]> smallBlobs = new java.util.HashMap<>();
    /** The merge bases of each set of commits asked for (sorted ids): a run asks for the same sets often. */
    private final java.util.Map<List<String>, List<String>> mergeBaseSets = new java.util.HashMap<>();

    private RevWalk baseWalk;
    private long mergeBaseWalks;
    /** The largest file a run reads: a quarter of the heap (see {@link #maxFileBytes()}). */
    private long maxFileBytes = Runtime.getRuntime().maxMemory() / 4;
    /** The streaming threshold of this run's object readers (0: JGit's default). */
    private int streamThreshold;

    private GitRepo(Repository repo) {
        this.repo = repo;
        this.reader = repo.newObjectReader();
    }

    /**
     * Opens the repository that holds {@code start}, honouring {@code GIT_DIR},
     * {@code GIT_WORK_TREE} and {@code GIT_INDEX_FILE} as git does in a hook.
     */
    public static GitRepo open(Path start) throws AtomizerException {
        FileStoreTiming.install();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment();
        if (builder.getGitDir() == null) {
            builder.findGitDir(start.toAbsolutePath().toFile());
        }

        if (builder.getGitDir() == null) {
            throw new AtomizerException("not a git repository (or any parent up to /): " + start.toAbsolutePath()
                    + "; run 'git init' or run from inside the repository");
        }
        try {
            return new GitRepo(builder.setMustExist(true).build());
        } catch (IOException | IllegalArgumentException e) {
            throw new AtomizerException(
                    "cannot open the git repository at " + builder.getGitDir() + ": " + e.getMessage(), e);
        }
    }

    /** The work tree's root; an error for a bare repository. */
    public Path workTree() throws AtomizerException {
        if (repo.isBare()) {
            throw new AtomizerException("this is a bare repository (" + repo.getDirectory()
                    + "): there is no work tree or index to check; run this in a clone with a work tree");
        }
        return repo.getWorkTree().toPath();
    }

    public boolean isBare() {
        return repo.isBare();
    }

    /** The git directory of this work tree (a linked worktree has its own). */
    public Path gitDir() {
        return repo.getDirectory().toPath();
    }

    /** The directory shared by all worktrees (config, hooks, objects). */
    public Path commonDir() {
        File common = repo.getCommonDirectory();
        return (common != null ? common : repo.getDirectory()).toPath();
    }

    /** A repository config value, or null. */
    public String config(String section, String subsection, String name) {
        return repo.getConfig().getString(section, subsection, name);
    }

    /** Sets and saves a value in the repository's own config (never the user's or the system's). */
    public void setConfig(String section, String subsection, String name, String value) throws AtomizerException {
        var config = repo.getConfig();
        if (value == null) {
            config.unset(section, subsection, name);
        } else {
            config.setString(section, subsection, name, value);
        }
        try {
            config.save();
        } catch (IOException e) {
            throw new AtomizerException("cannot write the repository config: " + e.getMessage(), e);
        }
    }

    /** True when this is a shallow clone. */
    public boolean isShallow() {
        return Files.exists(commonDir().resolve("shallow"));
    }

    /** HEAD's commit, or null on an unborn branch (no commit yet). */
    public String head() throws AtomizerException {
        try {
            ObjectId id = repo.resolve(Constants.HEAD + "^{commit}");
            return id == null ? null : id.name();
        } catch (IOException | RevisionSyntaxException e) {
            throw new AtomizerException("cannot read HEAD: " + e.getMessage(), e);
        }
    }

    /** What the index (as git set it up for this hook) changes against HEAD, or against nothing before the first commit. */
    public List<FileChange> stagedChanges() throws AtomizerException {
        workTree();
        try {
            DirCache index = dirCache();
            if (hasConflicts(index)) {
                throw new AtomizerException(
                        "the index has unmerged paths; resolve the conflicts and 'git add' them first");
            }
            RevTree head = headTree();
            return diff(head == null ? new EmptyTreeIterator() : treeIterator(head), new DirCacheIterator(index));
        } catch (IOException e) {
            throw new AtomizerException("cannot read the index: " + e.getMessage(), e);
        }
    }

    /** The staged state: files as the next commit will have them. */
    public Tree index() throws AtomizerException {
        try {
            DirCache index = dirCache();
            return new Tree() {
                @Override
                public byte[] read(String path) throws IOException {
                    DirCacheEntry e = index.getEntry(path);
                    if (e != null && e.getFileMode() == org.eclipse.jgit.lib.FileMode.GITLINK) {
                        throw new NotAFileException(path, "a submodule (gitlink)");
                    }
                    return e == null ? null : blob(e.getObjectId(), path);
                }

                @Override
                public java.io.InputStream open(String path) throws IOException {
                    DirCacheEntry e = index.getEntry(path);
                    if (e != null && e.getFileMode() == org.eclipse.jgit.lib.FileMode.GITLINK) {
                        throw new NotAFileException(path, "a submodule (gitlink)");
                    }
                    return e == null ? null : stream(e.getObjectId());
                }

                @Override
                public java.util.Collection<String> paths() {
                    List<String> out = new ArrayList<>(index.getEntryCount());
                    for (int i = 0; i < index.getEntryCount(); i++) {
                        out.add(index.getEntry(i).getPathString());
                    }
                    return out;
                }
            };
        } catch (IOException e) {
            throw new AtomizerException("cannot read the index: " + e.getMessage(), e);
        }
    }

    /** The blob id (hex) staged at {@code path}, or null when nothing is staged there. */
    public String indexBlobId(String path) throws AtomizerException {
        try {
            DirCacheEntry e = dirCache().getEntry(path);
            return e == null ? null : e.getObjectId().name();
        } catch (IOException e) {
            throw new AtomizerException("cannot read the index: " + e.getMessage(), e);
        }
    }

    private DirCache dirCache() throws IOException {
        if (dirCache == null) {
            dirCache = repo.readDirCache();
        }
        return dirCache;
    }

    /** HEAD's files; empty on an unborn branch. */
    public Tree headFiles() throws AtomizerException {
        try {
            RevTree head = headTree();
            return head == null ? Tree.EMPTY : tree(head);
        } catch (IOException e) {
            throw new AtomizerException("cannot read HEAD: " + e.getMessage(), e);
        }
    }

    /** The files of commit {@code id}. */
    public Tree files(String commitId) throws AtomizerException {
        try (RevWalk walk = new RevWalk(reader)) {
            return tree(walk.parseCommit(ObjectId.fromString(commitId)).getTree());
        } catch (IOException e) {
            throw new AtomizerException("cannot read commit " + commitId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The commits reachable from {@code head} and not from {@code base}, oldest first (parents
     * before children). {@code base} must be an ancestor of {@code head}: when it is not, history
     * was rewritten (a forced push, a rebase of the base), and what the base had that the head lost
     * is in no commit of the range to check, so this is an error rather than a shorter range.
     */
    public List<CommitInfo> range(String base, String head) throws AtomizerException {
        ObjectId b = resolveCommit(base, "base");
        ObjectId h = resolveCommit(head, "head");
        requireAncestor(b, h, base, head);
        List<CommitInfo> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(reader)) {
            walk.sort(RevSort.TOPO, true);
            walk.sort(RevSort.REVERSE, true);
            walk.markStart(walk.parseCommit(h));
            walk.markUninteresting(walk.parseCommit(b));
            for (RevCommit c : walk) {
                List<String> parents = new ArrayList<>();
                for (RevCommit p : c.getParents()) {
                    parents.add(p.name());
                }
                out.add(new CommitInfo(c.name(), List.copyOf(parents), c.getFullMessage(), committed(c)));
            }
        } catch (MissingObjectException e) {
            throw shallow("a commit of the range (" + e.getObjectId().name() + ")");
        } catch (IOException e) {
            throw new AtomizerException("cannot walk " + base + ".." + head + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** A verifier of this repository's commit signatures (verify only: it loads the SSH and OpenPGP libraries). */
    public SignatureCheck signatures() {
        return new SignatureCheck(repo);
    }

    private void requireAncestor(ObjectId base, ObjectId head, String baseRev, String headRev)
            throws AtomizerException {
        try (RevWalk walk = new RevWalk(reader)) {
            if (walk.isMergedInto(walk.parseCommit(base), walk.parseCommit(head))) {
                return;
            }
            if (isShallow()) {
                // the walk stopped at the clone's edge: the base may well be an ancestor
                throw shallow("the history between the base " + named(baseRev, base) + " and the head");
            }
            walk.reset();
            walk.markStart(walk.parseCommit(base));
            walk.markUninteresting(walk.parseCommit(head));
            int lost = 0;
            while (walk.next() != null) {
                lost++;
            }
            throw new AtomizerException(
                    "history rewritten: base " + named(baseRev, base) + " is not an ancestor of head "
                            + named(headRev, head) + "; " + lost + " commit" + (lost == 1 ? "" : "s") + " of the base "
                            + (lost == 1 ? "is" : "are")
                            + " not in the head (a forced push or a rebase rewrote them); push the "
                            + "old history back, or merge it, instead of rewriting it");
        } catch (MissingObjectException e) {
            throw shallow("a commit of the range (" + e.getObjectId().name() + ")");
        } catch (IOException e) {
            throw new AtomizerException("cannot walk " + baseRev + ".." + headRev + ": " + e.getMessage(), e);
        }
    }

    private static String named(String rev, ObjectId id) {
        String shortId = id.name().substring(0, 10);
        return rev.startsWith(shortId) || id.name().startsWith(rev) ? shortId : rev + " (" + shortId + ")";
    }

    /**
     * The full id of the commit {@code rev} names (a sha, a branch, a tag, {@code HEAD~2}); the
     * same one-line errors as {@link #range} for an unknown revision or a shallow clone.
     *
     * @param what how the revision is named in errors ("base", "head")
     */
    public String commitId(String rev, String what) throws AtomizerException {
        return resolveCommit(rev, what).name();
    }

    /**
     * The root commit of {@code head}'s first-parent line: where a new branch's history starts
     * (the first push of {@code main} verifies from it).
     */
    public String firstParentRoot(String head) throws AtomizerException {
        ObjectId h = resolveCommit(head, "head");
        try (RevWalk walk = new RevWalk(reader)) {
            RevCommit c = walk.parseCommit(h);
            while (c.getParentCount() > 0) {
                c = walk.parseCommit(c.getParent(0));
            }
            return c.name();
        } catch (MissingObjectException e) {
            throw shallow(
                    "a commit of " + head + "'s history (" + e.getObjectId().name() + ")");
        } catch (IOException e) {
            throw new AtomizerException("cannot walk " + head + "'s history: " + e.getMessage(), e);
        }
    }

    /** The full id of the commit {@code rev} names, or null when it names none here (an absent ref). */
    public String commitIdOrNull(String rev) throws AtomizerException {
        try {
            ObjectId id = repo.resolve(rev + "^{commit}");
            return id == null ? null : id.name();
        } catch (MissingObjectException e) {
            return null;
        } catch (RevisionSyntaxException | IOException e) {
            throw new AtomizerException("bad revision '" + rev + "': " + e.getMessage(), e);
        }
    }

    /**
     * The best common ancestors of {@code commitIds} (all of them: a criss-cross history has
     * several), as {@code git merge-base --all} finds them; empty for unrelated histories.
     *
     * <p>Each set of commits is computed once a run (the order of {@code commitIds} does not
     * matter), in at most two walks: one down to the common ancestors, then, when it found
     * several, one that keeps only the best (a found ancestor of another found one is not). A
     * history of criss-cross merges asks for the same sets again and again; the walks share the
     * commits they parsed.
     */
    public List<String> mergeBases(List<String> commitIds) throws AtomizerException {
        List<String> key = commitIds.stream().distinct().sorted().toList();
        List<String> known = mergeBaseSets.get(key);
        if (known != null) {
            return known;
        }
        try {
            RevWalk walk = baseWalk();
            walk.reset();
            walk.setRevFilter(org.eclipse.jgit.revwalk.filter.RevFilter.MERGE_BASE);
            for (String id : key) {
                walk.markStart(walk.parseCommit(ObjectId.fromString(id)));
            }
            mergeBaseWalks++;
            List<RevCommit> found = new ArrayList<>();
            for (RevCommit c : walk) {
                found.add(c);
            }
            // the walk may also yield a common ancestor of another one it found: only the best count
            List<String> out = new ArrayList<>();
            java.util.BitSet redundant = found.size() < 2 ? new java.util.BitSet() : redundant(walk, found);
            for (int i = 0; i < found.size(); i++) {
                if (!redundant.get(i)) {
                    out.add(found.get(i).name());
                }
            }
            List<String> bases = List.copyOf(out);
            mergeBaseSets.put(key, bases);
            return bases;
        } catch (MissingObjectException e) {
            throw shallow("an ancestor of " + commitIds.get(0).substring(0, 10));
        } catch (IOException e) {
            throw new AtomizerException("cannot find the merge base of " + commitIds + ": " + e.getMessage(), e);
        }
    }

    /**
     * Which of {@code found} are ancestors of another one, in one walk down from all of them that
     * needs no commit dates (they may be skewed): each commit carries the set of found commits it
     * descends from, and a commit that descends from all of them is not walked below, since none
     * of them can be its ancestor. A commit is walked again only when that set grows.
     */
    private java.util.BitSet redundant(RevWalk walk, List<RevCommit> found) throws IOException {
        mergeBaseWalks++;
        int n = found.size();
        java.util.Map<RevCommit, java.util.BitSet> from = new java.util.HashMap<>();
        java.util.Map<RevCommit, Integer> index = new java.util.HashMap<>();
        java.util.ArrayDeque<RevCommit> work = new java.util.ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            java.util.BitSet own = new java.util.BitSet(n);
            own.set(i);
            from.put(found.get(i), own);
            index.put(found.get(i), i);
            work.add(found.get(i));
        }
        java.util.BitSet redundant = new java.util.BitSet(n);
        while (!work.isEmpty()) {
            RevCommit c = work.poll();
            java.util.BitSet mask = from.get(c);
            if (mask.cardinality() == n) {
                continue;
            }
            walk.parseHeaders(c);
            for (RevCommit p : c.getParents()) {
                java.util.BitSet pm = from.computeIfAbsent(p, k -> new java.util.BitSet(n));
                int before = pm.cardinality();
                pm.or(mask);
                if (pm.cardinality() != before) {
                    Integer k = index.get(p);
                    if (k != null) {
                        redundant.set(k);
                    }
                    work.add(p);
                }
            }
        }
        return redundant;
    }

    /**
     * How many history walks {@link #mergeBases} made in this run (a set asked for again costs
     * none): what the cost of judging merges is bounded by (docs/governance.md, "The cost of a
     * range").
     */
    public long mergeBaseWalks() {
        return mergeBaseWalks;
    }

    /** The walk of merge-base computations: commits parsed once a run. */
    private RevWalk baseWalk() {
        if (baseWalk == null) {
            baseWalk = new RevWalk(reader);
        }
        return baseWalk;
    }

    /** What commit {@code id} changed against its parent number {@code parent} (0-based), or against nothing for a root commit. */
    public List<FileChange> changes(String id, int parent) throws AtomizerException {
        try (RevWalk walk = new RevWalk(reader)) {
            RevCommit c = walk.parseCommit(ObjectId.fromString(id));
            AbstractTreeIterator before = c.getParentCount() == 0
                    ? new EmptyTreeIterator()
                    : treeIterator(walk.parseCommit(c.getParent(parent)).getTree());
            return diff(before, treeIterator(c.getTree()));
        } catch (MissingObjectException e) {
            throw shallow("the parent of " + id.substring(0, 10));
        } catch (IOException e) {
            throw new AtomizerException("cannot read commit " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * What changed from commit {@code from} to commit {@code to}: the net effect of every commit
     * between them, as one change set.
     */
    public List<FileChange> changesBetween(String from, String to) throws AtomizerException {
        try (RevWalk walk = new RevWalk(reader)) {
            return diff(
                    treeIterator(walk.parseCommit(ObjectId.fromString(from)).getTree()),
                    treeIterator(walk.parseCommit(ObjectId.fromString(to)).getTree()));
        } catch (MissingObjectException e) {
            throw shallow("commit " + e.getObjectId().name().substring(0, 10));
        } catch (IOException e) {
            throw new AtomizerException("cannot compare " + from + " with " + to + ": " + e.getMessage(), e);
        }
    }

    /** Whether commit {@code ancestor} is commit {@code commit} or one of its ancestors. */
    public boolean isAncestor(String ancestor, String commit) throws AtomizerException {
        try (RevWalk walk = new RevWalk(reader)) {
            return walk.isMergedInto(
                    walk.parseCommit(ObjectId.fromString(ancestor)), walk.parseCommit(ObjectId.fromString(commit)));
        } catch (MissingObjectException e) {
            throw shallow("an ancestor of " + commit.substring(0, 10));
        } catch (IOException e) {
            throw new AtomizerException("cannot walk the history of " + commit + ": " + e.getMessage(), e);
        }
    }

    /**
     * What {@code path} is in commit {@code commitId}, as its mode and object id ("100644 3b18e5…"),
     * or null when the path is not there: two states hold the same file exactly when these are equal.
     */
    public String entry(String commitId, String path) throws AtomizerException {
        try (RevWalk walk = new RevWalk(reader)) {
            RevTree tree = walk.parseCommit(ObjectId.fromString(commitId)).getTree();
            try (TreeWalk tw = TreeWalk.forPath(reader, path, tree)) {
                return tw == null
                        ? null
                        : tw.getFileMode(0).toString() + " " + tw.getObjectId(0).name();
            }
        } catch (MissingObjectException e) {
            throw shallow("commit " + commitId.substring(0, 10));
        } catch (IOException e) {
            throw new AtomizerException("cannot read commit " + commitId + ": " + e.getMessage(), e);
        }
    }

    /** The author e-mail of commit {@code commitId}, as git recorded it (without the angle brackets). */
    public String authorEmail(String commitId) throws AtomizerException {
        try (RevWalk walk = new RevWalk(reader)) {
            return walk.parseCommit(ObjectId.fromString(commitId))
                    .getAuthorIdent()
                    .getEmailAddress();
        } catch (MissingObjectException e) {
            throw shallow("commit " + commitId.substring(0, 10));
        } catch (IOException e) {
            throw new AtomizerException("cannot read commit " + commitId + ": " + e.getMessage(), e);
        }
    }

    /**
     * What the main line already has, as the hooks see it: the merge base of HEAD with the first
     * of origin's default branch ({@code refs/remotes/origin/HEAD}), the current branch's
     * upstream, or a local {@code main} or {@code master} other than the current branch; null when
     * there is none (no remote, on the main branch itself): then all of HEAD is the main line's.
     */
    public String mainLineBase() throws AtomizerException {
        try {
            String current = repo.getFullBranch();
            List<String> candidates = new ArrayList<>();
            candidates.add("refs/remotes/origin/HEAD");
            String branch = repo.getBranch();
            if (branch != null) {
                org.eclipse.jgit.lib.BranchConfig bc = new org.eclipse.jgit.lib.BranchConfig(repo.getConfig(), branch);
                String tracking = bc.getRemoteTrackingBranch();
                if (tracking != null) {
                    candidates.add(tracking);
                }
            }
            candidates.add("refs/heads/main");
            candidates.add("refs/heads/master");
            ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
            if (head == null) {
                return null;
            }
            for (String name : candidates) {
                if (name.equals(current)) {
                    continue;
                }
                ObjectId line = repo.resolve(name + "^{commit}");
                if (line == null) {
                    continue;
                }
                List<String> bases = mergeBases(List.of(head.name(), line.name()));
                return bases.isEmpty() ? null : bases.get(0);
            }
            return null;
        } catch (IOException e) {
            throw new AtomizerException("cannot read the branches: " + e.getMessage(), e);
        }
    }

    private ObjectId resolveCommit(String rev, String what) throws AtomizerException {
        try {
            ObjectId id = repo.resolve(rev + "^{commit}");
            if (id == null) {
                if (head() == null) {
                    throw new AtomizerException("HEAD has no commit yet (unborn branch): there is nothing to verify");
                }
                if (isShallow()) {
                    throw shallow("the " + what + " commit '" + rev + "'");
                }
                throw new AtomizerException(
                        "unknown " + what + " revision '" + rev + "': not a commit of this repository");
            }
            return id;
        } catch (MissingObjectException e) {
            throw shallow("the " + what + " commit '" + rev + "'");
        } catch (RevisionSyntaxException | IOException e) {
            throw new AtomizerException("bad " + what + " revision '" + rev + "': " + e.getMessage(), e);
        }
    }

    private AtomizerException shallow(String what) {
        return new AtomizerException(what + " is missing" + (isShallow() ? " from this shallow clone" : "")
                + "; fetch the full history (git fetch --unshallow, or 'fetch-depth: 0' with actions/checkout)");
    }

    /**
     * Makes {@code dir} a git repository with the branch {@code main} unless it is already in one.
     *
     * @return true when a repository was made
     */
    public static boolean initIfNone(Path dir) throws AtomizerException {
        try (GitRepo existing = open(dir)) {
            existing.workTree();
            return false;
        } catch (AtomizerException notYet) {
            try {
                org.eclipse.jgit.api.Git.init()
                        .setDirectory(dir.toFile())
                        .setInitialBranch("main")
                        .call()
                        .close();
                return true;
            } catch (org.eclipse.jgit.api.errors.GitAPIException | RuntimeException e) {
                throw new AtomizerException("cannot make " + dir + " a git repository: " + e.getMessage(), e);
            }
        }
    }

    /** True when HEAD has no commit yet (the branch is unborn: the next commit is the root commit). */
    public boolean unborn() throws AtomizerException {
        try {
            return headTree() == null;
        } catch (IOException e) {
            throw new AtomizerException("cannot read HEAD: " + e.getMessage(), e);
        }
    }

    /** The blob id (hex) of {@code path} in HEAD when it is a regular file there, or null. */
    public String headBlobId(String path) throws AtomizerException {
        try {
            RevTree head = headTree();
            if (head == null) {
                return null;
            }
            try (TreeWalk tw = TreeWalk.forPath(reader, path, head)) {
                return tw == null
                                || (tw.getFileMode(0).getBits() & org.eclipse.jgit.lib.FileMode.TYPE_MASK)
                                        != org.eclipse.jgit.lib.FileMode.TYPE_FILE
                        ? null
                        : tw.getObjectId(0).name();
            }
        } catch (IOException e) {
            throw new AtomizerException("cannot read HEAD: " + e.getMessage(), e);
        }
    }

    private RevTree headTree() throws IOException {
        if (!headResolved) {
            ObjectId id = repo.resolve(Constants.HEAD + "^{commit}");
            if (id != null) {
                try (RevWalk walk = new RevWalk(reader)) {
                    headTree = walk.parseCommit(id).getTree();
                }
            }
            headResolved = true;
        }
        return headTree;
    }

    /** A file's bytes; small ones (contracts, status) are kept for the run. */
    private byte[] blob(ObjectId id, String path) throws IOException {
        byte[] b = smallBlobs.get(id);
        if (b == null) {
            b = read(reader, id, path);
            if (b.length <= SMALL_BLOB) {
                smallBlobs.put(id.copy(), b);
            }
        }
        return b;
    }

    /**
     * The largest file this run reads, in bytes: a quarter of the Java heap. Judging a log holds a
     * few of its versions at once (before and after, a merge's base and result, the parser's
     * text); a larger file is refused with one line ({@link FileTooLargeException}) rather than
     * exhausting the heap half-way.
     */
    public long maxFileBytes() {
        return maxFileBytes;
    }

    /** For tests: a lower limit than a quarter of the heap. */
    void maxFileBytes(long limit) {
        this.maxFileBytes = limit;
    }

    /** For tests: the size from which JGit streams an object instead of inflating it whole. */
    void streamFileThreshold(int bytes) {
        this.streamThreshold = bytes;
        reader.setStreamFileThreshold(bytes);
    }

    /**
     * Reads a blob whole into one array of its size. A large object (past JGit's streaming
     * threshold) is read from its stream: {@code ObjectLoader.getBytes} would hold it twice (its
     * own copy and the clone it returns) and fail with a {@code LargeObjectException} past the
     * threshold or the heap.
     */
    private byte[] read(ObjectReader r, ObjectId id, String path) throws IOException {
        org.eclipse.jgit.lib.ObjectLoader loader = r.open(id, Constants.OBJ_BLOB);
        long size = loader.getSize();
        if (size > maxFileBytes) {
            throw new FileTooLargeException(path, size, maxFileBytes);
        }
        try {
            if (!loader.isLarge()) {
                return loader.getCachedBytes(); // inflated for this loader alone: no second copy
            }
            byte[] out = new byte[(int) size];
            try (org.eclipse.jgit.lib.ObjectStream in = loader.openStream()) {
                org.eclipse.jgit.util.IO.readFully(in, out, 0, out.length);
            }
            return out;
        } catch (OutOfMemoryError | org.eclipse.jgit.errors.LargeObjectException e) {
            throw new FileTooLargeException(path, size);
        }
    }

    private static final int SMALL_BLOB = 1 << 20;

    /**
     * A blob as a stream: a small one from its inflated bytes, a large one (past JGit's streaming
     * threshold) inflated as it is read ({@code ObjectLoader.openStream()}), so no size is refused.
     */
    private java.io.InputStream stream(ObjectId id) throws IOException {
        org.eclipse.jgit.lib.ObjectLoader loader = reader.open(id, Constants.OBJ_BLOB);
        return loader.isLarge() ? loader.openStream() : new java.io.ByteArrayInputStream(loader.getCachedBytes());
    }

    private Tree tree(RevTree tree) {
        return new Tree() {
            private List<String> paths;

            @Override
            public byte[] read(String path) throws IOException {
                ObjectId id = id(path);
                return id == null ? null : blob(id, path);
            }

            @Override
            public java.io.InputStream open(String path) throws IOException {
                ObjectId id = id(path);
                return id == null ? null : stream(id);
            }

            private ObjectId id(String path) throws IOException {
                try (TreeWalk tw = TreeWalk.forPath(reader, path, tree)) {
                    if (tw == null) {
                        return null;
                    }
                    org.eclipse.jgit.lib.FileMode mode = tw.getFileMode(0);
                    if (mode == org.eclipse.jgit.lib.FileMode.TREE) {
                        throw new NotAFileException(path, "a folder");
                    }
                    if (mode == org.eclipse.jgit.lib.FileMode.GITLINK) {
                        throw new NotAFileException(path, "a submodule (gitlink)");
                    }
                    return tw.getObjectId(0);
                }
            }

            @Override
            public java.util.Collection<String> paths() throws IOException {
                if (paths == null) {
                    List<String> out = new ArrayList<>();
                    try (TreeWalk tw = new TreeWalk(reader)) {
                        tw.setRecursive(true);
                        tw.addTree(tree);
                        while (tw.next()) {
                            out.add(tw.getPathString());
                        }
                    }
                    paths = List.copyOf(out);
                }
                return paths;
            }
        };
    }

    private CanonicalTreeParser treeIterator(RevTree tree) throws IOException {
        return new CanonicalTreeParser(null, reader, tree);
    }

    private static boolean hasConflicts(DirCache index) {
        for (int i = 0; i < index.getEntryCount(); i++) {
            if (index.getEntry(i).getStage() != DirCacheEntry.STAGE_0) {
                return true;
            }
        }
        return false;
    }

    private List<FileChange> diff(AbstractTreeIterator before, AbstractTreeIterator after) throws IOException {
        // no repository: a walk over trees and the index needs no attributes (.gitattributes)
        try (TreeWalk tw = new TreeWalk(reader)) {
            tw.setRecursive(true);
            tw.addTree(before);
            tw.addTree(after);
            tw.setFilter(TreeFilter.ANY_DIFF);
            List<DiffEntry> entries = DiffEntry.scan(tw);
            RenameDetector renames =
                    new RenameDetector(reader, repo.getConfig().get(org.eclipse.jgit.diff.DiffConfig.KEY));
            renames.addAll(entries);
            List<DiffEntry> detected;
            try {
                detected = renames.compute(reader, NullProgressMonitor.INSTANCE);
            } catch (org.eclipse.jgit.api.errors.CanceledException e) {
                throw new IOException("rename detection was cancelled", e);
            }
            List<FileChange> out = new ArrayList<>();
            // a change of type (a file made a symlink or a submodule) is one change, not a delete and an add
            java.util.Map<String, DiffEntry> added = new java.util.HashMap<>();
            for (DiffEntry d : detected) {
                if (d.getChangeType() == DiffEntry.ChangeType.ADD) {
                    added.put(d.getNewPath(), d);
                }
            }
            java.util.Set<String> merged = new java.util.HashSet<>();
            for (DiffEntry d : detected) {
                if (d.getChangeType() == DiffEntry.ChangeType.DELETE && added.containsKey(d.getOldPath())) {
                    merged.add(d.getOldPath());
                }
            }
            for (DiffEntry d : detected) {
                if (d.getChangeType() == DiffEntry.ChangeType.ADD && merged.contains(d.getNewPath())) {
                    continue;
                }
                if (d.getChangeType() == DiffEntry.ChangeType.DELETE && merged.contains(d.getOldPath())) {
                    DiffEntry add = added.get(d.getOldPath());
                    out.add(new FileChange(
                            FileChange.Kind.MODIFY,
                            d.getOldPath(),
                            d.getOldPath(),
                            content(d.getOldId(), d.getOldMode(), d.getOldPath()),
                            content(add.getNewId(), add.getNewMode(), d.getOldPath())));
                    continue;
                }
                out.add(new FileChange(
                        kind(d.getChangeType()),
                        d.getChangeType() == DiffEntry.ChangeType.ADD ? null : d.getOldPath(),
                        d.getChangeType() == DiffEntry.ChangeType.DELETE ? null : d.getNewPath(),
                        content(d.getOldId(), d.getOldMode(), d.getOldPath()),
                        content(d.getNewId(), d.getNewMode(), d.getNewPath())));
            }
            return out;
        }
    }

    private FileChange.Content content(AbbreviatedObjectId id, org.eclipse.jgit.lib.FileMode mode, String path) {
        if (id == null || !id.isComplete() || ObjectId.zeroId().equals(id.toObjectId())) {
            return FileChange.Content.NONE;
        }
        if (mode == org.eclipse.jgit.lib.FileMode.GITLINK) {
            return new NotAFile("a submodule (gitlink)", null);
        }
        Blob blob = new Blob(id.toObjectId(), path);
        return mode == org.eclipse.jgit.lib.FileMode.SYMLINK ? new NotAFile("a symlink", blob) : blob;
    }

    /** A side that is not a regular file: a gitlink has no content to read; a symlink's is its target. */
    private record NotAFile(String what, Blob link) implements FileChange.Content {
        @Override
        public byte[] bytes() throws IOException {
            if (link == null) {
                throw new IOException("is " + what + ", not a file");
            }
            return link.bytes();
        }

        @Override
        public String notAFile() {
            return what;
        }
    }

    /** A blob read once, on first use; from any thread (with a reader of its own). */
    private final class Blob implements FileChange.Content {
        private final ObjectId id;
        private final String path;
        private byte[] bytes;

        Blob(ObjectId id, String path) {
            this.id = id;
            this.path = path;
        }

        @Override
        public String id() {
            return id.name();
        }

        @Override
        public synchronized byte[] bytes() throws IOException {
            if (bytes == null) {
                try (ObjectReader own = repo.newObjectReader()) {
                    if (streamThreshold > 0) {
                        own.setStreamFileThreshold(streamThreshold);
                    }
                    bytes = read(own, id, path);
                }
            }
            return bytes;
        }
    }

    private static FileChange.Kind kind(DiffEntry.ChangeType t) {
        return switch (t) {
            case ADD -> FileChange.Kind.ADD;
            case MODIFY -> FileChange.Kind.MODIFY;
            case DELETE -> FileChange.Kind.DELETE;
            case RENAME -> FileChange.Kind.RENAME;
            case COPY -> FileChange.Kind.COPY;
        };
    }

    @Override
    public void close() {
        if (baseWalk != null) {
            baseWalk.close();
        }
        reader.close();
        repo.close();
    }

    /**
     * The working tree against HEAD: every tracked or untracked, not ignored file that differs
     * (renames show as a delete and an add). New contents are read from the files.
     */
    public List<FileChange> worktreeChanges() throws AtomizerException {
        Path root = workTree();
        try (TreeWalk tw = new TreeWalk(repo, reader)) {
            RevTree head = headTree();
            tw.setRecursive(true);
            tw.addTree(head == null ? new EmptyTreeIterator() : treeIterator(head));
            int wt = tw.addTree(new org.eclipse.jgit.treewalk.FileTreeIterator(repo));
            tw.setFilter(org.eclipse.jgit.treewalk.filter.AndTreeFilter.create(
                    TreeFilter.ANY_DIFF, new org.eclipse.jgit.treewalk.filter.NotIgnoredFilter(wt)));
            List<FileChange> out = new ArrayList<>();
            for (DiffEntry d : DiffEntry.scan(tw)) {
                String newPath = d.getChangeType() == DiffEntry.ChangeType.DELETE ? null : d.getNewPath();
                FileChange.Content neu = newPath == null
                        ? FileChange.Content.NONE
                        : d.getNewMode() == org.eclipse.jgit.lib.FileMode.GITLINK
                                ? new NotAFile("a submodule (gitlink)", null)
                                : d.getNewMode() == org.eclipse.jgit.lib.FileMode.SYMLINK
                                        ? new NotAFile("a symlink", null)
                                        : () -> Files.readAllBytes(root.resolve(newPath));
                out.add(new FileChange(
                        kind(d.getChangeType()),
                        d.getChangeType() == DiffEntry.ChangeType.ADD ? null : d.getOldPath(),
                        newPath,
                        content(d.getOldId(), d.getOldMode(), d.getOldPath()),
                        neu));
            }
            return out;
        } catch (IOException e) {
            throw new AtomizerException("cannot compare the working tree with HEAD: " + e.getMessage(), e);
        }
    }

    /** The working tree's files. */
    public Tree worktreeFiles() throws AtomizerException {
        return Tree.worktree(workTree());
    }

    /**
     * {@code files} with the history up to and including {@code rev} (null or an unborn branch:
     * none), read on first use. The paths recorded are those under {@code prefixes}.
     */
    public Tree withHistory(Tree files, String rev, List<String> prefixes) {
        return new Tree() {
            private History history;

            @Override
            public byte[] read(String path) throws IOException {
                return files.read(path);
            }

            @Override
            public java.io.InputStream open(String path) throws IOException {
                return files.open(path);
            }

            @Override
            public java.util.Collection<String> paths() throws IOException {
                return files.paths();
            }

            @Override
            public Path folder() {
                return files.folder();
            }

            @Override
            public History history() throws IOException {
                if (history == null) {
                    history = rev == null ? new History(List.of()) : GitRepo.this.history(rev, prefixes);
                }
                return history;
            }
        };
    }

    private History history(String rev, List<String> prefixes) throws IOException {
        ObjectId start = repo.resolve(rev + "^{commit}");
        if (start == null) {
            return new History(List.of());
        }
        List<History.Commit> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(reader)) {
            walk.markStart(walk.parseCommit(start));
            walk.sort(RevSort.TOPO, true);
            walk.sort(RevSort.REVERSE, true);
            for (RevCommit c : walk) {
                java.util.Set<String> touched = new java.util.TreeSet<>();
                try (TreeWalk tw = new TreeWalk(reader)) {
                    tw.setRecursive(true);
                    if (c.getParentCount() > 0) {
                        tw.addTree(walk.parseCommit(c.getParent(0)).getTree());
                    } else {
                        tw.addTree(new EmptyTreeIterator());
                    }
                    tw.addTree(c.getTree());
                    List<TreeFilter> filters = new ArrayList<>();
                    for (String p : prefixes) {
                        filters.add(org.eclipse.jgit.treewalk.filter.PathFilter.create(p));
                    }
                    TreeFilter paths = filters.size() == 1
                            ? filters.get(0)
                            : org.eclipse.jgit.treewalk.filter.OrTreeFilter.create(filters);
                    tw.setFilter(org.eclipse.jgit.treewalk.filter.AndTreeFilter.create(paths, TreeFilter.ANY_DIFF));
                    while (tw.next()) {
                        touched.add(tw.getPathString());
                    }
                }
                if (!touched.isEmpty()) {
                    out.add(new History.Commit(
                            c.name(),
                            java.time.Instant.ofEpochSecond(c.getCommitTime()),
                            java.util.Collections.unmodifiableSet(touched)));
                }
            }
        }
        java.util.Map<String, String> tips = new java.util.HashMap<>();
        RevCommit tip;
        try (RevWalk w = new RevWalk(reader)) {
            tip = w.parseCommit(start);
        }
        for (String p : prefixes) {
            try (TreeWalk tw = TreeWalk.forPath(reader, p, tip.getTree())) {
                if (tw != null
                        && (tw.getRawMode(0) & org.eclipse.jgit.lib.FileMode.TYPE_MASK)
                                == org.eclipse.jgit.lib.FileMode.TYPE_FILE) {
                    tips.put(p, tw.getObjectId(0).name());
                }
            }
        }
        String entries = tips.get(dev.atomizer.api.Workspace.LOG);
        if (prefixes.contains(dev.atomizer.api.Workspace.LOG)) {
            Tree at = tree(tip.getTree());
            LogFiles files = LogFiles.of(at, null);
            if (!files.logOnly()) {
                entries = History.blobId(files.read(at));
            }
        }
        return new History(List.copyOf(out), tips, entries);
    }

    /**
     * The newest commit reachable from HEAD that changed {@code path}, or null when none did (or
     * HEAD is unborn).
     */
    public CommitInfo lastChange(String path) throws AtomizerException {
        return lastChange(path, Constants.HEAD);
    }

    /**
     * The newest commit reachable from HEAD that may have added entries to the log's history
     * ({@link LogFiles#addsEntries}: a change of the log or the inbox that is no archive or fold),
     * or null.
     */
    public CommitInfo lastEntriesChange() throws AtomizerException {
        List<String> prefixes = List.of(
                dev.atomizer.api.Workspace.LOG, dev.atomizer.api.Workspace.ARCHIVES, dev.atomizer.api.Workspace.INBOX);
        try {
            ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
            if (head == null) {
                return null;
            }
            List<TreeFilter> filters = new ArrayList<>();
            for (String p : prefixes) {
                filters.add(org.eclipse.jgit.treewalk.filter.PathFilter.create(p));
            }
            TreeFilter paths = org.eclipse.jgit.treewalk.filter.OrTreeFilter.create(filters);
            try (RevWalk walk = new RevWalk(reader)) {
                walk.setRewriteParents(false);
                walk.markStart(walk.parseCommit(head));
                walk.setTreeFilter(org.eclipse.jgit.treewalk.filter.AndTreeFilter.create(paths, TreeFilter.ANY_DIFF));
                for (RevCommit c : walk) {
                    java.util.Set<String> touched = new java.util.TreeSet<>();
                    try (TreeWalk tw = new TreeWalk(reader)) {
                        tw.setRecursive(true);
                        if (c.getParentCount() > 0) {
                            tw.addTree(walk.parseCommit(c.getParent(0)).getTree());
                        } else {
                            tw.addTree(new EmptyTreeIterator());
                        }
                        tw.addTree(c.getTree());
                        tw.setFilter(org.eclipse.jgit.treewalk.filter.AndTreeFilter.create(paths, TreeFilter.ANY_DIFF));
                        while (tw.next()) {
                            touched.add(tw.getPathString());
                        }
                    }
                    if (LogFiles.addsEntries(touched)) {
                        List<String> parents = new ArrayList<>();
                        for (RevCommit p : c.getParents()) {
                            parents.add(p.name());
                        }
                        return new CommitInfo(c.name(), parents, c.getFullMessage(), committed(c));
                    }
                }
                return null;
            }
        } catch (IOException e) {
            throw new AtomizerException(
                    "cannot read the history of " + dev.atomizer.api.Workspace.LOG + ": " + e.getMessage(), e);
        }
    }

    /** The newest commit reachable from {@code from} that changed {@code path}, or null. */
    public CommitInfo lastChange(String path, String from) throws AtomizerException {
        try {
            ObjectId head = repo.resolve(from + "^{commit}");
            if (head == null) {
                return null;
            }
            try (RevWalk walk = new RevWalk(reader)) {
                walk.setRewriteParents(false); // the real parents, not the path-simplified ones
                walk.markStart(walk.parseCommit(head));
                walk.setTreeFilter(org.eclipse.jgit.treewalk.filter.AndTreeFilter.create(
                        org.eclipse.jgit.treewalk.filter.PathFilter.create(path), TreeFilter.ANY_DIFF));
                RevCommit c = walk.next();
                if (c == null) {
                    return null;
                }
                List<String> parents = new ArrayList<>();
                for (RevCommit p : c.getParents()) {
                    parents.add(p.name());
                }
                return new CommitInfo(c.name(), parents, c.getFullMessage(), committed(c));
            }
        } catch (IOException e) {
            throw new AtomizerException("cannot read the history of " + path + ": " + e.getMessage(), e);
        }
    }

    /** The committer's time of a commit. */
    private static java.time.Instant committed(org.eclipse.jgit.revwalk.RevCommit c) {
        return java.time.Instant.ofEpochSecond(c.getCommitTime());
    }
}
