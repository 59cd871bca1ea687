package dev.atomizer.lint;

import dev.atomizer.api.Archived;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.Severity;
import dev.atomizer.api.Workspace;
import dev.atomizer.git.GitCli;
import dev.atomizer.io.AtomicFile;
import dev.atomizer.log.LimitException;
import dev.atomizer.log.LogAppender;
import dev.atomizer.log.LogGrammar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The archive use case: the longest prefix of the log's entries dated before a day moves, byte for
 * byte, into a new archive file ({@link Workspace#archive}), the log keeps its preamble and the
 * rest, and both are committed in one commit with the real {@code git} (or left staged). The
 * log's history reads the same afterwards (docs/reference.md, "The log's history").
 */
public final class Archiver {

    private final Linter linter;
    private final Path root;

    /** @param root the work tree, whose log is {@link Workspace#LOG} */
    public Archiver(Linter linter, Path root) {
        this.linter = linter;
        this.root = root;
    }

    /** The archive's first line: its title. */
    public static String title(LocalDate before) {
        return "# Project log archive: entries before " + before;
    }

    /** The commit's message. */
    public static String message(LocalDate before) {
        return "Archive the log's entries before " + before;
    }

    /**
     * Moves the log's entries dated before {@code before} into {@code Workspace.archive(before)} and
     * commits both files (or stages them, with {@code commit} false).
     *
     * @throws AtomizerException one line, when there is nothing to archive, the archive exists, the
     *                           index holds other staged changes, the moved entries have lint errors,
     *                           or git fails (then the files are as they were)
     */
    public Archived archive(LocalDate before, boolean commit) throws AtomizerException {
        String archivePath = Workspace.archive(before.toString());
        Path logFile = root.resolve(Workspace.LOG);
        byte[] log;
        try {
            log = Workspace.readInside(root, Workspace.LOG);
        } catch (IOException e) {
            throw new AtomizerException(Workspace.LOG + ": " + e.getMessage(), e);
        }
        if (log == null) {
            throw new AtomizerException(Workspace.LOG + ": no such file: there is no log to archive");
        }
        LogGrammar.Starts starts;
        try {
            starts = LogGrammar.entryStarts(log);
        } catch (LimitException e) {
            throw new AtomizerException(Workspace.LOG + ":" + e.line() + ": " + e.getMessage(), e);
        }
        int moved = 0;
        String first = before.toString();
        while (moved < starts.size()) {
            String ts = LogGrammar.timestamp(LogGrammar.lineAt(log, starts.at(moved)));
            if (ts == null || !LogGrammar.isTimestamp(ts) || ts.substring(0, 10).compareTo(first) >= 0) {
                break;
            }
            moved++;
        }
        if (moved == 0) {
            throw new AtomizerException(Workspace.LOG + ": nothing to archive: "
                    + (starts.size() == 0
                            ? "the log has no entries"
                            : "its first entry (line " + LogGrammar.lineNumber(log, starts.at(0)) + ") is not dated"
                                    + " before " + before));
        }
        int from = starts.at(0);
        int to = moved < starts.size() ? starts.at(moved) : log.length;
        if (Files.exists(root.resolve(archivePath), LinkOption.NOFOLLOW_LINKS)) {
            throw new AtomizerException(archivePath + ": the archive exists (archives are write-once);"
                    + " archive before another day, or commit the one there");
        }
        refuseLintErrors(log, to, LogGrammar.lineNumber(log, from));
        GitCli git = new GitCli(root, Map.of());
        refuseStagedChanges(git, archivePath);

        String sep = LogAppender.lineSeparator(log);
        byte[] head = (title(before) + sep + sep).getBytes(StandardCharsets.UTF_8);
        byte[] archived = new byte[head.length + to - from];
        System.arraycopy(head, 0, archived, 0, head.length);
        System.arraycopy(log, from, archived, head.length, to - from);
        byte[] rest = new byte[from + log.length - to];
        System.arraycopy(log, 0, rest, 0, from);
        System.arraycopy(log, to, rest, from, log.length - to);

        Path archiveFile;
        try {
            archiveFile = Workspace.writable(root, archivePath);
            Workspace.writable(root, Workspace.LOG);
            Files.createDirectories(archiveFile.getParent());
            AtomicFile.replace(archiveFile, archived);
        } catch (IOException e) {
            throw new AtomizerException(archivePath + ": cannot write: " + e.getMessage(), e);
        }
        try {
            AtomicFile.replace(logFile, rest);
        } catch (IOException e) {
            undo(git, archiveFile, logFile, log, archivePath, false);
            throw new AtomizerException(Workspace.LOG + ": cannot write: " + e.getMessage(), e);
        }
        GitCli.Run add = git.run("add", "--", Workspace.LOG, archivePath);
        if (!add.ok()) {
            undo(git, archiveFile, logFile, log, archivePath, true);
            throw new AtomizerException("git add failed: " + add.said() + "; the log is as it was");
        }
        if (commit) {
            GitCli.Run c = git.run("commit", "-q", "-m", message(before));
            if (!c.ok()) {
                undo(git, archiveFile, logFile, log, archivePath, true);
                throw new AtomizerException("git commit failed: " + c.said() + "; the log is as it was");
            }
        }
        return new Archived(archivePath, moved, starts.size() - moved, commit);
    }

    /** A size as messages show it: MB with one decimal (1 MB = 1,048,576 bytes), or KB below 1 MB. */
    public static String megabytes(long bytes) {
        return bytes >= 1L << 20
                ? String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20))
                : String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    /**
     * What to run to bring the log {@code file} to at most half of {@code limit}: the archive
     * before the day of the first entry from which the rest is that small (the day after, when
     * that entry is the first), so the log has room to grow again.
     */
    public static String advice(Path file, long limit) throws IOException {
        byte[] log = Files.readAllBytes(file);
        LogGrammar.Starts starts = LogGrammar.entryStarts(log);
        String day = null;
        for (int i = 0; i < starts.size() && day == null; i++) {
            String ts = LogGrammar.timestamp(LogGrammar.lineAt(log, starts.at(i)));
            if (ts != null && LogGrammar.isTimestamp(ts) && log.length - starts.at(i) + starts.at(0) <= limit / 2) {
                day = i == 0 ? LocalDate.parse(ts.substring(0, 10)).plusDays(1).toString() : ts.substring(0, 10);
            }
        }
        return day == null
                ? "move older entries into an archive: run 'atomizer archive --before YYYY-MM-DD'"
                : "move older entries into an archive: run 'atomizer archive --before " + day + "'";
    }

    /** The lint errors of the moved entries (the log up to {@code to}; lines from {@code firstLine}). */
    private void refuseLintErrors(byte[] log, int to, int firstLine) throws AtomizerException {
        List<Diagnostic> errors = new ArrayList<>();
        try {
            linter.lint(Workspace.LOG, new ByteArrayInputStream(Arrays.copyOf(log, to)), d -> {
                if (d.severity() == Severity.ERROR && d.line() >= firstLine) {
                    errors.add(d);
                }
            });
        } catch (IOException e) {
            throw new AtomizerException(Workspace.LOG + ": " + e.getMessage(), e);
        }
        if (!errors.isEmpty()) {
            Diagnostic d = errors.get(0);
            throw new AtomizerException(d.path() + ":" + d.line() + ": error [" + d.rule() + "] " + d.message()
                    + " (" + errors.size() + " lint error" + (errors.size() == 1 ? "" : "s")
                    + " in the entries to archive): an archive is write-once, fix the log first");
        }
    }

    private static void refuseStagedChanges(GitCli git, String archivePath) throws AtomizerException {
        GitCli.Run top = git.run("rev-parse", "--show-toplevel");
        if (!top.ok()) {
            throw new AtomizerException(
                    "not a git repository: " + top.said() + "; the archive and the log are committed together");
        }
        GitCli.Run head = git.run("rev-parse", "-q", "--verify", "HEAD");
        GitCli.Run staged = head.ok()
                ? git.run("diff", "--cached", "--name-only", "-z", "HEAD")
                : git.run("ls-files", "-z", "--cached");
        if (!staged.ok()) {
            throw new AtomizerException("cannot read the index: " + staged.said());
        }
        List<String> others = new ArrayList<>();
        for (String p : staged.out().split("\0")) {
            if (!p.isEmpty()) {
                others.add(p);
            }
        }
        if (!others.isEmpty()) {
            throw new AtomizerException("the index has staged changes ("
                    + String.join(", ", others.subList(0, Math.min(3, others.size())))
                    + (others.size() > 3 ? ", …" : "") + "): the archive commit holds only the log and "
                    + archivePath + "; commit or unstage them first");
        }
    }

    /** Puts the log back and removes the archive (and, once staged, their index entries). */
    private static void undo(GitCli git, Path archiveFile, Path logFile, byte[] log, String archivePath, boolean staged)
            throws AtomizerException {
        try {
            AtomicFile.replace(logFile, log);
            Files.deleteIfExists(archiveFile);
        } catch (IOException e) {
            throw new AtomizerException(
                    Workspace.LOG + ": cannot restore after a failed archive: " + e.getMessage(), e);
        }
        if (staged) {
            git.run("reset", "-q", "--", Workspace.LOG, archivePath);
        }
    }

    /**
     * The finding of a log of {@code size} bytes past a size limit of the contract, or null: what
     * both size rules say, each with its limit's name and why it matters ({@code why}).
     */
    static dev.atomizer.api.@Nullable Diagnostic overLimit(
            Path file,
            String shown,
            long size,
            long limit,
            String rule,
            dev.atomizer.api.Severity severity,
            String limitName,
            String why)
            throws IOException {
        if (severity == dev.atomizer.api.Severity.OFF || size <= limit) {
            return null;
        }
        return new dev.atomizer.api.Diagnostic(
                shown,
                1,
                1,
                rule,
                severity,
                "the log is " + megabytes(size) + ", over its " + limitName + " of " + megabytes(limit) + why
                        + advice(file, limit));
    }
}
