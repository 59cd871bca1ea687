package dev.atomizer.audit;

import dev.atomizer.api.Severity;
import dev.atomizer.api.Workspace;
import dev.atomizer.derive.Md;
import dev.atomizer.git.CommitInfo;
import dev.atomizer.state.Entry;
import dev.atomizer.state.Format;
import dev.atomizer.state.ProjectHealth;
import dev.atomizer.state.Track;
import dev.atomizer.status.StatusFile.Rag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The Auditor summary of a pull request: one readable summary per pull request (what entries were
 * added, what broke which rule, which protected files were touched and by whose approval, how
 * project status moves), in GitHub-flavoured markdown for the job summary (see the README, "What
 * the Auditor sees").
 *
 * <p>The verdict comes first, so a reader who stops after one line still knows whether to merge
 * and why. Every table is capped and says how many rows it left out, and the whole stays under
 * {@link #LIMIT} bytes (GitHub takes at most 1 MiB per step summary). No clock, no locale: the
 * same range gives the same bytes.
 */
public final class AuditSummary {

    /** The most bytes a summary has: under GitHub's 1 MiB per step, with room for other steps' lines. */
    public static final int LIMIT = 1_000_000;

    static final int MAX_VIOLATIONS = 200;
    static final int MAX_COMMITS = 100;
    static final int MAX_ENTRIES = 50;
    static final int MAX_BREAKDOWN = 30;
    static final int MAX_PROTECTED = 100;
    static final int MAX_PROJECTS = 50;
    static final int MAX_TRACKS = 30;
    static final int MAX_MESSAGE = 400;
    static final int MAX_TEXT = 160;

    private final Audit audit;
    private final List<String> out = new ArrayList<>();

    private AuditSummary(Audit audit) {
        this.audit = audit;
    }

    /** The summary as markdown, ending with a newline. */
    public static String render(Audit audit) {
        AuditSummary s = new AuditSummary(audit);
        s.verdict();
        s.violations();
        s.protectedPaths();
        s.contractChanges();
        s.status();
        s.entries();
        s.authorship();
        s.commits();
        s.derived();
        s.notes();
        return s.text();
    }

    // ---- sections ----

    private void verdict() {
        Audit a = audit;
        int commits = a.commits().size();
        if (a.failed()) {
            Map<String, Boolean> failing = new LinkedHashMap<>();
            TreeSet<String> rules = new TreeSet<>();
            boolean net = false;
            for (Finding f : a.findings()) {
                if (f.diagnostic().severity() == Severity.ERROR) {
                    if (f.commit() == null) {
                        net = true;
                    } else {
                        failing.put(f.commit().id(), true);
                    }
                    rules.add(f.diagnostic().rule());
                }
            }
            out.add("## ❌ Do not merge: " + count(a.summary().errors(), "error") + " in "
                    + (failing.isEmpty() ? "" : failing.size() + " of " + count(commits, "commit"))
                    + (net ? (failing.isEmpty() ? "" : " and ") + "the range's net effect" : "")
                    + " (" + list(rules, 5)
                    + "): fix " + (a.summary().errors() == 1 ? "it" : "them") + " in a new commit on this branch");
        } else if (commits == 0) {
            out.add("## ✅ Merge: nothing to check, " + range() + " has no commits");
        } else {
            long approved = a.protectedChanges().stream()
                    .filter(ProtectedChange::approved)
                    .count();
            out.add("## ✅ Merge: " + count(commits, "commit") + " checked, no errors"
                    + (a.summary().warnings() > 0
                            ? ", " + count(a.summary().warnings(), "warning") + " (not blocking)"
                            : "")
                    + (approved > 0 ? "; " + count(approved, "protected path") + " changed with approval" : ""));
        }
        out.add("");
        out.add("Atomizer judged what " + range() + resolved()
                + " brings to its base, against the log contract and the governance rules of "
                + Md.code(Workspace.CONTRACT) + " at the base, then re-checked every commit"
                + (a.failed()
                        ? ". Each violation below names its commit, or the range's net effect; history is not"
                                + " rewritten, so a new commit fixes it (a fixed finding stays as a warning)."
                        : "."));
    }

    private void violations() {
        Audit a = audit;
        heading("🚫 Violations: " + count(a.summary().errors(), "error") + ", "
                + count(a.summary().warnings(), "warning"));
        if (a.findings().isEmpty()) {
            out.add("None.");
            return;
        }
        List<Finding> sorted = new ArrayList<>(a.findings());
        // errors first, then by commit order, then as verify found them
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < a.commits().size(); i++) {
            order.put(a.commits().get(i).id(), i);
        }
        sorted.sort(Comparator.comparing((Finding f) -> f.diagnostic().severity() != Severity.ERROR)
                .thenComparing(f -> f.commit() == null
                        ? Integer.MAX_VALUE
                        : order.get(f.commit().id())));
        Md.Table t = new Md.Table("Commit", "File:line", "Rule", "Severity", "Message");
        for (Finding f : sorted.subList(0, Math.min(sorted.size(), MAX_VIOLATIONS))) {
            var d = f.diagnostic();
            t.rowMarkdown(
                    f.commit() == null ? "net effect" : Md.code(f.commit().shortId()),
                    Md.inline(d.path() + ":" + d.line()),
                    Md.code(d.rule()),
                    d.severity() == Severity.ERROR ? "❌ error" : "⚠️ warning",
                    Md.inline(Md.clip(f.message(), MAX_MESSAGE)));
        }
        table(t, sorted.size(), "violations", "the text, json or sarif format lists them all");
    }

    private void protectedPaths() {
        List<ProtectedChange> changes = audit.protectedChanges();
        heading("🔒 Protected paths touched: " + changes.size());
        if (changes.isEmpty()) {
            out.add("None: no immutable, write-once or no-delete path changed.");
            return;
        }
        Md.Table t = new Md.Table("Commit", "Path", "Policy", "Change", "Approval");
        for (ProtectedChange c : changes.subList(0, Math.min(changes.size(), MAX_PROTECTED))) {
            t.rowMarkdown(
                    Md.code(c.commit().shortId()),
                    Md.inline(c.path()),
                    Md.inline(c.rule().policy().label()) + " ("
                            + Md.code(c.rule().pattern()) + ")",
                    Md.inline(c.change()),
                    approval(c));
        }
        table(t, changes.size(), "protected changes", null);
    }

    private static String approval(ProtectedChange c) {
        if (c.approved()) {
            return Md.inline(c.approval().changeRequest()) + ", approved by " + Md.inline(c.approver()) + " ("
                    + Md.inline(c.verdict().how()) + ")";
        }
        String why = c.approval().changeRequest() == null
                        && c.approval().approvedBy().isEmpty()
                ? ""
                : c.approval().changeRequest() == null
                        ? " (" + Md.inline(c.verdict().problem()) + ")"
                        : " (" + Md.inline(c.approval().changeRequest()) + ": "
                                + Md.inline(c.verdict().problem()) + ")";
        return "**without approval**" + why;
    }

    private void status() {
        Audit a = audit;
        heading("🚦 Status moves");
        out.add("From the log at the base (as of " + asOf(a.asOfBefore()) + ") to the log at the head (as of "
                + asOf(a.asOfAfter()) + "); RAG derived from the log, beside the one "
                + Md.code(Workspace.STATUS) + " declares.");
        out.add("");
        List<StatusMove> moved = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (StatusMove m : a.moves()) {
            if (m.moved()) {
                moved.add(m);
            } else {
                unchanged.add(m.slug() + " " + rag(m.derivedAfter(), m.closedAfter()));
            }
        }
        if (moved.isEmpty()) {
            out.add(a.moves().isEmpty() ? "No projects in the log or the status file." : "No project's RAG moved.");
        } else {
            Md.Table t = new Md.Table("Project", "Derived RAG", "Declared RAG", "Why (at the head)");
            for (StatusMove m : moved.subList(0, Math.min(moved.size(), MAX_PROJECTS))) {
                t.rowMarkdown(
                        (m.worse() ? "**" + Md.inline(m.slug()) + "**" : Md.inline(m.slug())),
                        move(
                                rag(m.derivedBefore(), m.closedBefore()),
                                rag(m.derivedAfter(), m.closedAfter()),
                                m.before() == null,
                                m.after() == null),
                        move(
                                declared(m.declaredBefore()),
                                declared(m.declaredAfter()),
                                m.before() == null,
                                m.after() == null),
                        Md.inline(Md.clip(why(m.after()), MAX_TEXT)));
            }
            table(t, moved.size(), "projects that moved", null);
        }
        if (!unchanged.isEmpty()) {
            out.add("");
            out.add("Unchanged: " + Md.inline(list(unchanged, MAX_PROJECTS)) + ".");
        }
        out.add("");
        if (a.openedDecisions().isEmpty()
                && a.resolvedDecisions().isEmpty()
                && a.newlyBlocked().isEmpty()
                && a.unblocked().isEmpty()) {
            out.add("No decision opened or resolved; no work newly blocked or unblocked.");
            return;
        }
        tracks(
                "Decisions opened",
                a.openedDecisions(),
                t -> "open since " + Format.timestamp(t.since()) + ", "
                        + t.latest().agent() + ": " + t.latest().summary());
        tracks(
                "Decisions resolved",
                a.resolvedDecisions(),
                t -> t.latest().status() + " " + Format.timestamp(t.latest().time()) + " by "
                        + t.latest().agent() + ": " + t.latest().summary());
        tracks(
                "Newly blocked",
                a.newlyBlocked(),
                t -> "blocked since " + Format.timestamp(t.blockedSince()) + ", "
                        + t.latest().agent() + ": "
                        + (t.latest().blockers() != null
                                ? t.latest().blockers()
                                : t.latest().summary()));
        tracks(
                "Unblocked",
                a.unblocked(),
                t -> "now " + t.latest().status() + ", " + t.latest().agent() + ": "
                        + t.latest().summary());
    }

    private void tracks(String title, List<Track> tracks, Function<Track, String> text) {
        if (tracks.isEmpty()) {
            return;
        }
        if (!out.get(out.size() - 1).isEmpty()) {
            out.add("");
        }
        out.add("**" + title + " (" + tracks.size() + "):**");
        out.add("");
        for (Track t : tracks.subList(0, Math.min(tracks.size(), MAX_TRACKS))) {
            out.add("- **" + Md.inline(t.name()) + "** " + Md.inline(t.project()) + ", "
                    + Md.inline(Md.clip(text.apply(t), MAX_TEXT)));
        }
        if (tracks.size() > MAX_TRACKS) {
            out.add("- …and " + (tracks.size() - MAX_TRACKS) + " more");
        }
    }

    private void entries() {
        Audit a = audit;
        List<Entry> added = a.added();
        heading("📝 Entries added: " + added.size()
                + (a.malformedAdded() > 0
                        ? " (and " + count(a.malformedAdded(), "entry", "entries")
                                + " with a malformed heading, in the violations)"
                        : ""));
        if (added.isEmpty()) {
            out.add("The log at the head has no entry the base did not have.");
            return;
        }
        breakdown("Agent", added, Entry::agent);
        breakdown("Project", added, Entry::project);
        breakdown("Event type", added, Entry::event);
        Md.Table t = new Md.Table("Time", "Agent", "Project", "Event", "Status", "Summary");
        for (Entry e : added.subList(0, Math.min(added.size(), MAX_ENTRIES))) {
            t.row(
                    Format.timestamp(e.time()),
                    e.agent(),
                    e.project(),
                    e.event(),
                    e.status(),
                    Md.clip(e.summary(), MAX_TEXT));
        }
        table(t, added.size(), "entries", null);
    }

    private void breakdown(String what, List<Entry> entries, Function<Entry, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Entry e : entries) {
            counts.merge(key.apply(e), 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> rows = new ArrayList<>(counts.entrySet());
        rows.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Md.Table t = new Md.Table(what, "Entries:");
        for (Map.Entry<String, Integer> r : rows.subList(0, Math.min(rows.size(), MAX_BREAKDOWN))) {
            t.row(r.getKey(), Format.count(r.getValue()));
        }
        table(t, rows.size(), what.toLowerCase(java.util.Locale.ROOT) + "s", null);
        out.add("");
    }

    /** Every agent works to the contract: what the range changes in it, said in full. */
    private void contractChanges() {
        List<String> changes = audit.contractChanges();
        if (changes.isEmpty()) {
            return;
        }
        heading("📜 Contract changes: " + changes.size());
        for (String c : changes.subList(0, Math.min(changes.size(), MAX_COMMITS))) {
            out.add("- " + Md.inline(Md.clip(c, MAX_TEXT)));
        }
        if (changes.size() > MAX_COMMITS) {
            out.add("- …and " + (changes.size() - MAX_COMMITS) + " more (run 'atomizer contract-diff " + audit.base()
                    + " " + audit.head() + "')");
        }
        out.add("");
        out.add("Announce them to every agent: they work to " + Md.code(Workspace.CONTRACT) + ".");
    }

    private void commits() {
        Audit a = audit;
        heading("🔎 Commits checked: " + a.commits().size() + " (" + range() + ")");
        if (a.commits().isEmpty()) {
            out.add("None.");
            return;
        }
        Map<String, int[]> counts = new HashMap<>();
        for (Finding f : a.findings()) {
            if (f.commit() != null) {
                counts.computeIfAbsent(f.commit().id(), k -> new int[2])[
                        f.diagnostic().severity() == Severity.ERROR ? 0 : 1]++;
            }
        }
        Md.Table t = new Md.Table("Commit", "Subject", "Trailers", "Result");
        for (CommitInfo c : a.commits().subList(0, Math.min(a.commits().size(), MAX_COMMITS))) {
            int[] n = counts.getOrDefault(c.id(), new int[2]);
            var approval = dev.atomizer.governance.Approval.parse(c.message());
            List<String> trailers = new ArrayList<>();
            if (approval.changeRequest() != null) {
                trailers.add("Change-Request: " + approval.changeRequest());
            }
            for (String by : approval.approvedBy()) {
                trailers.add("Approved-by: " + by);
            }
            for (String cr : approval.approves()) {
                trailers.add("Approves: " + cr);
            }
            String result = n[0] > 0
                    ? "❌ " + count(n[0], "error") + (n[1] > 0 ? ", " + count(n[1], "warning") : "")
                    : n[1] > 0 ? "⚠️ " + count(n[1], "warning") : "✅";
            t.rowMarkdown(
                    Md.code(c.shortId()),
                    Md.inline(Md.clip(c.subject(), MAX_TEXT)) + (c.isMerge() ? " (merge)" : ""),
                    Md.inline(Md.clip(String.join("; ", trailers), MAX_TEXT)),
                    result);
        }
        table(t, a.commits().size(), "commits", null);
    }

    /** Per commit, which agent wrote which entries, and whether that was checked (docs/governance.md, "Identity"). */
    private void authorship() {
        List<Authorship> all = audit.authorship();
        if (all.isEmpty()) {
            return;
        }
        heading("✍️ Who wrote the entries");
        Md.Table t = new Md.Table("Commit", "Entries", "Checked");
        for (Authorship a : all.subList(0, Math.min(all.size(), MAX_COMMITS))) {
            var w = a.written();
            List<String> entries = new ArrayList<>();
            boolean allBound = true;
            for (var e : w.entries()) {
                entries.add(
                        (e.agent() == null ? "(malformed heading)" : e.agent()) + " at " + e.path() + ":" + e.line());
                allBound &= w.bound(e);
            }
            String checked = w.committer() == null
                    ? "not checked (Entry identity: off)"
                    : (allBound ? "✅ " : "❌ ") + w.checked();
            t.rowMarkdown(
                    Md.code(a.commit().shortId()),
                    Md.inline(Md.clip(String.join(", ", entries), MAX_TEXT)),
                    Md.inline(Md.clip(checked, MAX_TEXT)));
        }
        table(t, all.size(), "commits", null);
    }

    private void derived() {
        List<String> stale = audit.stale();
        heading("🧮 Derived files");
        if (stale.isEmpty()) {
            out.add(
                    "✅ Fresh at the head: every dashboard is what the generator makes of the head's log and status file.");
            return;
        }
        List<String> names = new ArrayList<>();
        for (String p : stale) {
            names.add(Md.code(p));
        }
        out.add("⏳ " + count(stale.size(), "derived file") + " will be regenerated on main: " + String.join(", ", names)
                + ". Not an error: the workflow on main regenerates them from the merged log and commits them.");
    }

    private void notes() {
        if (audit.notes().isEmpty()) {
            return;
        }
        out.add("");
        for (String n : audit.notes()) {
            out.add("> ⚠️ " + Md.inline(Md.clip(n, MAX_MESSAGE)));
            out.add("");
        }
        out.remove(out.size() - 1);
    }

    // ---- helpers ----

    private void heading(String text) {
        if (!out.isEmpty() && !out.get(out.size() - 1).isEmpty()) {
            out.add("");
        }
        out.add("### " + text);
        out.add("");
    }

    private void table(Md.Table t, int total, String what, String where) {
        out.addAll(t.lines());
        if (total > t.size()) {
            out.add("");
            out.add("_…and " + Format.count(total - t.size()) + " more " + what + " not shown (the summary keeps to "
                    + Format.count(t.size()) + " rows here" + (where == null ? "" : "; " + where) + ")._");
        }
    }

    /** The range as given, a full commit id shortened. */
    private String range() {
        return Md.code(rev(audit.base()) + ".." + rev(audit.head()));
    }

    /** The commits a named side of the range stands for, e.g. " (HEAD is `0a1b2c3d4e`)"; empty when both are ids. */
    private String resolved() {
        List<String> named = new ArrayList<>();
        if (!audit.baseId().startsWith(audit.base())) {
            named.add(Md.inline(audit.base()) + " is " + Md.code(shortId(audit.baseId())));
        }
        if (!audit.headId().startsWith(audit.head())) {
            named.add(Md.inline(audit.head()) + " is " + Md.code(shortId(audit.headId())));
        }
        return named.isEmpty() ? "" : " (" + String.join(", ", named) + ")";
    }

    private static String rev(String rev) {
        return rev.matches("[0-9a-f]{11,64}") ? shortId(rev) : rev;
    }

    private static String shortId(String id) {
        return id.substring(0, Math.min(10, id.length()));
    }

    private static String asOf(LocalDateTime t) {
        return t == null ? "no entries" : Format.timestamp(t);
    }

    private static String rag(Rag r, boolean closed) {
        return closed ? "closed" : r == null ? "—" : r.mark() + " " + r.label();
    }

    private static String declared(Rag r) {
        return r == null ? "—" : r.mark() + " " + r.label();
    }

    private static String move(String before, String after, boolean isNew, boolean gone) {
        if (isNew) {
            return "new: " + after;
        }
        if (gone) {
            return before + " → gone";
        }
        return before.equals(after) ? after : before + " → " + after;
    }

    private static String why(ProjectHealth h) {
        if (h == null) {
            return "no longer in the log or the status file";
        }
        if (h.closed()) {
            return "closed";
        }
        String reasons = h.reasons().isEmpty() ? "nothing blocked, waiting or failed" : String.join("; ", h.reasons());
        return h.mismatch() ? reasons + " (declared " + h.declared().label() + ": check)" : reasons;
    }

    private static String list(java.util.Collection<String> items, int max) {
        List<String> l = new ArrayList<>(items);
        if (l.size() <= max) {
            return String.join(", ", l);
        }
        return String.join(", ", l.subList(0, max)) + " and " + (l.size() - max) + " more";
    }

    static String count(long n, String one) {
        return count(n, one, one + "s");
    }

    static String count(long n, String one, String many) {
        return Format.count(n) + " " + (n == 1 ? one : many);
    }

    /** The lines joined; cut at a line boundary, saying so, in the unlikely case the caps still exceed the limit. */
    private String text() {
        StringBuilder b = new StringBuilder();
        int bytes = 0;
        String cut =
                "\n_…the summary is cut here to stay under 1 MiB; the text, json or sarif format lists every violation._\n";
        int reserve = cut.getBytes(StandardCharsets.UTF_8).length;
        for (String line : out) {
            int n = line.getBytes(StandardCharsets.UTF_8).length + 1;
            if (bytes + n > LIMIT - reserve) {
                b.append(cut);
                return b.toString();
            }
            b.append(line).append('\n');
            bytes += n;
        }
        return b.toString();
    }
}
