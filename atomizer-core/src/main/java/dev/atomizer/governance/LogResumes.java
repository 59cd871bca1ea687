package dev.atomizer.governance;

import dev.atomizer.governance.AppendCheck.Resume;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resume points ({@link Resume}) of versions of the log, by blob id: a version is read through
 * once, and a version that extends it is read from its resume point on. {@code verify} keeps them
 * in memory across the commits of its range; the pre-commit hook keeps those of the last versions
 * it saw in a small file of the git directory, so that the next commit, whose HEAD log is the
 * version staged before, reads only what it appends. A blob id names its content, so an entry can
 * only go stale by hand; a line that does not read back is ignored (the version is read whole).
 */
public final class LogResumes {

    /** The versions remembered in the file: HEAD's and the staged one, with room for a switch of branch. */
    private static final int KEPT = 8;

    private final Path file;
    private final Map<String, Resume> known = new LinkedHashMap<>();
    private boolean changed;

    private LogResumes(Path file) {
        this.file = file;
    }

    /** Resume points kept in memory only. */
    public static LogResumes inMemory() {
        return new LogResumes(null);
    }

    /** Resume points read from {@code file} (absent or unreadable: none), saved there by {@link #save()}. */
    public static LogResumes at(Path file) {
        LogResumes r = new LogResumes(file);
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split(" ", 3);
                if (f.length >= 2
                        && (f[0].length() == 40 || f[0].length() == 64)
                        && all(f[0], "0123456789abcdef")
                        && !f[1].isEmpty()
                        && f[1].length() <= 9
                        && all(f[1], "0123456789")) {
                    String before = f.length == 3 && dev.atomizer.log.LogGrammar.isTimestamp(f[2]) ? f[2] : null;
                    r.known.put(f[0], new Resume(Integer.parseInt(f[1]), before));
                }
            }
        } catch (IOException | RuntimeException e) {
            r.known.clear(); // a cache: without it every version is read whole
        }
        return r;
    }

    private static boolean all(String s, String allowed) {
        for (int i = 0; i < s.length(); i++) {
            if (allowed.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Where the version with blob id {@code id} may be resumed from: {@link Resume#START} when unknown. */
    public Resume of(String id) {
        Resume r = id == null ? null : known.get(id);
        return r != null ? r : Resume.START;
    }

    /** Remembers the resume point of the version with blob id {@code id} (ignored without an id). */
    public void remember(String id, Resume resume) {
        if (id == null || resume == null || resume.equals(known.get(id))) {
            return;
        }
        known.remove(id);
        known.put(id, resume);
        changed = true;
    }

    /**
     * Writes the last {@value #KEPT} resume points to the file, when there is one and they changed
     * (a temporary file renamed over it). A failure is not an error: the cache only saves time.
     */
    public void save() {
        if (file == null || !changed) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Resume> e : known.entrySet()) {
            Resume r = e.getValue();
            lines.add(e.getKey() + " " + r.offset() + (r.timestampBefore() == null ? "" : " " + r.timestampBefore()));
        }
        List<String> kept = lines.subList(Math.max(0, lines.size() - KEPT), lines.size());
        try {
            Files.createDirectories(file.getParent());
            dev.atomizer.io.AtomicFile.replace(file, (String.join("\n", kept) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // the next run reads the log whole
        }
    }
}
