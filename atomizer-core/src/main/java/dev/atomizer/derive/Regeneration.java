package dev.atomizer.derive;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Workspace;
import dev.atomizer.git.Tree;
import dev.atomizer.governance.DerivedFiles;
import dev.atomizer.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pre-commit hook's fixer for stale derived files, after the convention of the pre-commit
 * framework's fixers: {@code generated-file} finds a derived file untouched (as HEAD has it, or as
 * {@code init} made it) while its sources changed; this writes what the generator makes of the
 * <em>staged</em> sources (the commit's content, the bytes the check expects) over it in the
 * working tree, and the hook fails once, asking to stage it and commit again.
 *
 * <p>Only those derived files are written, each whole ({@link AtomicFile}); never the log, never
 * the index (what is staged stays the user's choice, {@code git add -p} included). A working-tree
 * copy that differs from the staged one holds edits not staged: it is left as it is.
 */
public final class Regeneration implements DerivedFiles {

    /** The sources the derived files are made of, whose working-tree copy may differ from the staged one. */
    public static final List<String> SOURCES = List.of(Workspace.LOG, Workspace.STATUS, Workspace.CONTRACT);

    private final DerivedFiles generator = Derived.files();
    private final Tree initSources;
    private Map<String, byte[]> initial;
    private final Map<String, byte[]> stale = new LinkedHashMap<>();

    /** @param initSources the files init lays out, from which it makes the derived files of a new repository */
    public Regeneration(Tree initSources) {
        this.initSources = initSources;
    }

    @Override
    public byte[] expected(String path, Tree sources) throws IOException {
        return generator.expected(path, sources);
    }

    @Override
    public List<String> historyPaths() {
        return generator.historyPaths();
    }

    @Override
    public List<Folder> folders() {
        return generator.folders();
    }

    @Override
    public Kind kind(String path) {
        return generator.kind(path);
    }

    @Override
    public byte[] initial(String path) throws IOException {
        if (initial == null) {
            try {
                // a new repository has no history: init makes its derived files from its own files alone
                initial = Derived.generate(initSources, null);
            } catch (AtomizerException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return initial.get(path);
    }

    @Override
    public void stale(String path, byte[] made) {
        stale.put(path, made);
    }

    /** The derived files found stale, with what the generator makes of the staged sources. */
    public Map<String, byte[]> staleFiles() {
        return Collections.unmodifiableMap(stale);
    }

    /**
     * What became of one stale file in the working tree.
     *
     * @param regenerated whether the working tree now holds what the generator makes of the staged sources
     * @param reason      why it was left as it is (null when regenerated)
     */
    public record Outcome(String path, boolean regenerated, String reason) {}

    /**
     * Writes the stale files of {@code paths} under {@code root}: each whose working-tree copy is the
     * staged one (or is missing) is replaced whole by what the generator makes of the staged sources.
     */
    public List<Outcome> write(Path root, Tree staged, List<String> paths) throws AtomizerException {
        List<Outcome> out = new ArrayList<>();
        for (String path : paths) {
            byte[] made = stale.get(path);
            if (made == null) {
                continue;
            }
            try {
                Path target = Workspace.writable(root, path);
                if (Files.isDirectory(target)) {
                    out.add(new Outcome(path, false, "a folder is in its place in the working tree"));
                    continue;
                }
                byte[] current = read(target);
                if (Arrays.equals(current, made)) {
                    out.add(new Outcome(path, true, null)); // regenerated already, not staged
                    continue;
                }
                if (current != null && !Arrays.equals(current, staged.read(path))) {
                    out.add(new Outcome(
                            path, false, "its working-tree copy differs from the staged one (edits not staged)"));
                    continue;
                }
                Files.createDirectories(target.getParent());
                AtomicFile.replace(target, made);
                out.add(new Outcome(path, true, null));
            } catch (IOException e) {
                out.add(new Outcome(path, false, "cannot write it: " + e.getMessage()));
            }
        }
        return out;
    }

    /**
     * The sources whose working-tree copy differs from the staged one: the regenerated files are
     * made of the staged ones, so staging those sources too makes the files stale again.
     */
    public static List<String> unstagedSources(Path root, Tree staged) {
        List<String> out = new ArrayList<>();
        for (String path : SOURCES) {
            try {
                if (!Arrays.equals(read(root.resolve(path)), staged.read(path))) {
                    out.add(path);
                }
            } catch (IOException e) {
                out.add(path); // not a readable file in the working tree: not what is staged
            }
        }
        return out;
    }

    private static byte[] read(Path p) throws IOException {
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
