package dev.atomizer.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where a governed repository keeps its files. The root is found from a
 * directory the way git finds a repository: the nearest enclosing directory that has the log or
 * the contract under {@code shared/}, or else the nearest one with a {@code .git}.
 */
public record Workspace(Path root, Path log, Path contract, Path status) {

    public static final String LOG = "shared/project_log.md";
    public static final String CONTRACT = "shared/data-contracts/schemas.md";
    public static final String STATUS = "shared/PROJECT_STATUS.md";

    /** The folder of the weekly reports, which only 'atomizer report weekly' writes. */
    public static final String WEEKLY_REPORTS = "shared/reports/weekly";
    /** The folder of the closeout reports, which only 'atomizer report closeout' writes. */
    public static final String CLOSEOUT_REPORTS = "shared/reports/project";

    /**
     * The ref that holds the main line's last verified commit, on the remote and in a clone that
     * fetched it: the push job verifies from it and advances it after a green run.
     */
    public static final String VERIFIED_REF = "refs/atomizer/verified";

    /**
     * The folder of the log's archives: files of older entries moved out of the log byte for byte
     * ({@code atomizer archive}), write-once. The log's history reads them in name order, then the
     * log, then the inbox.
     */
    public static final String ARCHIVES = "shared/archive";

    /**
     * The folder of the inbox: one file per new entry, written on a branch when the contract turns
     * the inbox on, and folded into the log on the main line by the bot ({@code atomizer fold}).
     */
    public static final String INBOX = "shared/inbox";

    /**
     * Where the archive of the entries dated before {@code date} ({@code YYYY-MM-DD}, exclusive)
     * lives: names sort in the order of their entries.
     */
    public static String archive(String date) {
        return ARCHIVES + "/project_log-before-" + date + ".md";
    }

    /**
     * Where an inbox entry lives: its timestamp ({@code YYYY-MM-DD HH:MM}), agent and a unique part
     * (random hex), so names sort in time order and two branches never write the same name.
     */
    public static String inboxEntry(String timestamp, String agent, String unique) {
        return INBOX + "/" + timestamp.replace(' ', 'T').replace(":", "") + "-" + agent + "-" + unique + ".md";
    }

    /** Where the weekly report of an ISO week ({@code YYYY-Www}) lives. */
    public static String weeklyReport(String isoWeek) {
        return WEEKLY_REPORTS + "/" + isoWeek + "-report.md";
    }

    /** Where the closeout report of a project lives. */
    public static String closeoutReport(String slug) {
        return CLOSEOUT_REPORTS + "/" + slug + "-closeout.md";
    }

    /** The default layout under {@code root}. */
    public static Workspace at(Path root) {
        Path r = root.toAbsolutePath().normalize();
        return new Workspace(r, r.resolve(LOG), r.resolve(CONTRACT), r.resolve(STATUS));
    }

    public Workspace withContract(Path contract) {
        return new Workspace(root, log, contract.toAbsolutePath().normalize(), status);
    }

    public Workspace withStatus(Path status) {
        return new Workspace(root, log, contract, status.toAbsolutePath().normalize());
    }

    public Workspace withLog(Path log) {
        return new Workspace(root, log.toAbsolutePath().normalize(), contract, status);
    }

    /**
     * The bytes of the repository file {@code path} (relative to {@code root}) in the working tree,
     * or null when there is none. Only a regular file inside the repository's own files is read:
     * a symlink that leads out of the repository or into {@code .git} (a template linked to
     * {@code .git/config} would copy a remote's token into a report), a folder, a device or a
     * submodule in its place is an {@link IOException} that says so.
     */
    public static byte @Nullable [] readInside(Path root, String path) throws IOException {
        Path file = root.resolve(path);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        Path real;
        Path top;
        try {
            real = file.toRealPath();
            top = root.toRealPath();
        } catch (NoSuchFileException e) {
            throw new IOException("is a symlink to nothing (" + Files.readSymbolicLink(file) + ")", e);
        }
        if (!real.startsWith(top) || real.startsWith(top.resolve(".git"))) {
            throw new IOException("leads outside the repository's files (to " + real + "); make it a regular file");
        }
        if (!Files.isRegularFile(real)) {
            throw new IOException("is not a regular file (" + (Files.isDirectory(real) ? "a folder" : "a special file")
                    + "); make it a regular file");
        }
        return Files.readAllBytes(real);
    }

    /**
     * The file {@code path} under {@code root}, checked before Atomizer writes it: its folder must
     * be inside the repository's own files (a folder that is a symlink out of the repository or
     * into {@code .git} would have the write land there), and the file must not be a symlink
     * (written through, it would change whatever it points to).
     *
     * @throws IOException that says which of the two it is
     */
    public static Path writable(Path root, String path) throws IOException {
        Path file = root.resolve(path).normalize();
        Path top = root.toRealPath();
        Path dir = file.getParent();
        while (dir != null && !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            dir = dir.getParent();
        }
        Path real;
        try {
            real = dir == null ? null : dir.toRealPath();
        } catch (NoSuchFileException e) {
            throw new IOException("its folder " + root.relativize(dir) + " is a symlink to nothing", e);
        }
        if (real == null || !real.startsWith(top) || real.startsWith(top.resolve(".git"))) {
            throw new IOException(
                    "its folder leads outside the repository's files (to " + real + "); make it a regular folder");
        }
        if (Files.isSymbolicLink(file)) {
            throw new IOException("is a symlink (to " + Files.readSymbolicLink(file)
                    + "); Atomizer writes only regular files: replace it by one");
        }
        return file;
    }

    /** The workspace that holds {@code start} (a directory or a file). */
    public static Workspace discover(Path start) throws AtomizerException {
        Path dir = start.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            dir = dir.getParent();
        }
        Path git = null;
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(LOG)) || Files.isRegularFile(d.resolve(CONTRACT))) {
                return at(d);
            }
            if (git == null && Files.exists(d.resolve(".git"))) {
                git = d;
            }
        }
        if (git != null) {
            return at(git);
        }
        throw new AtomizerException("not inside an Atomizer repository: no " + LOG + " in " + dir
                + " or any parent; run from inside the repository or name the log file");
    }
}
