package dev.atomizer.merge;

import dev.atomizer.log.LimitException;
import dev.atomizer.log.LogGrammar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The git merge driver for the log ({@code driver %O %A %B}): keeps the common base, adds both
 * sides' new entries ordered by timestamp, and leaves conflict markers only when a side changed
 * the base part itself (docs/governance.md, "Merges").
 *
 * <p>Works on bytes: the inputs are decoded as ISO-8859-1, so every byte (a BOM, CRLF, invalid
 * UTF-8) round-trips exactly, and the markdown structure it needs (headings, fences) is ASCII.
 */
public final class LogMerge {

    /**
     * The outcome of a merge.
     *
     * @param merged  the merged bytes (with conflict markers when not clean)
     * @param clean   true when git may take {@code merged} as the resolution
     * @param message what was done, or which side changed the base part and where
     */
    public record Result(byte[] merged, boolean clean, String message) {}

    /** The UTF-8 byte-order mark as three ISO-8859-1 chars. */
    private static final String BOM = "\u00EF\u00BB\u00BF";

    private LogMerge() {}

    /** Merges two versions of the log that each may have appended entries to the common base. */
    public static Result merge(byte[] base, byte[] ours, byte[] theirs) {
        try {
            return mergeWithin(base, ours, theirs);
        } catch (TooLong e) {
            return new Result(
                    ours == null ? new byte[0] : ours.clone(),
                    false,
                    "line " + e.limit().line() + " of a version: " + e.getMessage() + "; not merged");
        }
    }

    private static Result mergeWithin(byte[] base, byte[] ours, byte[] theirs) {
        base = base == null ? new byte[0] : base;
        ours = ours == null ? new byte[0] : ours;
        theirs = theirs == null ? new byte[0] : theirs;
        if (Arrays.equals(ours, theirs)) {
            return new Result(ours.clone(), true, "ours and theirs are identical");
        }
        if (Arrays.equals(base, theirs)) {
            return new Result(ours.clone(), true, "theirs left the log unchanged; ours taken");
        }
        if (Arrays.equals(base, ours)) {
            return new Result(theirs.clone(), true, "ours left the log unchanged; theirs taken");
        }
        Text b = Text.of(base);
        Text o = Text.of(ours);
        Text t = Text.of(theirs);
        int @Nullable [] oursArchived = archived(b.body, o.body);
        int @Nullable [] theirsArchived = archived(b.body, t.body);
        if (oursArchived != null || theirsArchived != null) {
            return mergeArchived(base, b, o, t, oursArchived, theirsArchived);
        }
        String nl = lineSeparator(b.body, o.body, t.body);
        String baseBody = b.body;
        boolean bom = b.bom;
        if (stripTrailing(baseBody).isEmpty()) {
            // an empty base is a new file on both sides (git's add/add): both are appends to it,
            // but the lines both sides start with (the title each wrote) are kept once, as a base
            baseBody = commonPreamble(o.body, t.body);
            bom = bom || o.bom || t.bom;
        }
        String prefix = bom ? BOM : "";
        if (o.body.equals(t.body)) {
            return clean(prefix + o.body, "ours and theirs differ only in the byte-order mark; ours taken");
        }
        // "fails the merge (leaving conflict markers) only where the base part itself was
        // changed on a side"
        String stem = stripTrailing(baseBody);
        boolean oursAppends = appends(o.body, stem);
        boolean theirsAppends = appends(t.body, stem);
        // each side is its version of the base part, then its appended tail
        int oursEnd = oursAppends ? commonPrefixLength(o.body, baseBody) : basePartEnd(baseBody, stem, o.body);
        int theirsEnd = theirsAppends ? commonPrefixLength(t.body, baseBody) : basePartEnd(baseBody, stem, t.body);
        List<Block> ourBlocks = blocks(baseBody, o.body, oursEnd);
        List<Block> theirBlocks = blocks(baseBody, t.body, theirsEnd);
        int twice = dropSharedEntries(ourBlocks, theirBlocks);

        StringBuilder out =
                new StringBuilder(baseBody.length() + o.body.length() + t.body.length() - oursEnd - theirsEnd + 64);
        boolean clean = oursAppends && theirsAppends;
        if (clean) {
            out.append(baseBody);
        } else {
            conflictRegion(out, o.body.substring(0, oursEnd), t.body.substring(0, theirsEnd), nl);
        }
        // "adds both sides' new entries ordered by timestamp (stable)": a two-way merge,
        // ours first on equal timestamps, and never reordering a side's own entries
        int baseEnd = out.length();
        int i = 0;
        int j = 0;
        while (i < ourBlocks.size() || j < theirBlocks.size()) {
            boolean takeOurs = j >= theirBlocks.size()
                    || i < ourBlocks.size() && ourBlocks.get(i).key.compareTo(theirBlocks.get(j).key) <= 0;
            append(out, baseEnd, takeOurs ? ourBlocks.get(i++) : theirBlocks.get(j++), nl);
        }
        byte[] merged = (prefix + out).getBytes(StandardCharsets.ISO_8859_1);
        if (!clean) {
            List<String> changed = new ArrayList<>();
            if (!oursAppends) {
                changed.add("ours " + where(baseBody, o.body));
            }
            if (!theirsAppends) {
                changed.add("theirs " + where(baseBody, t.body));
            }
            return new Result(
                    merged,
                    false,
                    String.join(" and ", changed) + " of the common base (the log is"
                            + " append-only); resolve by keeping the base and re-appending your entries");
        }
        int ourEntries = countEntries(ourBlocks);
        int theirEntries = countEntries(theirBlocks);
        return new Result(
                merged,
                true,
                "kept the common base and added " + ourEntries + plural(" entr", ourEntries)
                        + " from ours and " + theirEntries + " from theirs in timestamp order"
                        + (twice > 0
                                ? " (" + twice + plural(" entr", twice) + " appended on both sides kept once)"
                                : ""));
    }

