package dev.atomizer.governance;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileSummary;
import dev.atomizer.api.Severity;
import dev.atomizer.api.Workspace;
import dev.atomizer.contract.Contract;
import dev.atomizer.contract.Policy;
import dev.atomizer.git.CommitInfo;
import dev.atomizer.git.FileChange;
import dev.atomizer.git.GitRepo;
import dev.atomizer.git.Tree;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code verify}: what a range of commits brings to its base (docs/governance.md, "How a range is
 * judged"). Configured, called once, a {@link GitChecks.Result}:
 *
 * <pre>{@code RangeVerification.of(git).base("origin/main").head("HEAD").call()}</pre>
 *
 * <p>The verdict is the <b>net effect</b>: the head's files against the base's, under the base's
 * contract, each net change of a governed path covered by an approved commit of the range that
 * made exactly that change; the log at the head is the base's log followed by new entries, which
 * are linted under the trusted contract of the head. Nothing a commit says of itself decides what
 * it is judged against:
 *
 * <ul>
 *   <li><b>Every parent is accounted for.</b> A commit of the range whose history never reaches
 *       the base (a root commit, or commits that only descend from one) is foreign history: the
 *       commit that merges it in is an error ({@code foreign-history}) unless approved, and the
 *       foreign commits bring nothing on their own: their content counts as that merge's change.
 *   <li><b>The contract comes from trusted history</b>: the base's, as changed by approved commits
 *       (or by commits of a contract whose own path is not governed). A parent outside the range
 *       (the base, or an older commit a branch started from) gives the base's contract.
 *   <li><b>An approval covers its signer's ancestors only</b> ({@link RangeSignatures}).
 * </ul>
 *
 * <p>Each commit is still checked against its parents, as a second line whose findings name the
 * commit. A finding the net effect no longer carries (a malformed entry corrected later in the
 * range, a file changed and restored) is reported as fixed, as a warning naming the commit that
 * fixed it: the branch's own entries are its own to correct until they reach the base.
 * {@code timestamp-future} is judged against this machine's clock, never a commit's date.
 */
public final class RangeVerification {

    /** How the range's net findings are introduced, and the fixed findings. */
    static final String NET = "the range's net effect on its base: ";

    /** The most commits a range may have: beyond it, verify says so in one line (docs/governance.md, Cost). */
    public static final int MAX_COMMITS = 20_000;

    /** The most parents a commit of the range may have (git's own octopus merges stop far below). */
    public static final int MAX_PARENTS = 64;

    private final GitRepo git;
    private String base;
    private String head = "HEAD";
    private Map<String, Severity> overrides = Map.of();
    private DerivedFiles derived = DerivedFiles.NONE;
    private Consumer<CommitInfo> progress = c -> {};
    private Instant now = Instant.now();

    private RangeVerification(GitRepo git) {
        this.git = git;
    }

    public static RangeVerification of(GitRepo git) {
        return new RangeVerification(git);
    }

    /** The base: what the range is judged against (the pull request's target, the last verified commit). */
    public RangeVerification base(String rev) {
        this.base = rev;
        return this;
    }

    public RangeVerification head(String rev) {
        this.head = rev;
        return this;
    }

    /**
     * Severity overrides of the command line or the build: only those of lint rules are honoured
     * (see {@link GitChecks#ignoredByVerify}).
     */
    public RangeVerification overrides(Map<String, Severity> requested) {
        this.overrides = GitChecks.lintOnly(requested);
        return this;
    }

    public RangeVerification derived(DerivedFiles files) {
        this.derived = files;
        return this;
    }

    /** Told of each commit as it is checked. */
    public RangeVerification progress(Consumer<CommitInfo> listener) {
        this.progress = listener;
        return this;
    }

    /** The clock {@code timestamp-future} is judged against (this machine's, unless a test sets one). */
    public RangeVerification now(Instant clock) {
        this.now = clock;
        return this;
    }

    /**
     * A contract that the history judged trusted: its entry in the tree (null: none, the default),
     * with its governed-paths table compiled once.
     */
    private record Trusted(String entry, Contract contract, Policies policies) {
        Trusted(String entry, Contract contract) {
            this(entry, contract, new Policies(contract));
        }
    }

    /** One commit of the range, as the walk found it. */
    private final class Step {
        final int index;
        final CommitInfo commit;
        final boolean foreign;
        /** The parents that are not foreign, in order. */
        final List<String> grounded;

        Trusted governing;
        Trusted trusted;
        Approval approval;
        ApprovalVerdict verdict;
        Signatures signatures;

        Step(int index, CommitInfo commit, boolean foreign, List<String> grounded) {
            this.index = index;
            this.commit = commit;
            this.foreign = foreign;
            this.grounded = grounded;
        }

        /** Whether this commit is approved, under the contract it is governed by. */
        ApprovalVerdict verdict() throws IOException {
            if (verdict == null) {
                verdict = approval.changeRequest() == null
                        ? ApprovalVerdict.refused("no 'Change-Request:' trailer")
                        : Approvals.judge(approval, governing.contract(), signatures);
            }
            return verdict;
        }

        String prefix() {
            return commit.shortId() + " (" + commit.subject() + "): ";
        }
    }

    private final Map<String, Step> steps = new LinkedHashMap<>();
    private final Map<String, String> entries = new HashMap<>();
    private final List<Step> amendments = new ArrayList<>();
    private Trusted baseContract;
    private String baseId;
    private String headId;

    /** Verifies the range once. */
    public GitChecks.Result call() throws AtomizerException {
        Objects.requireNonNull(base, "base");
        List<CommitInfo> range = git.range(base, head);
        if (range.size() > MAX_COMMITS) {
            throw new AtomizerException("the range " + base + ".." + head + " has " + range.size()
                    + " commits, more than verify judges at once (" + MAX_COMMITS
                    + "): verify from a later base, such as the last verified commit");
        }
        for (CommitInfo c : range) {
            if (c.parents().size() > MAX_PARENTS) {
                throw new AtomizerException(
                        "commit " + c.shortId() + " has " + c.parents().size()
                                + " parents, more than verify judges (" + MAX_PARENTS
                                + "): merge at most " + MAX_PARENTS + " branches at once");
            }
        }
        baseId = git.commitId(base, "base");
        headId = git.commitId(head, "head");
        baseContract = new Trusted(entry(baseId, Workspace.CONTRACT), GitChecks.contract(git.files(baseId)));
        List<Step> order = new ArrayList<>();
        List<Diagnostic> perCommit = new ArrayList<>();
        List<Step> origins = new ArrayList<>();
        FileSummary total = FileSummary.EMPTY;
        LogResumes resumes = LogResumes.inMemory();
        Identity.Range identities = new Identity.Range(git, baseId);
        try (RangeSignatures signatures = new RangeSignatures(git, range)) {
            for (int i = 0; i < range.size(); i++) {
                CommitInfo c = range.get(i);
                progress.accept(c);
                Step s = walk(i, c);
                order.add(s);
                if (s.foreign) {
                    continue; // brings nothing on its own: judged through the commit that merges it in
                }
                s.signatures = signatures.of(c);
                s.approval = Approval.parse(c.message());
                s.governing = trustedOf(s.grounded.get(0));
                s.trusted = trust(s);
                List<Diagnostic> found = new ArrayList<>(foreignParents(s));
                GitChecks.Result r = ownChanges(s, resumes);
                for (Diagnostic d : r.diagnostics()) {
                    found.add(new Diagnostic(
                            d.path(),
                            d.line(),
                            d.column(),
                            d.rule(),
                            d.severity(),
                            s.prefix() + d.message().replace(ChangeContext.COMMIT, c.shortId())));
                }
                found.addAll(identities.commit(
                        c, s.grounded.get(0), s.governing.contract(), signatures, s::verdict, overrides, s.prefix()));
                total = total.plus(new FileSummary(r.summary().entries(), 0, 0));
                for (Diagnostic d : found) {
                    perCommit.add(d);
                    origins.add(s);
                }
                noteAmendment(s);
            }
            List<Diagnostic> net = range.isEmpty() ? List.of() : netEffect(order);
            if (!range.isEmpty()) {
                net = identities.net(baseId, headId, baseContract.contract(), net);
            }
            return verdict(perCommit, origins, net, order, total);
        } catch (dev.atomizer.log.LimitException e) {
            throw new AtomizerException(e.getMessage(), e);
        } catch (IOException e) {
            throw new AtomizerException("cannot verify " + base + ".." + head + ": " + e.getMessage(), e);
        }
    }

    /** Places a commit: foreign when none of its parents leads to the base. */
    private Step walk(int index, CommitInfo c) {
        List<String> grounded = new ArrayList<>();
        for (String p : c.parents()) {
            Step ps = steps.get(p);
            if (ps == null || !ps.foreign) {
                grounded.add(p); // in the range and grounded, or outside it: reachable from the base
            }
        }
        Step s = new Step(index, c, grounded.isEmpty(), List.copyOf(grounded));
        steps.put(c.id(), s);
        return s;
    }

    /** The trusted contract after a parent: its own, or the base's for one outside the range. */
    private Trusted trustedOf(String parent) {
        Step p = steps.get(parent);
        return p == null ? baseContract : p.trusted;
    }

    /**
     * The contract this commit leaves trusted: a parent's trusted one when its contract is that
     * file; its own when approved under the contract governing it (or when that contract does not
     * govern the contract file); else the governing one, unchanged.
     */
    private Trusted trust(Step s) throws AtomizerException, IOException {
        String own = entry(s.commit.id(), Workspace.CONTRACT);
        for (String p : s.grounded) {
            Trusted t = trustedOf(p);
            if (Objects.equals(t.entry(), own)) {
                return t;
            }
        }
        boolean governed = s.governing.policies().of(Workspace.CONTRACT) != null;
        if (governed && !s.verdict().approved()) {
            return s.governing;
        }
        try {
            return new Trusted(own, GitChecks.contract(git.files(s.commit.id())));
        } catch (AtomizerException e) {
            return s.governing; // a contract that does not read governs nothing
        }
    }

    /** foreign-history: each parent of {@code s} whose history does not reach the base. */
    private List<Diagnostic> foreignParents(Step s) throws IOException, AtomizerException {
        List<Diagnostic> out = new ArrayList<>();
        Severity severity = GitChecks.governanceSeverities(s.governing.contract(), overrides)
                .of(ForeignHistory.INFO.id());
        if (severity == Severity.OFF) {
            return out;
        }
        for (String p : s.commit.parents()) {
            Step ps = steps.get(p);
            if (ps == null || !ps.foreign || s.verdict().approved()) {
                continue;
            }
            int position = s.commit.parents().indexOf(p) + 1;
            out.add(new Diagnostic(
                    "",
                    0,
                    0,
                    ForeignHistory.INFO.id(),
                    severity,
                    s.prefix()
                            + ForeignHistory.message(
                                    s.commit, position, ps.commit, root(ps), s.verdict(), s.governing.contract())));
        }
        return out;
    }

    /** The root commit a foreign commit's history starts from. */
    private CommitInfo root(Step foreign) {
        Step s = foreign;
        while (!s.commit.parents().isEmpty()) {
            Step p = steps.get(s.commit.parents().get(0));
            if (p == null) {
                break;
            }
            s = p;
        }
        return s.commit;
    }

    /** The second line: what the commit changed on its own, under the contract governing it. */
    private GitChecks.Result ownChanges(Step s, LogResumes resumes) throws AtomizerException {
        CommitInfo c = s.commit;
        if (c.isMerge() && s.grounded.size() == c.parents().size()) {
            return GitChecks.mergeCheck(
                    git, c, s.signatures, overrides, derived, s.governing.contract(), s.trusted.contract(), now);
        }
        String ref = s.grounded.get(0);
        List<FileChange> changes =
                ref.equals(c.parents().get(0)) ? git.changes(c.id(), 0) : git.changesBetween(ref, c.id());
        return GitChecks.check(
                changes,
                s.governing.contract(),
                GitChecks.withHistory(git, git.files(c.id()), ref, derived),
                s.approval,
                s.signatures,
                overrides,
                derived,
                resumes,
                now,
                null,
                s.trusted.contract(),
                null);
    }

    /**
     * Remembers an approved amendment of the log: a commit that changed the log's existing bytes
     * with approval, on top of a log that itself follows from the base's or an earlier approved
     * amendment. The head's log may then extend it.
     */
    private void noteAmendment(Step s) throws AtomizerException, IOException {
        if (s.approval.changeRequest() == null) {
            return;
        }
        String own = entry(s.commit.id(), Workspace.LOG);
        String parent = entry(s.grounded.get(0), Workspace.LOG);
        if (own == null || Objects.equals(own, parent) || !s.verdict().approved()) {
            return;
        }
        byte[] before = log(s.grounded.get(0));
        byte[] after = log(s.commit.id());
        if (before == null
                || after == null
                || AppendCheck.compare(before, after).appendOnly()) {
            return; // not an amendment
        }
        if (extendsTrusted(before)) {
            amendments.add(s);
        }
    }

    /** Whether {@code log} is the base's log or an approved amendment's, followed by new entries only. */
    private boolean extendsTrusted(byte[] log) throws AtomizerException, IOException {
        byte[] b = log(baseId);
        if (b != null && AppendCheck.compare(b, log).appendOnly()) {
            return true;
        }
        return amendmentExtended(log) != null;
    }

    private Step amendmentExtended(byte[] log) throws AtomizerException, IOException {
        for (Step a : amendments) {
            if (AppendCheck.compare(log(a.commit.id()), log).appendOnly()) {
                return a;
            }
        }
        return null;
    }

    private byte[] log(String commitId) throws AtomizerException, IOException {
        try {
            return git.files(commitId).read(Workspace.LOG);
        } catch (dev.atomizer.git.NotAFileException e) {
            return null;
        }
    }

    /**
     * The first line: the head's files against the base's, under the base's contract; each change
     * approved only when an approved commit of the range made exactly that change.
     */
    private List<Diagnostic> netEffect(List<Step> order) throws AtomizerException {
        CommitInfo headCommit = steps.get(headId).commit;
        Tree after = GitChecks.withHistory(
                git, git.files(headId), headCommit.parents().get(0), derived);
        Contract lint = steps.get(headId).trusted.contract();
        List<Diagnostic> out = new ArrayList<>();
        Policies policies = baseContract.policies();
        Map<String, Severity> reportsAtTheirCommit = new HashMap<>(overrides);
        reportsAtTheirCommit.put(NotGenerated.INFO.id(), Severity.OFF);
        List<FileChange> changes = git.changesBetween(baseId, headId);
        // the moves of entries are judged over the whole net change set, once
        EntryMoves.Lazy moves = new EntryMoves.Lazy(changes, after, null, true);
        for (FileChange change : changes) {
            GitChecks.Result r = GitChecks.check(
                    List.of(change),
                    baseContract.contract(),
                    after,
                    Approval.NONE,
                    null,
                    // a report added is a snapshot of the sources of the commit that adds it: judged there
                    addedReport(change) ? reportsAtTheirCommit : overrides,
                    derived,
                    LogResumes.inMemory(),
                    now,
                    null,
                    lint,
                    () -> covered(change, order, policies),
                    moves);
            out.addAll(r.diagnostics());
        }
        return out;
    }

    private static boolean addedReport(FileChange change) {
        String p = change.newPath();
        return p != null
                && change.kind() != FileChange.Kind.MODIFY
                && (p.startsWith(Workspace.WEEKLY_REPORTS + "/") || p.startsWith(Workspace.CLOSEOUT_REPORTS + "/"));
    }

    /** Whether an approved commit of the range made this net change, path by path. */
    private ApprovalVerdict covered(FileChange change, List<Step> order, Policies policies) throws IOException {
        try {
            if (change.kind() == FileChange.Kind.MODIFY && policies.is(change.newPath(), Policy.APPEND_ONLY)) {
                Step a = amendmentExtended(change.newContent().bytes());
                return a == null
                        ? ApprovalVerdict.refused("no approved amendment of the range leads to the head's log")
                        : ApprovalVerdict.approved(
                                a.verdict().approver(), a.verdict().how() + " in " + a.commit.shortId());
            }
            ApprovalVerdict v = null;
            for (String path : new String[] {change.oldPath(), change.newPath()}) {
                if (path == null || v != null && path.equals(change.oldPath())) {
                    continue;
                }
                v = coveredPath(path, order);
                if (!v.approved()) {
                    return v;
                }
            }
            return v;
        } catch (AtomizerException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private ApprovalVerdict coveredPath(String path, List<Step> order) throws AtomizerException, IOException {
        String wanted = entry(headId, path);
        List<String> unapproved = new ArrayList<>();
        for (Step s : order) {
            if (s.foreign) {
                continue;
            }
            String mine = entry(s.commit.id(), path);
            boolean own = true;
            for (String p : s.grounded) {
                own &= !Objects.equals(entry(p, path), mine);
            }
            if (!own) {
                continue;
            }
            ApprovalVerdict v = s.verdict();
            if (Objects.equals(mine, wanted) && v.approved()) {
                return ApprovalVerdict.approved(v.approver(), v.how() + " in " + s.commit.shortId());
            }
            if (Objects.equals(mine, wanted)) {
                unapproved.add(s.commit.shortId() + ": " + v.problem());
            }
        }
        return ApprovalVerdict.refused(
                unapproved.isEmpty()
                        ? "no commit of the range made this change on its own: a merge took it from a parent"
                                + " outside the reviewed history, such as an older commit than the base"
                        : "made in " + String.join("; ", unapproved));
    }

    /** The verdict: the net findings, each per-commit finding as carried (an error) or fixed (a warning). */
    private GitChecks.Result verdict(
            List<Diagnostic> perCommit, List<Step> origins, List<Diagnostic> net, List<Step> order, FileSummary total)
            throws AtomizerException {
        boolean[] shown = new boolean[net.size()];
        GitChecks.Collector out = new GitChecks.Collector();
        for (int i = 0; i < perCommit.size(); i++) {
            Diagnostic d = perCommit.get(i);
            int carried = carriedBy(d, net);
            if (carried != -1 || d.rule().equals(ForeignHistory.INFO.id())) {
                if (carried >= 0) {
                    shown[carried] = true; // the per-commit finding names the commit: it stands for both
                } else if (carried < -1 && net.get(-2 - carried).rule().equals(d.rule())) {
                    shown[-2 - carried] = true;
                }
                out.accept(d);
                continue;
            }
            Step s = origins.get(i);
            if (correctsTheRangesOwn(d, s)) {
                continue;
            }
            Step fixer = fixedBy(d.path(), s, order);
            if (fixer == null && !d.path().isEmpty() && !baseContract.policies().is(d.path(), Policy.APPEND_ONLY)) {
                out.accept(d); // nothing later changed the file: the head has it as this commit left it
                continue;
            }
            String prefix = s.prefix();
            out.accept(new Diagnostic(
                    d.path(),
                    d.line(),
                    d.column(),
                    d.rule(),
                    Severity.WARNING,
                    prefix
                            + (fixer == null
                                    ? "not in the range's net effect (what it changed never reached the base: the"
                                            + " range's own to correct)"
                                    : "fixed later in the range by " + fixer.commit.shortId() + " ("
                                            + fixer.commit.subject() + "), the head no longer has it")
                            + ": " + d.message().substring(prefix.length())));
        }
        for (int i = 0; i < net.size(); i++) {
            if (!shown[i]) {
                Diagnostic n = net.get(i);
                out.accept(new Diagnostic(n.path(), n.line(), n.column(), n.rule(), n.severity(), NET + n.message()));
            }
        }
        GitChecks.Result r = out.result(total.entries());
        Map<String, GitChecks.Placed> placed = new LinkedHashMap<>();
        for (Step s : order) {
            placed.put(
                    s.commit.id(),
                    s.foreign
                            ? new GitChecks.Placed(true, null, baseContract.contract())
                            : new GitChecks.Placed(false, s.grounded.get(0), s.governing.contract()));
        }
        return new GitChecks.Result(r.diagnostics(), r.summary(), Map.copyOf(placed));
    }

    /**
     * The net finding that carries a per-commit one, or -1: the same path and rule (in a log, the
     * same line too); for an edit of a log ({@code append-only}), any error the head's log still has,
     * since what the edit did shows in the net effect as the lines it left behind.
     */
    private int carriedBy(Diagnostic d, List<Diagnostic> net) {
        boolean log = baseContract.policies().is(d.path(), Policy.APPEND_ONLY);
        for (int i = 0; i < net.size(); i++) {
            Diagnostic n = net.get(i);
            if (n.path().equals(d.path()) && n.rule().equals(d.rule()) && (!log || n.line() == d.line())) {
                return i;
            }
        }
        if (log && d.rule().equals(AppendOnly.INFO.id())) {
            for (int i = 0; i < net.size(); i++) {
                if (net.get(i).path().equals(d.path())
                        && net.get(i).severity() == Severity.ERROR
                        && !net.get(i)
                                .rule()
                                .equals(EntryIdentity.INFO.id())) { // who added an entry, not what an edit left
                    return -2 - i;
                }
            }
        }
        return -1;
    }

    /**
     * Whether a per-commit finding is a commit of the range correcting what is the range's own: an
     * edit of log entries the range appended (the base's log intact before and after it), or a
     * governed file put back as the base has it. Such a change is no finding at all.
     */
    private boolean correctsTheRangesOwn(Diagnostic d, Step s) throws AtomizerException {
        if (d.path().isEmpty() || s.commit.isMerge()) {
            return false;
        }
        if (d.rule().equals(EntryMove.INFO.id())
                && dev.atomizer.git.LogFiles.isInbox(d.path())
                && entry(baseId, d.path()) == null) {
            return true; // an inbox entry the range wrote: its own to correct until it reaches the base
        }
        try {
            if (baseContract.policies().is(d.path(), Policy.APPEND_ONLY)) {
                if (!d.rule().equals(AppendOnly.INFO.id()) || !d.path().equals(Workspace.LOG)) {
                    return false;
                }
                byte[] b = log(baseId);
                byte[] before = log(s.grounded.get(0));
                byte[] after = log(s.commit.id());
                return b != null
                        && before != null
                        && after != null
                        && AppendCheck.compare(b, before).appendOnly()
                        && AppendCheck.compare(b, after).appendOnly();
            }
            return (d.rule().equals(ImmutablePath.INFO.id())
                            || d.rule().equals(NoDelete.INFO.id())
                            || d.rule().equals(WriteOnce.INFO.id()))
                    && Objects.equals(entry(s.commit.id(), d.path()), entry(baseId, d.path()));
        } catch (IOException e) {
            throw new AtomizerException("cannot read the log: " + e.getMessage(), e);
        }
    }

    /** The first later commit of the range that changed {@code path} on its own. */
    private Step fixedBy(String path, Step after, List<Step> order) throws AtomizerException {
        if (path == null || path.isEmpty()) {
            return null;
        }
        for (int i = after.index + 1; i < order.size(); i++) {
            Step s = order.get(i);
            if (s.foreign) {
                continue;
            }
            String mine = entry(s.commit.id(), path);
            if (!Objects.equals(entry(s.grounded.get(0), path), mine)) {
                return s;
            }
        }
        return null;
    }

    private String entry(String commitId, String path) throws AtomizerException {
        String key = commitId + '\u0000' + path;
        if (entries.containsKey(key)) {
            return entries.get(key);
        }
        String e = git.entry(commitId, path);
        entries.put(key, e);
        return e;
    }
}
