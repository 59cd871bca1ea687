package dev.atomizer.governance;

import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.Severity;
import dev.atomizer.merge.LogMerge;
import dev.atomizer.merge.LogMerge.Piece;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An append-only log across a merge. The merged log must be the merge base's log byte for byte,
 * followed by the entries the parents appended since, each intact and each parent's in its own
 * order, with nothing else (see docs/governance.md, "Merges"). Whatever the merge driver makes
 * passes; a hand-made merge that drops, edits, hides (in a comment or a fence), reorders or
 * inserts an entry does not.
 *
 * @param path   the log's path
 * @param base   the log at the merge base (empty when the base had none)
 * @param sides  each parent's log, first parent first; each extends {@code base}, and only what
 *               it appended is kept
 * @param merged the log the merge commit holds
 */
public record MergedLog(String path, byte[] base, List<Side> sides, byte[] merged) {

    /**
     * A parent's log.
     *
     * @param appended what it appended to the base (its log from where its append check against
     *     the base found the tail)
     */
    record Side(String commit, byte[] appended) {

        String shortId() {
            return commit.substring(0, Math.min(10, commit.length()));
        }
    }

    private static final String FIX =
            "redo the merge with the atomizer merge driver (atomizer install-hooks registers it)";

    /**
     * Reports the first way the merged log departs from its parents, at {@code severity}.
     *
     * @return the merged log against the base when it is sound (its appended part is then linted),
     *         or null when something was reported
     */
    AppendCheck check(Severity severity, Consumer<Diagnostic> sink) throws dev.atomizer.log.LimitException {
        AppendCheck kept = AppendCheck.compare(path, base, merged, AppendCheck.Resume.START);
        if (!kept.appendOnly()) {
            String where = kept.entryHeading() == null
                    ? "in the preamble"
                    : "in the entry '" + kept.entryHeading() + "' (line " + kept.entryLine() + " of the base)";
            report(
                    sink,
                    severity,
                    kept.changedLine(),
                    "the merged log changes line " + kept.changedLine() + " of the merge base's log " + where
                            + ": a merge keeps the base's entries byte for byte; " + FIX);
            return null;
        }
        // each parent's new pieces; a later parent's piece that an earlier one appended too (a
        // cherry-pick) is kept once, as the driver does
        Map<String, Integer> earlier = new HashMap<>();
        Map<String, Integer> expected = new HashMap<>();
        List<List<Piece>> own = new ArrayList<>();
        for (int i = 0; i < sides.size(); i++) {
            Side side = sides.get(i);
            List<Piece> pieces = LogMerge.appendedPieces(base, side.appended(), 0);
            List<Piece> kept2 = new ArrayList<>();
            for (Piece p : pieces) {
                Integer n = earlier.get(p.text());
                if (n != null && n > 0) {
                    earlier.put(p.text(), n - 1);
                } else {
                    kept2.add(p);
                    expected.merge(p.text(), 1, Integer::sum);
                }
            }
            for (Piece p : pieces) {
                earlier.merge(p.text(), 1, Integer::sum);
            }
            own.add(kept2);
        }
        List<Piece> result = LogMerge.appendedPieces(base, merged, kept.tailOffset());
        Map<String, Integer> left = new HashMap<>(expected);
        for (Piece p : result) {
            Integer n = left.get(p.text());
            if (n == null || n == 0) {
                report(
                        sink,
                        severity,
                        line(p),
                        "the merged log has '" + p.firstLine() + "', which no parent appended"
                                + " in this form: a merge brings the parents' entries intact and adds nothing (an entry"
                                + " edited, inserted, or hidden in a comment or a fence); " + FIX);
                return null;
            }
            left.put(p.text(), n - 1);
        }
        for (int i = 0; i < sides.size(); i++) {
            for (Piece p : own.get(i)) {
                Integer n = left.get(p.text());
                if (n != null && n > 0) {
                    report(
                            sink,
                            severity,
                            1,
                            "the merged log lost the entry '" + p.firstLine() + "' of parent "
                                    + sides.get(i).shortId() + ": a merge keeps every entry its parents appended; "
                                    + FIX);
                    return null;
                }
            }
        }
        for (int i = 0; i < sides.size(); i++) {
            int at = 0;
            Piece before = null;
            for (Piece p : own.get(i)) {
                while (at < result.size() && !result.get(at).text().equals(p.text())) {
                    at++;
                }
                if (at == result.size()) {
                    Piece where = find(result, p);
                    report(
                            sink,
                            severity,
                            where == null ? 1 : line(where),
                            "the merged log reorders the entries of parent "
                                    + sides.get(i).shortId() + ": '" + p.firstLine() + "' comes before '"
                                    + (before == null ? "?" : before.firstLine())
                                    + "', which the parent appended first; " + FIX);
                    return null;
                }
                before = p;
                at++;
            }
        }
        return kept;
    }

    private int line(Piece p) {
        return AppendCheck.lineOf(merged, p.offset());
    }

    private static Piece find(List<Piece> pieces, Piece p) {
        for (Piece q : pieces) {
            if (q.text().equals(p.text())) {
                return q;
            }
        }
        return null;
    }

    private void report(Consumer<Diagnostic> sink, Severity severity, int line, String message) {
        sink.accept(new Diagnostic(path, line, 1, AppendOnly.INFO.id(), severity, message));
    }
}