    // ---- a side that archived: it moved a prefix of the base's entries out of the log ----

    /**
     * Whether {@code side} is the base with a prefix of its entries removed (what {@code atomizer
     * archive} leaves: the preamble, then the rest), then appended to: the base's offsets
     * {@code [from, to)} of the removed entries, or null.
     */
    private static int @Nullable [] archived(String base, String side) {
        String stem = stripTrailing(base);
        if (appends(side, stem)) {
            return null;
        }
        List<Integer> starts = headingStarts(base);
        if (starts.isEmpty()) {
            return null;
        }
        int from = starts.get(0);
        if (!side.regionMatches(0, base, 0, from)) {
            return null;
        }
        for (int k = 1; k <= starts.size(); k++) {
            int to = k < starts.size() ? starts.get(k) : base.length();
            if (k == starts.size() && !archivedAll(base, starts, side.substring(from))) {
                continue;
            }
            int probe = Math.min(64, Math.min(base.length() - to, side.length() - from));
            if (probe > 0 && !side.regionMatches(from, base, to, probe)) {
                continue;
            }
            if (appends(base.substring(0, to) + side.substring(from), stem)) {
                return new int[] {from, to};
            }
        }
        return null;
    }

    /**
     * Whether {@code rest}, what a side has after the base's preamble, may be new entries after
     * every entry of the base was archived: only whole entries, none of the base's (not even its
     * first heading), the first not dated before the base's last. A side that cut
     * the log's end or edited its first entries keeps older entries, and conflicts.
     */
    private static boolean archivedAll(String base, List<Integer> starts, String rest) {
        String first = base.substring(starts.get(0), lineEnd(base, starts.get(0)));
        List<Integer> own = headingStarts(rest);
        for (int h : own) {
            if (rest.startsWith(first, h)) {
                return false;
            }
        }
        if (!isBlank(rest.substring(0, own.isEmpty() ? rest.length() : own.get(0)))) {
            return false; // text that is no entry: an edit, not an archive
        }
        if (own.isEmpty()) {
            return true;
        }
        String last = null;
        for (int i = starts.size() - 1; i >= 0 && last == null; i--) {
            last = LogGrammar.timestampKey(base, starts.get(i));
        }
        String next = LogGrammar.timestampKey(rest, own.get(0));
        return last == null || next != null && next.compareTo(last) >= 0;
    }

    private static int lineEnd(String s, int from) {
        int e = s.indexOf('\n', from);
        return e < 0 ? s.length() : e;
    }

