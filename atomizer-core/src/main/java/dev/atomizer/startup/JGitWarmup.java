package dev.atomizer.startup;

import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Runs JGit's staged-diff code (a tree against an index, as {@code GitRepo.stagedChanges} does)
 * once over in-memory data, for the hook's warm-up thread: the main thread, busy opening the
 * repository meanwhile, then finds that code initialised and linked. Touches no file.
 */
final class JGitWarmup {

    private JGitWarmup() {}

    /** True when the walk found the one change it was built with. */
    static boolean run() {
        try {
            ObjectInserter.Formatter ids = new ObjectInserter.Formatter();
            ObjectId before = ids.idFor(Constants.OBJ_BLOB, "a\n".getBytes(StandardCharsets.UTF_8));
            ObjectId after = ids.idFor(Constants.OBJ_BLOB, "a\nb\n".getBytes(StandardCharsets.UTF_8));
            TreeFormatter tree = new TreeFormatter();
            tree.append("log.md", FileMode.REGULAR_FILE, before);
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            DirCacheEntry entry = new DirCacheEntry("log.md");
            entry.setFileMode(FileMode.REGULAR_FILE);
            entry.setObjectId(after);
            builder.add(entry);
            builder.finish();
            // a flat tree: the walk never needs a reader to open a subtree
            try (TreeWalk walk = new TreeWalk((ObjectReader) null)) {
                CanonicalTreeParser head = new CanonicalTreeParser();
                head.reset(tree.toByteArray());
                walk.setRecursive(true);
                walk.addTree(head);
                walk.addTree(new DirCacheIterator(index));
                walk.setFilter(TreeFilter.ANY_DIFF);
                return DiffEntry.scan(walk).size() == 1;
            }
        } catch (java.io.IOException | RuntimeException | LinkageError e) {
            // a warm-up has nothing to report
            return false;
        }
    }
}
