package dev.atomizer.git;

import dev.atomizer.api.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files that hold the log's history in one state of the repository, in the history's order:
 * the archives ({@link Workspace#ARCHIVES}) in name order, the log, then the inbox
 * ({@link Workspace#INBOX}) in name order. Only {@code .md} files directly in those folders count.
 *
 * @param archives the archive files, oldest first
 * @param log      the log's path
 * @param inbox    the inbox files, in name (time) order
 */
public record LogFiles(List<String> archives, String log, List<String> inbox) {

    public LogFiles {
        archives = List.copyOf(archives);
        inbox = List.copyOf(inbox);
    }

    /** Every file of the history, in order. */
    public List<String> all() {
        List<String> all = new ArrayList<>(archives.size() + 1 + inbox.size());
        all.addAll(archives);
        all.add(log);
        all.addAll(inbox);
        return all;
    }

    /** True when the history is the log alone. */
    public boolean logOnly() {
        return archives.isEmpty() && inbox.isEmpty();
    }

    /**
     * The history's files in {@code tree}; a state that cannot list its paths (the working tree) is
     * listed from {@code root} (null: the log alone).
     */
    public static LogFiles of(Tree tree, Path root) throws IOException {
        Collection<String> paths = tree.paths();
        if (paths == null) {
            return root == null ? new LogFiles(List.of(), Workspace.LOG, List.of()) : in(root);
        }
        return new LogFiles(within(paths, Workspace.ARCHIVES), Workspace.LOG, within(paths, Workspace.INBOX));
    }

    /** The history's files in the working tree under {@code root}. */
    public static LogFiles in(Path root) throws IOException {
        return new LogFiles(listed(root, Workspace.ARCHIVES), Workspace.LOG, listed(root, Workspace.INBOX));
    }

    /** True when {@code path} is a file of the history other than the log (an archive or an inbox entry). */
    public static boolean isMoved(String path) {
        return isIn(path, Workspace.ARCHIVES) || isIn(path, Workspace.INBOX);
    }

    /** True when {@code path} is an archive. */
    public static boolean isArchive(String path) {
        return isIn(path, Workspace.ARCHIVES);
    }

    /** True when {@code path} is an inbox entry. */
    public static boolean isInbox(String path) {
        return isIn(path, Workspace.INBOX);
    }

    private static boolean isIn(String path, String folder) {
        return path.length() > folder.length() + 4
                && path.startsWith(folder + "/")
                && path.indexOf('/', folder.length() + 1) < 0
                && path.endsWith(".md");
    }

    private static List<String> within(Collection<String> paths, String folder) {
        List<String> found = new ArrayList<>();
        for (String p : paths) {
            if (isIn(p, folder)) {
                found.add(p);
            }
        }
        found.sort(null);
        return found;
    }

    private static List<String> listed(Path root, String folder) throws IOException {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(p -> {
                String path = folder + "/" + p.getFileName();
                if (isIn(path, folder)) {
                    found.add(path);
                }
            });
        }
        found.sort(null);
        return found;
    }
}