    /**
     * Merges with the archived entries put back on the side(s) that moved them out, then leaves
     * out the longer prefix the sides moved: the preamble, the entries left, both sides' new ones.
     */
    private static Result mergeArchived(
            byte[] base, Text b, Text o, Text t, int @Nullable [] oursArchived, int @Nullable [] theirsArchived) {
        Result r = mergeWithin(base, restored(b, o, oursArchived), restored(b, t, theirsArchived));
        int[] either = oursArchived != null ? oursArchived : java.util.Objects.requireNonNull(theirsArchived);
        int from = either[0];
        int to = Math.max(
                oursArchived == null ? from : oursArchived[1], theirsArchived == null ? from : theirsArchived[1]);
        String who = oursArchived != null && theirsArchived != null
                ? "both sides"
                : oursArchived != null ? "ours" : "theirs";
        Text m = Text.of(r.merged());
        if (!r.clean() || !m.body.regionMatches(0, b.body, 0, to)) {
            return new Result(
                    r.merged(),
                    false,
                    r.message() + " (" + who + " archived entries of the base; they are shown in place)");
        }
        int rest = to;
        if (to == b.body.length() && endsWithBlankLine(m.body.substring(0, from))) {
            // every entry archived: the line breaks made after the base's last one are not needed
            while (rest < m.body.length() && (m.body.charAt(rest) == '\n' || m.body.charAt(rest) == '\r')) {
                rest++;
            }
        }
        String body = m.body.substring(0, from) + m.body.substring(rest);
        return clean(
                (m.bom ? BOM : "") + body,
                r.message() + "; left out the " + countEntries(b.body.substring(from, to))
                        + plural(" entr", countEntries(b.body.substring(from, to))) + " " + who + " archived");
    }

