package dev.atomizer.git;

import dev.atomizer.api.Workspace;
import dev.atomizer.log.LogAppender;
import dev.atomizer.log.LogGrammar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    /**
     * The history's entries as one log, as the derivations read it: the log's preamble, then the
     * entries of every file in order (an archive's or an inbox file's own title is not an entry).
     * An archive holds a prefix of the log's entries byte for byte, so this is the log as it was
     * before any archive; an inbox file follows the text before it as the fold appends it
     * ({@link LogAppender#separator}), so it is the log as it will be after the fold. Absent files
     * read as empty.
     */
    public byte[] read(Tree tree) throws IOException {
        byte[] log = tree.read(this.log);
        if (logOnly()) {
            return log == null ? new byte[0] : log;
        }
        log = log == null ? new byte[0] : log;
        int preambleEnd = firstEntry(log);
        Joined out = new Joined(log.length, LogAppender.lineSeparator(log));
        out.put(log, 0, preambleEnd);
        for (String a : archives) {
            out.join(entries(tree.read(a)), false);
        }
        out.put(log, preambleEnd, log.length);
        for (String i : inbox) {
            out.join(entries(tree.read(i)), true);
        }
        return out.toByteArray();
    }

    /** As {@link #read(Tree)}, as a stream. */
    public InputStream open(Tree tree) throws IOException {
        return new java.io.ByteArrayInputStream(read(tree));
    }

    /** The history of {@code tree} as one log ({@link #read(Tree)}); a working tree lists its files in its folder. */
    public static byte[] history(Tree tree) throws IOException {
        return of(tree, tree.folder()).read(tree);
    }

    /**
     * Whether a commit that changed {@code paths} (of the log's history, among others) may have
     * added entries: it changed the log or the inbox, and is no move of entries between the
     * history's files: an archive (it adds an archive file) or a fold (it changes the log and
     * removes inbox files at once) keeps the history's entries as they were.
     */
    public static boolean addsEntries(java.util.Collection<String> paths) {
        boolean log = paths.contains(Workspace.LOG);
        boolean inbox = false;
        for (String p : paths) {
            if (isArchive(p)) {
                return false;
            }
            inbox |= isInbox(p);
        }
        return log != inbox;
    }

    /** The byte offset of the first entry of {@code file}, or its length when it has none. */
    public static int firstEntry(byte[] file) throws IOException {
        LogGrammar.Starts starts = LogGrammar.entryStarts(file);
        return starts.size() == 0 ? file.length : starts.at(0);
    }

    /** The bytes of {@code file} from its first entry on (none without one). */
    private static byte[] entries(byte[] file) throws IOException {
        if (file == null) {
            return new byte[0];
        }
        int from = firstEntry(file);
        return java.util.Arrays.copyOfRange(file, from, file.length);
    }

    /** The history's bytes being joined, and how they end so far. */
    private static final class Joined extends java.io.ByteArrayOutputStream {
        private final String sep;
        private String ending = "";

        Joined(int size, String sep) {
            super(size);
            this.sep = sep;
        }

        void put(byte[] b, int from, int to) {
            write(b, from, to - from);
            String tail =
                    new String(b, Math.max(from, to - 4), to - Math.max(from, to - 4), StandardCharsets.ISO_8859_1);
            ending = (ending + tail).substring(Math.max(0, ending.length() + tail.length() - 4));
        }

        /**
         * A file's entries: after an archive or the log, whose entries were consecutive in the log,
         * only a missing line break is made; before an inbox entry, what the fold puts there.
         */
        void join(byte[] entries, boolean fold) {
            if (entries.length == 0) {
                return;
            }
            if (size() > 0) {
                String gap = fold ? LogAppender.separator(ending, sep) : ending.endsWith("\n") ? "" : sep;
                byte[] g = gap.getBytes(StandardCharsets.ISO_8859_1);
                put(g, 0, g.length);
            }
            put(entries, 0, entries.length);
        }
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
