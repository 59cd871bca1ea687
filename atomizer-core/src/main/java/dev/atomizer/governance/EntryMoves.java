package dev.atomizer.governance;

import dev.atomizer.api.Workspace;
import dev.atomizer.contract.Policy;
import dev.atomizer.git.FileChange;
import dev.atomizer.git.LogFiles;
import dev.atomizer.git.Tree;
import dev.atomizer.log.LimitException;
import dev.atomizer.log.LogGrammar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The one owner of the moves of entries between the files of the log's history: the archives
 * ({@link Workspace#ARCHIVES}, entries moved out of the log), the log, and the inbox
 * ({@link Workspace#INBOX}, entries waiting to be folded into the log). The history's entries are
 * the archives' and the log's, in that order, then the inbox's. Between a state and the next
 * (docs/governance.md, "Moves of entries"):
 *
 * <ul>
 *   <li>the entries of the archives and the log before are a prefix, byte for byte, of those after:
 *       moving the log's oldest entries into a new archive keeps the sequence; an archive never
 *       changes or goes, and a new one holds only entries that were the log's (after its title);
 *   <li>each inbox file before is there unchanged after, or gone with its bytes an entry of what
 *       the log gained (a fold), once;
 *   <li>new entries (new inbox files, entries the log gained that are not folded) are linted as new
 *       entries ({@link InboxEntry}, and the log's tail as always).
 * </ul>
 *
 * <p>When no archive or inbox file changed, nothing here runs: the log's check stays O(appended).
 * When only inbox files were added, only they are read; a fold reads the log's appended part; only
 * an archive added or changed reads the whole history.
 */
public final class EntryMoves {

    /** A finding of {@code entry-move}: the file of the history and the line it is about. */
    public record Finding(String path, int line, String message) {}

    /** No move: the change set touches no archive and no inbox file. */
    static final EntryMoves NONE = new EntryMoves(List.of(), false, null);

    private final List<Finding> findings;
    private final boolean archived;
    private final AppendCheck logTail;

    private EntryMoves(List<Finding> findings, boolean archived, AppendCheck logTail) {
        this.findings = List.copyOf(findings);
        this.archived = archived;
        this.logTail = logTail;
    }

    /** The findings of {@code entry-move}, each at its file. */
    public List<Finding> findings() {
        return findings;
    }

    /**
     * True when the log's change is part of a move into an archive: {@code entry-move} judges it, and
     * {@code append-only} says nothing of it.
     */
    public boolean archived() {
        return archived;
    }

    /**
     * Where the entries the log gained start when it also lost its oldest ones to an archive (an
     * append check as if the log had only gained them), or null when the move was refused or none.
     */
    public AppendCheck logTail() {
        return logTail;
    }

    /** True when a change of the set touches an archive or an inbox file: only then is anything judged. */
    public static boolean touches(List<FileChange> changes) {
        for (FileChange c : changes) {
            if (c.oldPath() != null && LogFiles.isMoved(c.oldPath())
                    || c.newPath() != null && LogFiles.isMoved(c.newPath())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The moves of one change set, judged on first need and kept: every change of the set is
     * judged against the same picture, even when the rules see them one at a time ({@code verify}'s
     * net effect).
     */
    public static final class Lazy {
        private final List<FileChange> changes;
        private final Tree after;
        private final Path root;
        private final boolean net;
        private EntryMoves judged;

        /**
         * @param changes the whole change set
         * @param after   the state after it
         * @param root    the working tree's root when {@code after} is the working tree (it cannot
         *                list its paths), else null
         */
        public Lazy(List<FileChange> changes, Tree after, Path root) {
            this(changes, after, root, false);
        }

        /**
         * As {@link #Lazy(List, Tree, Path)}; {@code net}: the change set is a range's net effect,
         * where entries appended and archived within the range reach a new archive without ever
         * being in the base's log (each commit of the range was judged as it moved them).
         */
        public Lazy(List<FileChange> changes, Tree after, Path root, boolean net) {
            this.changes = changes;
            this.after = after;
            this.root = root;
            this.net = net;
        }

        EntryMoves get(ChangeContext context) throws IOException {
            if (judged == null) {
                judged = !touches(changes) || !context.policies().is(Workspace.LOG, Policy.APPEND_ONLY)
                        ? NONE
                        : judge(changes, after, LogFiles.of(after, root), context, net);
            }
            return judged;
        }
    }

    /** The two sides of a file of the history. */
    private record Sides(Map<String, FileChange> byOld, Map<String, FileChange> byNew, Tree after) {
        byte[] before(String path) throws IOException {
            FileChange c = byOld.get(path);
            if (c != null) {
                return c.oldContent().notAFile() != null
                        ? new byte[0]
                        : c.oldContent().bytes();
            }
            return after.read(path);
        }

        byte[] now(String path) throws IOException {
            FileChange c = byNew.get(path);
            if (c != null && c.newContent().notAFile() != null) {
                return new byte[0];
            }
            return after.read(path);
        }

        boolean added(String path) {
            FileChange c = byNew.get(path);
            return c != null && !path.equals(c.oldPath());
        }

        boolean removed(String path) {
            FileChange c = byOld.get(path);
            return c != null && !path.equals(c.newPath());
        }

        boolean modified(String path) {
            FileChange c = byOld.get(path);
            return c != null && path.equals(c.newPath());
        }
    }

    static EntryMoves judge(List<FileChange> changes, Tree after, LogFiles now, ChangeContext context, boolean net)
            throws IOException {
        Map<String, FileChange> byOld = new HashMap<>();
        Map<String, FileChange> byNew = new HashMap<>();
        for (FileChange c : changes) {
            if (c.oldPath() != null && c.kind() != FileChange.Kind.COPY && c.kind() != FileChange.Kind.ADD) {
                byOld.put(c.oldPath(), c);
            }
            if (c.newPath() != null) {
                byNew.put(c.newPath(), c);
            }
        }
        Sides sides = new Sides(byOld, byNew, after);
        List<String> archivesBefore = before(now.archives(), sides, LogFiles::isArchive);
        List<String> inboxBefore = before(now.inbox(), sides, LogFiles::isInbox);
        List<Finding> findings = new ArrayList<>();

        boolean archiveMoved = false;
        for (String a : archivesBefore) {
            if (sides.removed(a) || sides.modified(a)) {
                findings.add(new Finding(
                        a,
                        1,
                        a + ": an archive is write-once and was "
                                + (sides.modified(a) ? "changed" : "removed or renamed")
                                + "; archives keep the log's older entries byte for byte: "
                                + context.undo(a)));
            }
        }
        for (String a : now.archives()) {
            archiveMoved |= sides.added(a);
        }

        // the log's entries: those it gained, when an archive took its oldest ones, or appended to
        List<Entry> logGained = List.of();
        AppendCheck logTail = null;
        if (archiveMoved) {
            Sequence b = Sequence.of(archivesBefore, sides, true);
            Sequence a = Sequence.of(now.archives(), sides, false);
            int k = 0;
            while (k < b.entries.size()
                    && k < a.entries.size()
                    && b.entries.get(k).same(a.entries.get(k))) {
                k++;
            }
            byte[] logBefore = sides.before(Workspace.LOG);
            byte[] logAfter = sides.now(Workspace.LOG);
            if (k < b.entries.size()) {
                Entry lost = b.entries.get(k);
                Entry there = k < a.entries.size() ? a.entries.get(k) : null;
                findings.add(
                        there == null
                                ? new Finding(
                                        lost.path,
                                        lost.line(),
                                        lost.path + ":" + lost.line() + ": the entry '" + lost.heading()
                                                + "' is gone from the history: an archive must take the log's oldest entries"
                                                + " byte for byte, and the log keep the rest; "
                                                + context.undo(lost.path))
                                : new Finding(
                                        there.path,
                                        there.line(),
                                        there.path + ":" + there.line() + ": the entry '" + there.heading()
                                                + "' is not the history's next entry, '" + lost.heading() + "' ("
                                                + lost.path + ":" + lost.line() + "), byte for byte: an archive takes a"
                                                + " prefix of the log unchanged ('atomizer archive' writes one); "
                                                + context.undo(there.path)));
            } else if (!preamble(logBefore).equals(preamble(logAfter))) {
                findings.add(new Finding(
                        Workspace.LOG,
                        1,
                        Workspace.LOG + ": the log's title (the text before its first entry) changed while entries"
                                + " moved to an archive; " + context.undo(Workspace.LOG)));
            } else {
                List<Entry> gained = a.entries.subList(k, a.entries.size());
                for (Entry e : gained) {
                    if (!net && !e.path.equals(Workspace.LOG)) {
                        findings.add(new Finding(
                                e.path,
                                e.line(),
                                e.path + ":" + e.line() + ": the entry '" + e.heading()
                                        + "' was not in the log: an archive holds only entries moved out of the log;"
                                        + " append new entries to the log (or the inbox) instead"));
                    }
                }
                logGained = gained.stream()
                        .filter(e -> e.path.equals(Workspace.LOG))
                        .toList();
                int from = logGained.isEmpty() ? logAfter == null ? 0 : logAfter.length : logGained.get(0).start;
                int firstLog = a.firstOf(Workspace.LOG);
                String previous = k == 0 ? null : a.lastTimestampBefore(k);
                logTail = new AppendCheck(
                        true, from, from, previous, 0, 0, 0, null, true, new AppendCheck.Resume(firstLog, null), null);
            }
            for (String n : now.archives()) {
                if (sides.added(n)) {
                    String problem = archiveShape(sides.now(n));
                    if (problem != null) {
                        findings.add(new Finding(n, 1, n + ": " + problem));
                    }
                }
            }
        } else if (byNew.containsKey(Workspace.LOG)) {
            FileChange log = byNew.get(Workspace.LOG);
            if (log.kind() == FileChange.Kind.ADD && log.newContent().notAFile() == null) {
                logGained = Entry.all(Workspace.LOG, log.newContent().bytes(), 0);
            } else if (log.kind() == FileChange.Kind.MODIFY
                    && log.oldContent().notAFile() == null
                    && log.newContent().notAFile() == null) {
                AppendCheck c = context.appendCheck(log);
                if (c.appendOnly()) {
                    byte[] bytes = log.newContent().bytes();
                    logGained = Entry.all(Workspace.LOG, bytes, c.entriesOffset());
                }
            }
        }

        // the inbox: each file before stays unchanged, or is folded into what the log gained, once
        Map<String, List<Entry>> gainedByBytes = new HashMap<>();
        for (Entry e : logGained) {
            gainedByBytes.computeIfAbsent(e.key(), x -> new ArrayList<>()).add(e);
        }
        for (String p : inboxBefore) {
            if (sides.modified(p)) {
                findings.add(new Finding(
                        p,
                        1,
                        p + ": an inbox entry was edited after it was written; an entry is written once: "
                                + context.undo(p) + ", and write a correcting entry ('atomizer log')"));
                continue;
            }
            byte[] bytes = sides.before(p);
            List<Entry> same = gainedByBytes.get(new String(trim(bytes), java.nio.charset.StandardCharsets.ISO_8859_1));
            boolean folded = same != null && !same.isEmpty();
            if (sides.removed(p)) {
                if (folded) {
                    same.remove(0);
                } else {
                    findings.add(new Finding(
                            p,
                            1,
                            p + ": removed from the inbox but not folded into the log byte for byte; " + context.undo(p)
                                    + " (only 'atomizer fold' takes entries out of the inbox)"));
                }
            } else if (folded) {
                Entry e = same.remove(0);
                // reported at the log: the inbox file itself is not among the changes
                findings.add(new Finding(
                        Workspace.LOG,
                        e.line(),
                        Workspace.LOG + ":" + e.line() + ": the entry '" + e.heading() + "' is folded from " + p
                                + ", which is still in the inbox: it would be twice in the history; delete the inbox"
                                + " file with the fold ('atomizer fold' does)"));
            }
        }
        // a folded entry appended twice: the second copy matches no inbox file left
        TreeSet<String> inboxKeys = new TreeSet<>();
        for (String p : inboxBefore) {
            inboxKeys.add(new String(trim(sides.before(p)), java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        for (Map.Entry<String, List<Entry>> left : gainedByBytes.entrySet()) {
            if (inboxKeys.contains(left.getKey())) {
                for (Entry e : left.getValue()) {
                    findings.add(new Finding(
                            Workspace.LOG,
                            e.line(),
                            Workspace.LOG + ":" + e.line() + ": the entry '" + e.heading()
                                    + "' was folded from the inbox more than once: each inbox entry goes into the log"
                                    + " once; " + context.undo(Workspace.LOG) + " and fold again"));
                }
            }
        }
        return new EntryMoves(rehomed(findings, sides, now), archiveMoved, findings.isEmpty() ? logTail : null);
    }

    /**
     * The findings, each at a file the change set changed: a finding about a file it left alone
     * (the log, when an archive copies its entries without moving them) is reported at the first
     * changed file of the history, its message naming the file and line it is about.
     */
    private static List<Finding> rehomed(List<Finding> findings, Sides sides, LogFiles now) {
        String home = null;
        for (String a : now.archives()) {
            if (home == null && sides.added(a)) {
                home = a;
            }
        }
        if (home == null) {
            TreeSet<String> changed = new TreeSet<>();
            for (String p : sides.byOld().keySet()) {
                if (LogFiles.isMoved(p) || p.equals(Workspace.LOG)) {
                    changed.add(p);
                }
            }
            for (String p : sides.byNew().keySet()) {
                if (LogFiles.isMoved(p) || p.equals(Workspace.LOG)) {
                    changed.add(p);
                }
            }
            home = changed.isEmpty() ? null : changed.first();
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            boolean changedHere =
                    sides.byOld().containsKey(f.path()) || sides.byNew().containsKey(f.path());
            out.add(changedHere || home == null ? f : new Finding(home, 1, f.message()));
        }
        return out;
    }

    /** The files of a folder before the change: those after, less the ones added, with the ones removed. */
    private static List<String> before(List<String> now, Sides sides, java.util.function.Predicate<String> inFolder) {
        TreeSet<String> out = new TreeSet<>();
        for (String p : now) {
            if (!sides.added(p)) {
                out.add(p);
            }
        }
        for (String p : sides.byOld().keySet()) {
            if (inFolder.test(p)) {
                out.add(p);
            }
        }
        return new ArrayList<>(out);
    }

    /** The text before the first entry (a title and blank lines), trimmed. */
    private static String preamble(byte[] b) throws LimitException {
        if (b == null) {
            return "";
        }
        LogGrammar.Starts s = LogGrammar.entryStarts(b, 0, b.length);
        int end = s.size() == 0 ? b.length : s.at(0);
        return new String(b, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
    }

    /** Why a new archive is not a title, blank lines and entries, or null when it is. */
    private static String archiveShape(byte[] b) throws LimitException {
        LogGrammar.Starts s = LogGrammar.entryStarts(b, 0, b.length);
        if (s.size() == 0) {
            return "a new archive holds no entry: an archive holds the log's oldest entries, moved byte for byte";
        }
        String pre = preamble(b);
        if (!pre.isEmpty() && !(pre.startsWith("# ") && pre.lines().count() == 1)) {
            return "a new archive holds text before its first entry other than a '# ' title line: an archive holds"
                    + " only its title and entries moved out of the log";
        }
        return null;
    }

    /** The entries of files of the history in order, from their first entry on. */
    private static final class Sequence {
        final List<Entry> entries = new ArrayList<>();

        static Sequence of(List<String> archives, Sides sides, boolean before) throws IOException {
            Sequence s = new Sequence();
            List<String> files = new ArrayList<>(archives);
            files.add(Workspace.LOG);
            for (String f : files) {
                byte[] b = before ? sides.before(f) : sides.now(f);
                if (b != null) {
                    s.entries.addAll(Entry.all(f, b, 0));
                }
            }
            return s;
        }

        int firstOf(String path) {
            for (Entry e : entries) {
                if (e.path.equals(path)) {
                    return e.start;
                }
            }
            return 0;
        }

        String lastTimestampBefore(int k) {
            for (int i = k - 1; i >= 0; i--) {
                String ts = LogGrammar.timestamp(entries.get(i).heading());
                if (ts != null) {
                    return ts;
                }
            }
            return null;
        }
    }

    /** An entry of a file: its bytes from its heading to before the next one, trailing whitespace left out. */
    private record Entry(String path, byte[] file, int start, int end) {

        static List<Entry> all(String path, byte[] b, int from) throws LimitException {
            LogGrammar.Starts s = LogGrammar.entryStarts(b, from, b.length);
            List<Entry> out = new ArrayList<>(s.size());
            for (int i = 0; i < s.size(); i++) {
                int end = i + 1 < s.size() ? s.at(i + 1) : b.length;
                while (end > s.at(i) && isSpace(b[end - 1])) {
                    end--;
                }
                out.add(new Entry(path, b, s.at(i), end));
            }
            return out;
        }

        boolean same(Entry o) {
            return Arrays.equals(file, start, end, o.file, o.start, o.end);
        }

        String key() {
            return new String(file, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        }

        int line() {
            return LogGrammar.lineNumber(file, start);
        }

        String heading() {
            return LogGrammar.lineAt(file, start).stripTrailing();
        }
    }

    private static byte[] trim(byte[] b) {
        int end = b.length;
        while (end > 0 && isSpace(b[end - 1])) {
            end--;
        }
        return Arrays.copyOf(b, end);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