    /** A side with the base's entries {@code [from, to)} it archived put back (as it was when it only appended). */
    private static byte[] restored(Text base, Text side, int @Nullable [] archived) {
        String body =
                archived == null ? side.body : base.body.substring(0, archived[1]) + side.body.substring(archived[0]);
        return ((side.bom ? BOM : "") + body).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int countEntries(String text) {
        return headingStarts(text).size();
    }

    /**
     * Runs the driver on files: reads %O %A %B, writes the result to the %A file atomically (temp
     * file in the same folder + move), returns the exit code (0 clean, 1 conflict).
     *
     * @throws IOException when a file cannot be read or the result cannot be written
     */
    public static int run(Path base, Path ours, Path theirs) throws IOException {
        return run(base, ours, theirs, message -> {});
    }

    /** As {@link #run(Path, Path, Path)}, handing the result's message to {@code report}. */
    public static int run(Path base, Path ours, Path theirs, Consumer<String> report) throws IOException {
        Result r = merge(Files.readAllBytes(base), Files.readAllBytes(ours), Files.readAllBytes(theirs));
        // same folder, so git never sees a half-written file; the file keeps its mode
        dev.atomizer.io.AtomicFile.replace(ours, r.merged());
        report.accept(r.message());
        // git: exit 0 = merged cleanly, non-zero = conflict (the file then holds the markers)
        return r.clean() ? 0 : 1;
    }

    /**
     * Does {@code side} only add to the base? As the append-only rule judges it: it begins with
     * the base byte for byte, trailing whitespace at the base's end tolerated, and the base's last
     * line gains nothing but whitespace.
     */
    private static boolean appends(String side, String stem) {
        return side.startsWith(stem) && (stem.isEmpty() || restOfLineBlank(side, stem.length()));
    }

    /** Is {@code s} from {@code from} to the end of that line only spaces, tabs and CRs? */
    private static boolean restOfLineBlank(String s, int from) {
        for (int i = from; i < s.length() && s.charAt(i) != '\n'; i++) {
            if (!isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // ---- new entries: each side's appended tail ----

    /**
     * A piece of a side's appended tail: the text before its heading ({@code lead}: only the
     * first block of a side has any), then the entry from its heading to the line before the
     * next heading ({@code entry}: empty when the tail holds no heading at all).
     */
    private record Block(String lead, String entry, String key, int at) {

        boolean hasEntry() {
            return !entry.isEmpty();
        }

        /** What identifies the same entry appended on both sides: the text without its surrounding whitespace. */
        String identity() {
            return strip(lead + entry);
        }
    }

    /**
     * Cuts the tail of {@code side} from offset {@code from} into blocks at entry headings outside
     * fenced code, read as following {@code base}: what the merged file will have above them.
     */
    private static List<Block> blocks(String base, String side, int from) {
        List<Block> list = new ArrayList<>();
        if (from >= side.length()) {
            return list;
        }
        // a side that changed the base part may have opened or closed a fence there; its tail is
        // still read the way it reads after the base (the resolution the conflict message asks for)
        List<Integer> starts = new ArrayList<>();
        for (int h : headingStarts(base + side.substring(from))) {
            if (h >= base.length()) {
                starts.add(from + h - base.length());
            }
        }
        if (starts.isEmpty()) {
            list.add(new Block(side.substring(from), "", "", from));
            return list;
        }
        // an entry without a parseable timestamp sorts as equal to the entry before it in its own
        // side, so it keeps its place there; a side's first one sorts before everything (empty key)
        String key = "";
        for (int k = 0; k < starts.size(); k++) {
            int s = starts.get(k);
            int e = k + 1 < starts.size() ? starts.get(k + 1) : side.length();
            String ts = LogGrammar.timestampKey(side, s);
            if (ts != null) {
                key = ts;
            }
            list.add(new Block(k == 0 ? side.substring(from, s) : "", side.substring(s, e), key, k == 0 ? from : s));
        }
        return list;
    }

    /**
     * A piece of a log's appended part, as the driver moves it: an entry from its heading to the
     * next one, or the text before a side's first appended heading.
     *
     * @param text   the piece without the whitespace around it (ISO-8859-1: one char per byte)
     * @param offset where it starts in the file, in bytes
     */
    public record Piece(String text, int offset) {

        /** The piece's first line, as UTF-8 text, for messages. */
        public String firstLine() {
            int nl = text.indexOf('\n');
            return stripTrailing(utf8(nl < 0 ? text : text.substring(0, nl)));
        }
    }

    /**
     * What {@code side} appends from byte {@code from} on, cut into the pieces the driver moves
     * (read after {@code base}, whose open fences carry over): a merge of logs may order the
     * pieces of different sides, but never change, drop, add or reorder one side's pieces. Blank
     * pieces are left out.
     */
    public static List<Piece> appendedPieces(byte[] base, byte[] side, int from) throws LimitException {
        try {
            return pieces(base, side, from);
        } catch (TooLong e) {
            throw e.limit();
        }
    }

    private static List<Piece> pieces(byte[] base, byte[] side, int from) {
        Text b = Text.of(base == null ? new byte[0] : base);
        Text t = Text.of(side);
        int shift = t.bom ? BOM.length() : 0;
        List<Piece> out = new ArrayList<>();
        for (Block block : blocks(b.body, t.body, Math.max(0, from - shift))) {
            String whole = block.lead() + block.entry();
            String text = strip(whole);
            if (!text.isEmpty()) {
                out.add(new Piece(text, shift + block.at() + whole.indexOf(text)));
            }
        }
        return out;
    }

    /**
     * Removes from {@code theirs} every entry that {@code ours} appended too (a cherry-pick), each
     * matched once.
     *
     * @return how many were removed
     */
    private static int dropSharedEntries(List<Block> ours, List<Block> theirs) {
        Map<String, ArrayDeque<Block>> unmatched = new HashMap<>();
        for (Block b : ours) {
            if (b.hasEntry()) {
                unmatched.computeIfAbsent(b.identity(), k -> new ArrayDeque<>()).add(b);
            }
        }
        int removed = 0;
        for (int k = 0; k < theirs.size(); k++) {
            Block b = theirs.get(k);
            ArrayDeque<Block> same = b.hasEntry() ? unmatched.get(b.identity()) : null;
            if (same != null && !same.isEmpty()) {
                same.poll();
                theirs.remove(k--);
                removed++;
            }
        }
        return removed;
    }

    /**
     * Appends a block, separating it from what comes before: its heading must start a line (the
     * entry above may end without a line break) after a blank line, as the log writes every entry.
     */
    private static void append(StringBuilder out, int baseEnd, Block block, String nl) {
        String lead = block.lead();
        if (!isBlank(lead) && out.length() > baseEnd && out.charAt(out.length() - 1) != '\n') {
            // text a side wrote right after the base part; after another side's entry it starts a line
            out.append(nl);
        }
        if (!block.hasEntry()) {
            // a tail without any heading (stray text, or only line breaks): kept where it sorts,
            // unless it is blank and a blank line is already there
            if (!(isBlank(lead) && (out.isEmpty() || endsWithBlankLine(out)))) {
                out.append(lead);
            }
            return;
        }
        // a blank lead before the first entry is the separator the side wrote; the one made below
        // is the same where the side followed the base, and no more than needed elsewhere
        if (!isBlank(lead)) {
            out.append(lead);
        }
        if (!out.isEmpty()) {
            if (out.charAt(out.length() - 1) != '\n') {
                out.append(nl).append(nl);
            } else if (!endsWithBlankLine(out)) {
                out.append(nl);
            }
        }
        out.append(block.entry());
    }

    /** Does {@code s} end with a line break that closes a blank line? */
    private static boolean endsWithBlankLine(CharSequence s) {
        int end = s.length() - 1;
        if (end < 0 || s.charAt(end) != '\n') {
            return false;
        }
        for (int i = end - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * For a new file on both sides: the longest common start of both preambles (text before the
     * first entry), cut back to whole lines that both sides have.
     */
    private static String commonPreamble(String ours, String theirs) {
        String po = preamble(ours);
        String pt = preamble(theirs);
        int n = commonPrefixLength(po, pt);
        if (!restOfLineBlank(po, n) || !restOfLineBlank(pt, n)) {
            n = po.lastIndexOf('\n', n - 1) + 1;
        }
        return po.substring(0, n);
    }

    private static String preamble(String s) {
        List<Integer> h = headingStarts(s);
        return h.isEmpty() ? s : s.substring(0, h.get(0));
    }

    private static int countEntries(List<Block> blocks) {
        int n = 0;
        for (Block b : blocks) {
            if (b.hasEntry()) {
                n++;
            }
        }
        return n;
    }

    // ---- the conflict case: a side changed the base part ----

    /**
     * Where a side that changed the base part ends its version of it; what follows is what it
     * appended. Every entry boundary of the side (a split followed only by blank lines and then an
     * entry heading or the end) from the end of the common prefix on is a candidate: the base's
     * closing lines are matched backwards from there, and the candidate that leaves the fewest
     * differing lines of the side and of the base wins (the earliest on a tie).
     */
    private static int basePartEnd(String base, String stem, String side) {
        List<String> b = lines(stem);
        List<String> a = lines(side);
        int p = 0;
        while (p < a.size() && p < b.size() && content(a.get(p)).equals(content(b.get(p)))) {
            p++;
        }
        int[] starts = new int[a.size() + 1];
        for (int k = 0; k < a.size(); k++) {
            starts[k + 1] = starts[k] + a.get(k).length();
        }
        int bestEnd;
        if (p == b.size()) {
            // every base line is there (only line breaks changed): the base part ends with them
            bestEnd = p - 1;
        } else {
            // boundary[m]: a split before line m is followed by blank lines, then a heading or the
            // end. Fences are not tracked here: the side's edit may have opened or closed one.
            boolean[] boundary = new boolean[a.size() + 1];
            boolean ok = true;
            for (int m = a.size(); m >= 0; m--) {
                if (m < a.size() && !isBlank(a.get(m))) {
                    ok = LogGrammar.isHeadingLine(content(a.get(m)));
                }
                boundary[m] = ok;
            }
            bestEnd = a.size() - 1;
            int bestCost = Integer.MAX_VALUE;
            // bounded work: only a file of repeated lines has many long runs
            long work = 0;
            for (int k = Math.max(p - 1, -1); k < a.size() && work < 10_000_000L; k++) {
                if (!boundary[k + 1]) {
                    continue;
                }
                int run = 0;
                while (b.size() - 1 - run >= p
                        && k - run >= p
                        && content(a.get(k - run)).equals(content(b.get(b.size() - 1 - run)))) {
                    run++;
                }
                work += run + 1;
                // lines of the side and of the base left between the common prefix and this run
                int cost = (k + 1 - run - p) + (b.size() - run - p);
                if (cost < bestCost) {
                    bestCost = cost;
                    bestEnd = k;
                }
            }
        }
        int end = bestEnd < 0 ? 0 : starts[bestEnd] + content(a.get(bestEnd)).length();
        // the base's trailing line breaks, as far as the side kept them
        return end + commonPrefixLength(side.substring(end), base.substring(stem.length()));
    }

    /** A line without its line break. */
    private static String content(String line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\n') {
            end--;
            if (end > 0 && line.charAt(end - 1) == '\r') {
                end--;
            }
        }
        return line.substring(0, end);
    }

    /**
     * The two versions of the base part with conflict markers around the lines that differ: the
     * longest common prefix and suffix of lines stay outside them.
     */
    private static void conflictRegion(StringBuilder out, String ours, String theirs, String nl) {
        List<String> a = lines(ours);
        List<String> b = lines(theirs);
        int p = 0;
        while (p < a.size() && p < b.size() && a.get(p).equals(b.get(p))) {
            p++;
        }
        int s = 0;
        while (s < a.size() - p && s < b.size() - p && a.get(a.size() - 1 - s).equals(b.get(b.size() - 1 - s))) {
            s++;
        }
        a.subList(0, p).forEach(out::append);
        out.append("<<<<<<< ours").append(nl);
        appendLines(out, a.subList(p, a.size() - s), nl);
        out.append("=======").append(nl);
        appendLines(out, b.subList(p, b.size() - s), nl);
        out.append(">>>>>>> theirs").append(nl);
        a.subList(a.size() - s, a.size()).forEach(out::append);
    }

    private static void appendLines(StringBuilder out, List<String> lines, String nl) {
        lines.forEach(out::append);
        // the last line of a file may have no line break; the marker still needs its own line
        if (!lines.isEmpty() && !lines.get(lines.size() - 1).endsWith("\n")) {
            out.append(nl);
        }
    }

    /** "changed line N" (first line of the base that differs), naming the entry it belongs to. */
    private static String where(String base, String side) {
        int at = commonPrefixLength(base, side);
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (base.charAt(i) == '\n') {
                line++;
            }
        }
        int lineStart = base.lastIndexOf('\n', at - 1) + 1;
        // "The message names the first entry that differs": the one holding that line, or
        // the next one when the line is only the blank space before it
        int entry = -1;
        for (int h : headingStarts(base)) {
            if (h <= lineStart) {
                entry = h;
            } else {
                if (isBlank(base.substring(lineStart, h))) {
                    entry = h;
                }
                break;
            }
        }
        String did = at == side.length() ? "deleted everything from line " : "changed line ";
        if (entry < 0) {
            return did + line;
        }
        int e = base.indexOf('\n', entry);
        return did + line + " (in entry '" + utf8(stripTrailing(base.substring(entry, e < 0 ? base.length() : e)))
                + "')";
    }

    /** Lines with their line breaks; the last may have none. */
    private static List<String> lines(String s) {
        List<String> list = new ArrayList<>();
        int start = 0;
        while (start < s.length()) {
            int e = s.indexOf('\n', start);
            int end = e < 0 ? s.length() : e + 1;
            list.add(s.substring(start, end));
            start = end;
        }
        return list;
    }

    // ---- markdown, as far as the merge needs it ----

    /**
     * Offsets of the lines that start an entry, as {@link LogGrammar} reads them (the text is the
     * log's bytes as ISO-8859-1 characters).
     */
    private static List<Integer> headingStarts(String s) {
        LogGrammar.Starts starts;
        try {
            starts = LogGrammar.entryStarts(s.getBytes(StandardCharsets.ISO_8859_1), 0, s.length());
        } catch (LimitException e) {
            throw new TooLong(e);
        }
        List<Integer> list = new ArrayList<>(starts.size());
        for (int k = 0; k < starts.size(); k++) {
            list.add(starts.at(k));
        }
        return list;
    }

    /** A log past a documented limit, which the driver does not merge. */
    private static final class TooLong extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient LimitException limit;

        TooLong(LimitException cause) {
            super(cause.getMessage(), cause);
            this.limit = cause;
        }

        LimitException limit() {
            return limit;
        }
    }

    // ---- text ----

    /** A side's bytes as ISO-8859-1 text without its byte-order mark. */
    private record Text(boolean bom, String body) {

        static Text of(byte[] bytes) {
            String s = new String(bytes, StandardCharsets.ISO_8859_1);
            return s.startsWith(BOM) ? new Text(true, s.substring(BOM.length())) : new Text(false, s);
        }
    }

    /** The style of the first line break of the base, else of ours, else of theirs; LF when none has one. */
    private static String lineSeparator(String... texts) {
        for (String s : texts) {
            int nl = s.indexOf('\n');
            if (nl >= 0) {
                return nl > 0 && s.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
            }
        }
        return "\n";
    }

    private static Result clean(String text, String message) {
        return new Result(text.getBytes(StandardCharsets.ISO_8859_1), true, message);
    }

    private static int commonPrefixLength(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** Whitespace as the append-only rule counts it at the end of the old log. */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String strip(String s) {
        String t = stripTrailing(s);
        int start = 0;
        while (start < t.length() && isWhitespace(t.charAt(start))) {
            start++;
        }
        return t.substring(start);
    }

    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static String plural(String stem, int n) {
        return stem + (n == 1 ? "y" : "ies");
    }
}
