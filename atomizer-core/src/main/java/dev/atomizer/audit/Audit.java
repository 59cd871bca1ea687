package dev.atomizer.audit;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileSummary;
import dev.atomizer.api.Workspace;
import dev.atomizer.contract.Contract;
import dev.atomizer.contract.ContractDiff;
import dev.atomizer.contract.ContractLoader;
import dev.atomizer.contract.GovernedPath;
import dev.atomizer.contract.Policy;
import dev.atomizer.derive.Derived;
import dev.atomizer.git.CommitInfo;
import dev.atomizer.git.FileChange;
import dev.atomizer.git.GitRepo;
import dev.atomizer.git.Tree;
import dev.atomizer.governance.Approval;
import dev.atomizer.governance.ApprovalVerdict;
import dev.atomizer.governance.Approvals;
import dev.atomizer.governance.GitChecks;
import dev.atomizer.governance.Identity;
import dev.atomizer.governance.MergeChanges;
import dev.atomizer.governance.NoDelete;
import dev.atomizer.governance.Policies;
import dev.atomizer.governance.RangeSignatures;
import dev.atomizer.state.Entry;
import dev.atomizer.state.LogState;
import dev.atomizer.state.ProjectHealth;
import dev.atomizer.state.Track;
import dev.atomizer.status.StatusFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the Auditor needs to know about a pull request, gathered from git: the commits of
 * {@code base..head}, what {@code verify} found in each, the log entries the range appends, the
 * protected paths it touches and by whose approval, how project status moves from the log at the
 * base to the log at the head, and whether the derived files are fresh at the head. Facts only:
 * {@link AuditSummary} writes them up.
 *
 * @param base             the base revision as given
 * @param head             the head revision as given
 * @param baseId           the base commit
 * @param headId           the head commit
 * @param commits          the range, oldest first
 * @param findings         verify's diagnostics, each with its commit, in verify's order
 * @param summary          verify's counts
 * @param added            the entries the head's log has beyond the base's, in log order
 * @param malformedAdded   entries the range appends whose heading is malformed (not in {@code added})
 * @param protectedChanges changes to immutable, write-once and no-delete paths, commit by commit
 * @param moves            every project known at the base or the head: the head's order, then the base's others
 * @param asOfBefore       the moment the base's log describes (its newest entry), or null for an empty log
 * @param asOfAfter        the moment the head's log describes, or null
 * @param openedDecisions  decisions open at the head that were not open at the base
 * @param resolvedDecisions decisions open at the base and closed at the head (as the head has them)
 * @param newlyBlocked     work blocked at the head that was not blocked at the base
 * @param unblocked        work blocked at the base and no longer at the head (as the head has it)
 * @param stale            derived files that differ at the head from what the generator makes of the head's sources
 * @param contractChanges  what the range changed in the contract ({@link ContractDiff}), one line each
 * @param notes            what could not be read (a malformed PROJECT_STATUS.md at one end), said in the summary
 * @param authorship       per commit that first added entries, which agent wrote them and how that was checked
 */
