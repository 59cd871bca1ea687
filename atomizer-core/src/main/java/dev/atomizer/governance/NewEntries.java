package dev.atomizer.governance;

import dev.atomizer.api.Workspace;
import dev.atomizer.git.FileChange;
import dev.atomizer.git.LogFiles;
import dev.atomizer.log.EntryHeader;
import dev.atomizer.log.LimitException;
import dev.atomizer.log.LogGrammar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries a change set <b>first adds</b> to the log's history (the log, its archives, the
 * inbox: {@link LogFiles}): those appended to the log or written to an inbox or archive file, less
 * those the same change set took away from another file of the history (or from the log itself,
 * when it rewrote it). An entry <b>moved</b> — folded from the inbox into the log, archived out of
 * the log — is not new: it is judged by the commit that first added it. Entries are the same when
 * their text is, from the heading to the next entry, without the blank lines around it.
 */
public final class NewEntries {

    /**
     * One entry a change set first adds.
     *
     * @param path  the file of the history it is in
     * @param line  its heading's line there
     * @param agent the agent its heading names, or null when the heading is malformed (lint's to report)
     * @param text  the entry's text, from its heading, without the blank lines around it
     */
    public record Added(String path, int line, String agent, String text) {}

    private record Piece(String path, int line, String agent, String text) {}

    private NewEntries() {}

    /** Whether {@code path} is a file of the log's history. */
    static boolean isHistory(String path) {
        return path != null && (path.equals(Workspace.LOG) || LogFiles.isMoved(path));
    }

    /** The entries {@code changes} first add, in the order of the changes and of each file. */
    public static List<Added> of(List<FileChange> changes) throws IOException {
        List<Piece> added = new ArrayList<>();
        Map<String, Integer> removed = new HashMap<>();
        for (FileChange c : changes) {
            byte[] old = isHistory(c.oldPath()) && c.oldContent().notAFile() == null
                    ? c.oldContent().bytes()
                    : null;
            byte[] neu = isHistory(c.newPath()) && c.newContent().notAFile() == null
                    ? c.newContent().bytes()
                    : null;
            if (old == null && neu == null) {
                continue;
            }
            if (old != null && neu != null && c.kind() == FileChange.Kind.MODIFY) {
                AppendCheck a = AppendCheck.compare(old, neu);
                if (a.appendOnly()) {
                    added.addAll(pieces(c.newPath(), neu, a.entriesOffset()));
                    continue;
                }
            }
            if (old != null) {
                for (Piece p : pieces(c.oldPath(), old, 0)) {
                    removed.merge(p.text(), 1, Integer::sum);
                }
            }
            if (neu != null) {
                added.addAll(pieces(c.newPath(), neu, 0));
            }
        }
        List<Added> out = new ArrayList<>();
        for (Piece p : added) {
            Integer n = removed.get(p.text());
            if (n != null) {
                if (n == 1) {
                    removed.remove(p.text());
                } else {
                    removed.put(p.text(), n - 1);
                }
                continue; // moved, or kept where the file was rewritten
            }
            out.add(new Added(p.path(), p.line(), p.agent(), p.text()));
        }
        return out;
    }

    /** The entries of {@code b} from {@code from}, with their lines. */
    private static List<Piece> pieces(String path, byte[] b, int from) throws LimitException {
        LogGrammar.Starts starts = LogGrammar.entryStarts(b, from, b.length);
        List<Piece> out = new ArrayList<>();
        int line = 0;
        int at = 0;
        for (int i = 0; i < starts.size(); i++) {
            int s = starts.at(i);
            line = line == 0 ? LogGrammar.lineNumber(b, s) : line + AppendCheck.breaks(b, at, s);
            at = s;
            int end = i + 1 < starts.size() ? starts.at(i + 1) : b.length;
            String heading = LogGrammar.lineAt(b, s);
            String text = new String(b, s, end - s, StandardCharsets.UTF_8).strip();
            out.add(new Piece(path, line, EntryHeader.parse(heading).agent(), text));
        }
        return out;
    }
}
