package dev.atomizer.derive;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.FileOutcome;
import dev.atomizer.git.Tree;
import dev.atomizer.governance.DerivedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every derived file: made from {@link Sources}, written atomically and only when changed, and
 * compared with what is committed or staged ({@code generated-stale}, {@code generated-file}).
 */
public final class Derived {

    /** The derived files in the order they are made. */
    public static List<Artifact> artifacts() {
        return List.of(new ExecSummary(), new Technical(), new Operations(), new KpiMetrics());
    }

    /**
     * The paths whose commits the KPIs read: the log's history (the log, its archives and inbox),
     * the exec summary, the weekly reports.
     */
    public static final List<String> HISTORY_PATHS = List.of(
            dev.atomizer.api.Workspace.LOG,
            dev.atomizer.api.Workspace.ARCHIVES,
            dev.atomizer.api.Workspace.INBOX,
            ExecSummary.PATH,
            dev.atomizer.api.Workspace.WEEKLY_REPORTS);

    private Derived() {}

    /** Path to content, in artifact order. */
    public static Map<String, byte[]> generate(Sources sources) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Artifact a : artifacts()) {
            out.put(a.path(), a.render(sources).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * Writes the files under {@code root}, all or nothing, each unless its content is already the
     * same: every changed file is first written whole to a temporary file in its own folder; only
     * when all of them are there are they renamed over the old ones, so a reader never sees half a
     * file, and a failure (a read-only folder, a full disk, a folder where a file should be) leaves
     * the old set as it was and names its cause.
     */
    public static List<FileOutcome> write(Path root, Map<String, byte[]> files) throws AtomizerException {
        List<FileOutcome> out = new ArrayList<>();
        Map<Path, Path> staged = new LinkedHashMap<>();
        String current = null;
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                current = f.getKey();
                Path target = dev.atomizer.api.Workspace.writable(root, f.getKey());
                if (Files.isDirectory(target)) {
                    throw new IOException("a folder is in the way");
                }
                if (Arrays.equals(read(target), f.getValue())) {
                    out.add(new FileOutcome(f.getKey(), false));
                    continue;
                }
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
                staged.put(tmp, target);
                readable(tmp, target);
                Files.write(tmp, f.getValue());
                out.add(new FileOutcome(f.getKey(), true));
            }
        } catch (IOException e) {
            discard(staged);
            throw new AtomizerException(current + ": cannot write (" + reason(e) + "); no derived file was changed", e);
        }
        List<String> replaced = new ArrayList<>();
        for (Map.Entry<Path, Path> t : staged.entrySet()) {
            try {
                try {
                    Files.move(
                            t.getKey(),
                            t.getValue(),
                            StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(t.getKey(), t.getValue(), StandardCopyOption.REPLACE_EXISTING);
                }
                replaced.add(root.relativize(t.getValue()).toString());
            } catch (IOException e) {
                discard(staged);
                throw new AtomizerException(
                        root.relativize(t.getValue()) + ": cannot write (" + reason(e) + ")"
                                + (replaced.isEmpty()
                                        ? "; no derived file was changed"
                                        : "; already replaced: " + String.join(", ", replaced)
                                                + "; run the command again"),
                        e);
            }
        }
        return out;
    }

    private static void discard(Map<Path, Path> staged) {
        for (Path tmp : staged.keySet()) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // a leftover temporary file is named .<file>.tmp: harmless, and the next run makes its own
            }
        }
    }

    /** What went wrong, in words: Java names only the file for some errors. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file is in the way: " + e.getMessage();
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder: " + e.getMessage();
        }
        return e.getMessage();
    }

    /**
     * A temporary file is private (rw-------); the file it replaces keeps its permissions, a new
     * one gets rw-r--r-- like any file the team commits.
     */
    private static void readable(Path tmp, Path target) throws IOException {
        try {
            Files.setPosixFilePermissions(
                    tmp,
                    Files.exists(target)
                            ? Files.getPosixFilePermissions(target)
                            : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
    }

    private static byte[] read(Path p) throws IOException {
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The derived files that differ from what the sources make (missing ones included), in artifact order. */
    public static List<String> stale(Tree state, Map<String, byte[]> expected) throws IOException {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : expected.entrySet()) {
            if (!Arrays.equals(state.read(f.getKey()), f.getValue())) {
                out.add(f.getKey());
            }
        }
        return out;
    }

    /**
     * The {@code generated-file} seam: what the generator makes of a derived path from the files of a
     * state (made once per state), or null for a path it does not make.
     */
    public static DerivedFiles files() {
        return new DerivedFiles() {
            private Tree lastState;
            private Map<String, byte[]> lastFiles;

            @Override
            public List<String> historyPaths() {
                return HISTORY_PATHS;
            }

            @Override
            public List<Folder> folders() {
                return FOLDERS;
            }

            @Override
            public Kind kind(String path) {
                return Derived.kind(path);
            }

            @Override
            public byte[] expected(String path, Tree state) throws IOException {
                if (artifacts().stream().noneMatch(a -> a.path().equals(path))) {
                    return null;
                }
                if (state != lastState) {
                    try {
                        lastFiles = generate(Sources.read(state, null));
                    } catch (AtomizerException e) {
                        throw new IOException(e.getMessage(), e);
                    }
                    lastState = state;
                }
                return lastFiles.get(path);
            }
        };
    }

    /**
     * The folders the dashboards' generator owns: those of its files ({@code shared/dashboards},
     * {@code shared/kpi}). Every file under them must be one it makes ({@code not-generated}).
     */
    public static final List<DerivedFiles.Folder> FOLDERS = folders();

    private static List<DerivedFiles.Folder> folders() {
        Map<String, DerivedFiles.Folder> out = new LinkedHashMap<>();
        for (Artifact a : artifacts()) {
            String folder = a.path().substring(0, a.path().lastIndexOf('/'));
            out.putIfAbsent(
                    folder,
                    new DerivedFiles.Folder(
                            folder, dev.atomizer.contract.Policy.GENERATED, a.path(), "'atomizer dashboards'"));
        }
        return List.copyOf(out.values());
    }

    /** What a path under {@link #FOLDERS} is: one of the derived files, a folder's {@code .gitkeep}, or nothing of ours. */
    static DerivedFiles.Kind kind(String path) {
        for (Artifact a : artifacts()) {
            if (a.path().equals(path)) {
                return DerivedFiles.Kind.DERIVED;
            }
        }
        for (DerivedFiles.Folder f : FOLDERS) {
            if (path.equals(f.path() + "/.gitkeep")) {
                return DerivedFiles.Kind.KEEP;
            }
        }
        return DerivedFiles.Kind.NONE;
    }

    /** For callers that only need the bytes of one state, as of {@code asOf} (null: the newest entry). */
    public static Map<String, byte[]> generate(Tree state, LocalDateTime asOf) throws AtomizerException {
        return generate(Sources.read(state, asOf));
    }
}