public record Audit(
        String base,
        String head,
        String baseId,
        String headId,
        List<CommitInfo> commits,
        List<Finding> findings,
        FileSummary summary,
        List<Entry> added,
        int malformedAdded,
        List<ProtectedChange> protectedChanges,
        List<StatusMove> moves,
        java.time.LocalDateTime asOfBefore,
        java.time.LocalDateTime asOfAfter,
        List<Track> openedDecisions,
        List<Track> resolvedDecisions,
        List<Track> newlyBlocked,
        List<Track> unblocked,
        List<String> stale,
        List<String> contractChanges,
        List<String> notes,
        List<Authorship> authorship) {

    public boolean failed() {
        return summary.errors() > 0;
    }

    /**
     * The contract changes from the base to the head; none said when either contract is malformed
     * (verify reports that), with a note.
     */
    static List<String> contractChanges(Tree before, Tree after, List<String> notes) throws AtomizerException {
        try {
            return ContractDiff.between(
                    ContractLoader.fromBytes(read(before, Workspace.CONTRACT), Workspace.CONTRACT),
                    ContractLoader.fromBytes(read(after, Workspace.CONTRACT), Workspace.CONTRACT));
        } catch (AtomizerException e) {
            if (e.problems().isEmpty()) {
                throw e;
            }
            notes.add("the contract changes are not listed: a contract of the range is malformed");
            return List.of();
        }
    }

    /** The head's dashboard sections; the default when its contract is malformed (verify reports that). */
    private static dev.atomizer.contract.Sections sections(Tree head) throws AtomizerException {
        try {
            return dev.atomizer.contract.ContractLoader.fromBytes(read(head, Workspace.CONTRACT), Workspace.CONTRACT)
                    .sections();
        } catch (AtomizerException e) {
            if (e.problems().isEmpty()) {
                throw e;
            }
            return dev.atomizer.contract.Sections.DEFAULT;
        }
    }

    public static Audit of(GitRepo git, String base, String head, GitChecks.Result verified) throws AtomizerException {
        String baseId = git.commitId(base, "base");
        String headId = git.commitId(head, "head");
        List<CommitInfo> commits = git.range(baseId, headId);
        List<Finding> findings = new ArrayList<>();
        for (Diagnostic d : verified.diagnostics()) {
            findings.add(Finding.of(d, commits));
        }
        Tree before = git.files(baseId);
        Tree after = git.files(headId);
        List<String> notes = new ArrayList<>();
        dev.atomizer.contract.Sections sections = sections(after);
        LogState logBefore = LogState.of(read(before, Workspace.LOG), Workspace.LOG, null, sections);
        LogState logAfter = LogState.of(read(after, Workspace.LOG), Workspace.LOG, null, sections);
        StatusFile statusBefore = status(before, "base", notes);
        StatusFile statusAfter = status(after, "head", notes);

        List<Track> opened = new ArrayList<>();
        List<Track> resolved = new ArrayList<>();
        Map<String, Track> decisionsBefore = byKey(logBefore.decisions());
        for (Track t : logAfter.decisions()) {
            Track was = decisionsBefore.get(key(t));
            if (t.open() && (was == null || !was.open())) {
                opened.add(t);
            } else if (!t.open() && was != null && was.open()) {
                resolved.add(t);
            }
        }
        Map<String, Track> blockedBefore = byKey(logBefore.blocked());
        Set<String> blockedAfter = byKey(logAfter.blocked()).keySet();
        List<Track> newlyBlocked = new ArrayList<>();
        for (Track t : logAfter.blocked()) {
            if (!blockedBefore.containsKey(key(t))) {
                newlyBlocked.add(t);
            }
        }
        List<Track> unblocked = new ArrayList<>();
        Map<String, Track> tracksAfter = byKey(logAfter.tracks());
        for (Map.Entry<String, Track> b : blockedBefore.entrySet()) {
            if (!blockedAfter.contains(b.getKey()) && tracksAfter.containsKey(b.getKey())) {
                unblocked.add(tracksAfter.get(b.getKey()));
            }
        }

        return new Audit(
                base,
                head,
                baseId,
                headId,
                commits,
                List.copyOf(findings),
                verified.summary(),
                added(logBefore, logAfter),
                Math.max(0, logAfter.skipped() - logBefore.skipped()),
                protectedChanges(git, baseId, commits, verified.placed()),
                moves(ProjectHealth.of(logBefore, statusBefore), ProjectHealth.of(logAfter, statusAfter)),
                logBefore.asOf(),
                logAfter.asOf(),
                List.copyOf(opened),
                List.copyOf(resolved),
                List.copyOf(newlyBlocked),
                List.copyOf(unblocked),
                stale(git, headId, after, notes),
                contractChanges(before, after, notes),
                List.copyOf(notes),
                authorship(git, baseId, commits, verified.placed()));
    }

    /**
     * Per commit that first added entries to the log's history, who wrote them and how that was
     * checked, under the trusted contract verify placed it under (the base's for a range verify did
     * not place). Foreign commits bring nothing on their own.
     */
    private static List<Authorship> authorship(
            GitRepo git, String baseId, List<CommitInfo> commits, Map<String, GitChecks.Placed> placed)
            throws AtomizerException {
        List<Authorship> out = new ArrayList<>();
        Contract base = null;
        try (RangeSignatures signatures = new RangeSignatures(git, commits)) {
            for (CommitInfo c : commits) {
                GitChecks.Placed p = placed.get(c.id());
                if (p != null && p.foreign() || p == null && c.parents().isEmpty()) {
                    continue;
                }
                Contract governing;
                if (p != null) {
                    governing = p.governing();
                } else {
                    if (base == null) {
                        base = ContractLoader.fromBytes(
                                read(git.files(baseId), Workspace.CONTRACT), Workspace.CONTRACT);
                    }
                    governing = base;
                }
                String reference = p != null ? p.reference() : c.parents().get(0);
                Identity.Written w = Identity.written(git, c, reference, governing, signatures);
                if (!w.entries().isEmpty()) {
                    out.add(new Authorship(c, w));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The head's entries beyond the base's: each base entry is matched once by its heading, status
     * and summary, so an append gives exactly its new entries and an edit of old ones (which verify
     * reports as append-only) does not hide the rest.
     */
    private static List<Entry> added(LogState before, LogState after) {
        Map<String, Integer> old = new HashMap<>();
        for (Entry e : before.entries()) {
            old.merge(identity(e), 1, Integer::sum);
        }
        List<Entry> out = new ArrayList<>();
        for (Entry e : after.entries()) {
            String id = identity(e);
            Integer n = old.get(id);
            if (n == null) {
                out.add(e);
            } else if (n == 1) {
                old.remove(id);
            } else {
                old.put(id, n - 1);
            }
        }
        return List.copyOf(out);
    }

    private static String identity(Entry e) {
        return e.heading() + '\u0000' + e.status() + '\u0000' + e.summary();
    }

    /** A track is the same at both ends when its ref is, or (without one) its opening entry is. */
    private static String key(Track t) {
        return t.ref() != null ? "ref\u0000" + t.ref() : "first\u0000" + identity(t.first());
    }

    private static Map<String, Track> byKey(List<Track> tracks) {
        Map<String, Track> m = new LinkedHashMap<>();
        for (Track t : tracks) {
            m.putIfAbsent(key(t), t);
        }
        return m;
    }

    /**
     * Paths whose policy restricts changes, as the commit's parent's contract governs them: any
     * change of an immutable path; a write-once file modified, renamed or deleted, or a revision of
     * one added; a no-delete file deleted or shrunk. Of a merge, only what it changed on its own (what no clean merge took
     * from a parent whose commits are checked on their own).
     */
    private static List<ProtectedChange> protectedChanges(
            GitRepo git, String baseId, List<CommitInfo> commits, Map<String, GitChecks.Placed> placed)
            throws AtomizerException {
        try (RangeSignatures signatures = new RangeSignatures(git, commits)) {
            return protectedChanges(git, baseId, commits, signatures, placed);
        }
    }

    /**
     * Each commit as verify placed it (the parent its own changes are measured from, the trusted
     * contract governing it; foreign commits bring nothing on their own); a range verify did not
     * place is read against first parents and their contracts.
     */
    private static List<ProtectedChange> protectedChanges(
            GitRepo git,
            String baseId,
            List<CommitInfo> commits,
            RangeSignatures signatures,
            Map<String, GitChecks.Placed> placed)
            throws AtomizerException {
        List<ProtectedChange> out = new ArrayList<>();
        byte[] lastBytes = null;
        Contract contract = null;
        Policies policies = null;
        Tree base = null;
        for (CommitInfo c : commits) {
            GitChecks.Placed p = placed.get(c.id());
            if (p != null && p.foreign()) {
                continue;
            }
            String reference = p != null
                    ? p.reference()
                    : c.parents().isEmpty() ? null : c.parents().get(0);
            Tree parent = reference == null ? Tree.EMPTY : git.files(reference);
            if (p != null) {
                if (p.governing() != contract) { // commits share their trusted contract: compiled once
                    contract = p.governing();
                    policies = new Policies(contract);
                }
                lastBytes = null;
            } else {
                if (c.parents().isEmpty() && base == null) {
                    base = git.files(baseId);
                }
                // a root commit in the range is governed by the contract the repository had at the base
                byte[] bytes = read(c.parents().isEmpty() ? base : parent, Workspace.CONTRACT);
                if (contract == null || !Arrays.equals(bytes, lastBytes)) {
                    contract = ContractLoader.fromBytes(bytes, Workspace.CONTRACT);
                    policies = new Policies(contract);
                    lastBytes = bytes;
                }
            }
            Approval approval = Approval.parse(c.message());
            ApprovalVerdict verdict = null;
            try {
                boolean foreignParent = false;
                for (String q : c.parents()) {
                    GitChecks.Placed pq = placed.get(q);
                    foreignParent |= pq != null && pq.foreign();
                }
                // a foreign parent brings nothing: all the commit has against its reference is its own
                List<FileChange> changes = reference != null
                                && !c.parents().isEmpty()
                                && (foreignParent
                                        || !reference.equals(c.parents().get(0)))
                        ? git.changesBetween(reference, c.id())
                        : changes(git, c, parent, policies);
                for (FileChange change : changes) {
                    GovernedPath rule = restricted(policies, change);
                    String what = rule == null ? null : what(change, rule);
                    if (what != null) {
                        if (verdict == null) {
                            verdict = Approvals.judge(approval, contract, signatures.of(c));
                        }
                        out.add(new ProtectedChange(c, change.path(), what, rule, approval, verdict));
                    }
                }
            } catch (IOException e) {
                throw new AtomizerException("cannot read commit " + c.shortId() + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    /** A commit's changes against its first parent; for a merge, only those it made on its own. */
    private static List<FileChange> changes(GitRepo git, CommitInfo c, Tree parent, Policies policies)
            throws AtomizerException {
        if (!c.isMerge()) {
            return git.changes(c.id(), 0);
        }
        List<Tree> parents = new ArrayList<>();
        parents.add(parent);
        for (String p : c.parents().subList(1, c.parents().size())) {
            parents.add(git.files(p));
        }
        return MergeChanges.of(git, c, parents, git.files(c.id()), policies).own();
    }

    private static GovernedPath restricted(Policies policies, FileChange change) throws IOException {
        GovernedPath old = policies.of(change.oldPath());
        GovernedPath neu = policies.of(change.newPath());
        if (old != null && old.policy() == Policy.IMMUTABLE) {
            return old;
        }
        if (neu != null && neu.policy() == Policy.IMMUTABLE) {
            return neu;
        }
        if (neu != null
                && neu.policy() == Policy.WRITE_ONCE
                && change.kind() != FileChange.Kind.MODIFY
                && change.kind() != FileChange.Kind.DELETE
                && dev.atomizer.api.Revision.parse(change.newPath()) != null
                && (old == null || old.policy() != Policy.WRITE_ONCE)) {
            return neu; // a revision of a report: it supersedes the report, with an approval
        }
        if (old == null || change.kind() == FileChange.Kind.ADD || change.kind() == FileChange.Kind.COPY) {
            return null;
        }
        if (old.policy() == Policy.WRITE_ONCE) {
            return old;
        }
        if (old.policy() == Policy.APPEND_ONLY
                && change.kind() == FileChange.Kind.MODIFY
                && change.oldContent().notAFile() == null
                && change.newContent().notAFile() == null) {
            return old; // an amendment of the log, unless it only appends (see what)
        }
        return old.policy() == Policy.NO_DELETE && NoDelete.loss(policies, change) != null ? old : null;
    }

    /** What an amendment of the log changed, or null when the log was only appended to (no protected change). */
    private static String amended(FileChange change) throws IOException {
        dev.atomizer.governance.AppendCheck c = dev.atomizer.governance.AppendCheck.compare(
                change.oldContent().bytes(), change.newContent().bytes());
        return c.appendOnly() ? null : "amended (existing lines changed from line " + c.changedLine() + ")";
    }

    /** How the change is told in the summary, or null when it is no protected change after all. */
    private static String what(FileChange change, GovernedPath rule) throws IOException {
        String notAFile = change.newNotAFile();
        if (notAFile != null) {
            // a checkout puts no file there: its bytes (a link's target path) are not the file's
            return switch (change.kind()) {
                case ADD, COPY -> "added as " + notAFile;
                case RENAME -> "renamed from " + change.oldPath() + ", " + notAFile;
                default -> change.replacesAFile() ? "replaced by " + notAFile + " (a deletion of the file)" : notAFile;
            };
        }
        if (change.oldContent().notAFile() != null && change.kind() == FileChange.Kind.MODIFY) {
            return change.oldContent().notAFile() + " made a regular file";
        }
        return switch (change.kind()) {
            case ADD, COPY -> {
                dev.atomizer.api.Revision r = dev.atomizer.api.Revision.parse(change.path());
                yield r != null && rule.policy() == Policy.WRITE_ONCE
                        ? "added, revision " + r.number() + " superseding " + r.supersedes()
                        : "added";
            }
            case DELETE -> "deleted";
            case RENAME ->
                "renamed from " + change.oldPath()
                        + (shrank(change)
                                ? ", shrank from "
                                        + dev.atomizer.state.Format.count(
                                                change.oldContent().bytes().length) + " to "
                                        + dev.atomizer.state.Format.count(
                                                change.newContent().bytes().length) + " bytes"
                                : "");
            case MODIFY ->
                rule.policy() == Policy.APPEND_ONLY
                        ? amended(change)
                        : change.newContent().bytes().length
                                        < change.oldContent().bytes().length
                                ? "shrank from "
                                        + dev.atomizer.state.Format.count(
                                                change.oldContent().bytes().length) + " to "
                                        + dev.atomizer.state.Format.count(
                                                change.newContent().bytes().length) + " bytes"
                                : "modified";
        };
    }

    private static boolean shrank(FileChange change) throws IOException {
        return change.oldContent().notAFile() == null
                && change.newContent().bytes().length < change.oldContent().bytes().length;
    }

    private static List<StatusMove> moves(List<ProjectHealth> before, List<ProjectHealth> after) {
        Map<String, ProjectHealth> was = new LinkedHashMap<>();
        for (ProjectHealth p : before) {
            was.put(p.slug(), p);
        }
        List<StatusMove> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ProjectHealth p : after) {
            seen.add(p.slug());
            out.add(new StatusMove(p.slug(), was.get(p.slug()), p));
        }
        for (ProjectHealth p : before) {
            if (!seen.contains(p.slug())) {
                out.add(new StatusMove(p.slug(), p, null));
            }
        }
        return List.copyOf(out);
    }

    /** The derived files at the head that are not what the generator makes of the head's sources. */
    private static List<String> stale(GitRepo git, String headId, Tree files, List<String> notes) {
        try {
            // the KPI file is judged with the history it was made from: up to the parent of the commit that last
            // changed it
            dev.atomizer.git.CommitInfo last = git.lastChange(dev.atomizer.derive.KpiMetrics.PATH, headId);
            String rev = last == null
                    ? headId
                    : last.parents().isEmpty() ? null : last.parents().get(0);
            Tree head = git.withHistory(files, rev, Derived.HISTORY_PATHS);
            return List.copyOf(Derived.stale(head, Derived.generate(head, null)));
        } catch (AtomizerException | IOException e) {
            notes.add("the derived files could not be regenerated at the head: " + e.getMessage());
            return List.of();
        }
    }

    private static StatusFile status(Tree state, String end, List<String> notes) {
        try {
            return StatusFile.fromBytes(read(state, Workspace.STATUS), Workspace.STATUS);
        } catch (AtomizerException e) {
            notes.add(Workspace.STATUS + " cannot be read at the " + end + " (" + e.getMessage()
                    + "); its declared RAG is left out there");
            return StatusFile.none();
        }
    }

    private static byte[] read(Tree state, String path) throws AtomizerException {
        try {
            // the log, as every derivation reads it, is its history as one (archives, log, inbox)
            return path.equals(Workspace.LOG) ? dev.atomizer.git.LogFiles.history(state) : state.read(path);
        } catch (IOException e) {
            throw new AtomizerException(path + ": cannot read: " + e.getMessage(), e);
        }
    }
}
