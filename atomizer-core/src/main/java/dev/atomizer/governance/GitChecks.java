package dev.atomizer.governance;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileSummary;
import dev.atomizer.api.Severities;
import dev.atomizer.api.Severity;
import dev.atomizer.api.Workspace;
import dev.atomizer.contract.Contract;
import dev.atomizer.contract.Policy;
import dev.atomizer.git.CommitInfo;
import dev.atomizer.git.FileChange;
import dev.atomizer.git.GitRepo;
import dev.atomizer.git.Tree;
import dev.atomizer.lint.Linter;
import dev.atomizer.status.ProjectStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The checks over git states: the staged index at commit time (pre-commit, commit-msg) and every
 * commit of a range in CI (verify). The contract and project status are read from the state under
 * check (the index, or the commit), never from the working tree, so {@code git add -p} works both
 * ways. Paths in diagnostics are relative to the repository root.
 */
public final class GitChecks {

    /**
     * What a check found, with the number of log entries it linted; for a range, how verify placed
     * each commit (by commit id), so that what renders the range judges it the same way.
     */
    public record Result(List<Diagnostic> diagnostics, FileSummary summary, Map<String, Placed> placed) {
        public Result(List<Diagnostic> diagnostics, FileSummary summary) {
            this(diagnostics, summary, Map.of());
        }

        public boolean failed() {
            return summary.errors() > 0;
        }
    }

    /**
     * How verify placed a commit of a range.
     *
     * @param foreign   its history never reaches the base: it brings nothing on its own
     * @param reference the parent its own changes are measured from (its first parent that is not
     *                  foreign), or null for a foreign commit
     * @param governing the trusted contract that governs it
     */
    public record Placed(boolean foreign, String reference, Contract governing) {}

    /** Where the pre-commit hook keeps the resume points of the log's versions ({@link LogResumes}). */
    public static final String RESUMES = "atomizer/log-resumes";
    /** Where pre-commit leaves the log's edits for commit-msg to judge with the message's trailers. */
    public static final String AMENDMENTS = "atomizer/pending-amendments";

    private GitChecks() {}

    /**
     * pre-commit: the contract of every appended log entry, append-only, write-once and generated
     * files, on the staged index against HEAD. Costs O(appended), not O(log).
     */
    public static Result preCommit(GitRepo git, Map<String, Severity> overrides, DerivedFiles derived)
            throws AtomizerException {
        git.workTree();
        List<FileChange> changes = git.stagedChanges();
        dev.atomizer.startup.Trace.mark("staged changes read");
        Tree head = git.headFiles();
        Tree index = withHistory(git, git.index(), "HEAD", derived);
        dev.atomizer.startup.Trace.mark("HEAD and index opened");
        LogResumes resumes = LogResumes.at(git.commonDir().resolve(RESUMES));
        List<ChangeContext.Deferred> deferred = new ArrayList<>();
        Result r = check(
                changes,
                contract(head),
                index,
                null,
                null,
                overrides,
                derived,
                resumes,
                java.time.Instant.now(),
                deferred,
                null,
                null);
        resumes.save();
        if (!deferred.isEmpty() && ownEntriesOnly(git, changes)) {
            deferred.clear(); // edits of entries the branch appended: its own to correct, no approval
        }
        Amendments.leave(git.gitDir().resolve(AMENDMENTS), deferred, git);
        dev.atomizer.startup.Trace.mark("governance and lint of appended entries");
        return r;
    }

    /**
     * Whether the staged edit of the log touches only entries the branch appended: the main line's
     * log ({@link GitRepo#mainLineBase}) is intact in HEAD's log and in the staged one. The
     * hooks then agree with verify, which lets a range correct its own entries.
     */
    private static boolean ownEntriesOnly(GitRepo git, List<FileChange> changes) throws AtomizerException {
        try {
            String base = git.mainLineBase();
            if (base == null) {
                return false;
            }
            byte[] line = git.files(base).read(Workspace.LOG);
            byte[] head = git.headFiles().read(Workspace.LOG);
            byte[] staged = null;
            for (FileChange c : changes) {
                if (Workspace.LOG.equals(c.newPath()) && c.newContent().notAFile() == null) {
                    staged = c.newContent().bytes();
                }
            }
            return line != null
                    && head != null
                    && staged != null
                    && AppendCheck.compare(line, head).appendOnly()
                    && AppendCheck.compare(line, staged).appendOnly();
        } catch (dev.atomizer.git.NotAFileException e) {
            return false;
        } catch (dev.atomizer.log.LimitException e) {
            throw new AtomizerException(e.getMessage(), e);
        } catch (IOException e) {
            throw new AtomizerException("cannot read the log: " + e.getMessage(), e);
        }
    }

    /**
     * Reads HEAD's log through once and keeps its resume point, so the next
     * pre-commit reads only what it appends ({@code install-hooks} calls this). Problems are not
     * reported here: the hooks and {@code verify} report them.
     */
    public static void rememberHeadLogs(GitRepo git) {
        try {
            Tree head = git.headFiles();
            Policies policies = new Policies(contract(head));
            LogResumes resumes = LogResumes.at(git.commonDir().resolve(RESUMES));
            String path = Workspace.LOG;
            String id = policies.is(path, Policy.APPEND_ONLY) ? git.headBlobId(path) : null;
            byte[] log = id == null ? null : head.read(path);
            if (log != null) {
                resumes.remember(
                        id,
                        AppendCheck.compare(path, log, log, AppendCheck.Resume.START)
                                .resumeNew());
                resumes.save();
            }
        } catch (AtomizerException | IOException | RuntimeException e) {
            // the first commit reads the log whole instead
        }
    }

    /** commit-msg: the approval rules (immutable-path, no-delete) with the trailers of the message being written. */
    public static Result commitMsg(GitRepo git, String message, Map<String, Severity> overrides)
            throws AtomizerException {
        git.workTree();
        if (git.unborn()) {
            // the root commit: nothing before it to protect, so nothing to approve (a repository is
            // set up, foundational documents and all, in its first commit)
            return new Result(List.of(), FileSummary.EMPTY);
        }
        List<FileChange> changes = git.stagedChanges();
        Approval approval = Approval.parse(message);
        Collector c = new Collector();
        Contract before = contract(git.headFiles());
        Severities sev = Severities.of(before.severities()).with(overrides);
        ChangeContext ctx = new ChangeContext(before, approval, git.index(), DerivedFiles.NONE);
        try {
            List<ChangeRule> approvalRules = new ArrayList<>();
            for (ChangeRule r : Governance.rules()) {
                if (r.needsApproval()) {
                    approvalRules.add(r);
                }
            }
            Governance.check(changes, ctx, sev.with(offExcept(approvalRules)), c);
            String marker = SkipCi.marker(SkipCi.asCommitted(message));
            Severity skipCi = sev.of(SkipCi.INFO.id());
            if (marker != null && skipCi != Severity.OFF) {
                c.accept(new Diagnostic("", 0, 0, SkipCi.INFO.id(), skipCi, SkipCi.message(marker, false)));
            }
            // the log's edits pre-commit left: an amendment stands only with an approval
            List<ChangeContext.Deferred> pending = Amendments.read(git.gitDir().resolve(AMENDMENTS), git);
            Severity appendOnly = sev.of(AppendOnly.INFO.id());
            if (!pending.isEmpty() && appendOnly != Severity.OFF) {
                ApprovalVerdict verdict = ctx.verdict();
                if (!verdict.approved()) {
                    for (ChangeContext.Deferred d : pending) {
                        c.accept(new Diagnostic(
                                d.path(),
                                d.line(),
                                1,
                                AppendOnly.INFO.id(),
                                appendOnly,
                                AppendOnly.amendment(
                                        d.message(),
                                        verdict,
                                        ctx,
                                        "restore it with 'git checkout HEAD -- " + d.path()
                                                + "' and append your entries (a correcting entry, not an edit)")));
                    }
                }
            }
        } catch (dev.atomizer.log.LimitException e) {
            throw new AtomizerException(e.getMessage(), e);
        } catch (IOException e) {
            throw new AtomizerException("cannot read the staged files: " + e.getMessage(), e);
        }
        return c.result(0);
    }

    /**
     * check: governance of the working tree against HEAD (append-only, write-once, generated files;
     * the approval rules wait for a commit message). The log's entries are not linted here: check
     * lints the whole log itself.
     */
    public static Result workingTree(GitRepo git, Map<String, Severity> overrides, DerivedFiles derived)
            throws AtomizerException {
        List<FileChange> changes = git.worktreeChanges();
        Contract governing = contract(git.headFiles());
        ChangeContext ctx =
                new ChangeContext(governing, null, withHistory(git, git.worktreeFiles(), "HEAD", derived), derived);
        Collector c = new Collector();
        try {
            // a derived file that differs from a regeneration is reported once, as generated-stale, by check
            Governance.check(
                    changes,
                    ctx,
                    Severities.of(governing.severities())
                            .with(overrides)
                            .with(Map.of(GeneratedFile.INFO.id(), Severity.OFF)),
                    c);
        } catch (dev.atomizer.log.LimitException e) {
            throw new AtomizerException(e.getMessage(), e);
        } catch (IOException e) {
            throw new AtomizerException("cannot read the changed files: " + e.getMessage(), e);
        }
        return c.result(0);
    }

    /** verify: what {@code base..head} brings to its base ({@link RangeVerification}). */
    public static Result verify(
            GitRepo git,
            String base,
            String head,
            Map<String, Severity> requested,
            DerivedFiles derived,
            Consumer<CommitInfo> progress)
            throws AtomizerException {
        return verify(git, base, head, requested, derived, progress, false);
    }

    /**
     * As {@link #verify(GitRepo, String, String, Map, DerivedFiles, Consumer)}, and {@code skip-ci}
     * over the messages of the range's commits (under the base's contract).
     *
     * @param onMainLine the range is the main line's since its last verified commit: a commit that
     *                   says {@code [skip ci]} is already there and this run covers it (a warning)
     */
    public static Result verify(
            GitRepo git,
            String base,
            String head,
            Map<String, Severity> requested,
            DerivedFiles derived,
            Consumer<CommitInfo> progress,
            boolean onMainLine)
            throws AtomizerException {
        List<CommitInfo> skipping = new ArrayList<>();
        Result r = RangeVerification.of(git)
                .base(base)
                .head(head)
                .overrides(requested)
                .derived(derived)
                .progress(c -> {
                    if (SkipCi.marker(c.message()) != null) {
                        skipping.add(c);
                    }
                    progress.accept(c);
                })
                .call();
        Severity severity = skipping.isEmpty()
                ? Severity.OFF
                : governanceSeverities(contract(git.files(git.commitId(base, "base"))), Map.of())
                        .of(SkipCi.INFO.id());
        if (severity == Severity.OFF) {
            return r;
        }
        if (onMainLine && severity == Severity.ERROR) {
            severity = Severity.WARNING;
        }
        List<Diagnostic> all = new ArrayList<>(r.diagnostics());
        String headId = git.commitId(head, "head");
        int errors = 0;
        int warnings = 0;
        for (CommitInfo c : skipping) {
            // only the head's message decides whether GitHub starts the run: an earlier commit's
            // marker is covered by that run, so a new commit without one is the way to green
            boolean decides = c.id().equals(headId);
            Severity s = decides ? severity : Severity.WARNING;
            all.add(new Diagnostic(
                    "",
                    0,
                    0,
                    SkipCi.INFO.id(),
                    s,
                    c.shortId() + " (" + c.subject() + "): "
                            + SkipCi.message(SkipCi.marker(c.message()), onMainLine || !decides)));
            if (s == Severity.ERROR) {
                errors++;
            } else {
                warnings++;
            }
        }
        FileSummary more = new FileSummary(0, errors, warnings);
        return new Result(List.copyOf(all), r.summary().plus(more), r.placed());
    }

    /**
     * The severity overrides verify honours: those of lint rules. The governance rules' severities
     * come from the trusted contract of the range (the base's, as approved commits changed it); an override comes from the command line
     * or the POM of the build being checked, which the pull request under check may have written.
     */
    static Map<String, Severity> lintOnly(Map<String, Severity> overrides) {
        Map<String, Severity> kept = new java.util.TreeMap<>(overrides);
        for (ChangeRule r : Governance.rules()) {
            kept.remove(r.id());
        }
        return kept;
    }

    /**
     * The one warning line for overrides verify ignores (see {@link #lintOnly}), or null when there
     * are none.
     *
     * @param where where the overrides were given, e.g. "--rule" or "&lt;rules&gt;"
     */
    public static String ignoredByVerify(Map<String, Severity> overrides, String where) {
        List<String> ignored = new ArrayList<>();
        for (ChangeRule r : Governance.rules()) {
            if (overrides.containsKey(r.id())) {
                ignored.add(r.id() + "=" + overrides.get(r.id()).name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return ignored.isEmpty()
                ? null
                : "verify ignores the " + where + " override" + (ignored.size() == 1 ? "" : "s")
                        + " " + String.join(", ", ignored)
                        + ": a governance rule's severity comes only from the contract of "
                        + "the base and the approved commits of the range, never from the build being checked";
    }

    /**
     * A merge, in verify's second line: against its first parent, for what it changes on its own (what no clean three-way
     * merge took from a checked parent), with its own trailers; each append-only log that the
     * parents only appended to, as a merged log whose new entries are linted. See
     * {@link MergeChanges} and docs/governance.md, "Merges".
     */
    static Result mergeCheck(
            GitRepo git,
            CommitInfo merge,
            Signatures signatures,
            Map<String, Severity> overrides,
            DerivedFiles derived,
            Contract before,
            Contract lintContract,
            java.time.Instant checkedAt)
            throws AtomizerException {
        Tree result = git.files(merge.id());
        List<Tree> parents = new ArrayList<>();
        for (String p : merge.parents()) {
            parents.add(git.files(p));
        }
        MergeChanges changes = MergeChanges.of(git, merge, parents, result, new Policies(before));
        Collector c = new Collector();
        Result r = check(
                changes.own(),
                before,
                withHistory(git, result, merge.parents().get(0), derived),
                Approval.parse(merge.message()),
                signatures,
                overrides,
                derived,
                LogResumes.inMemory(),
                checkedAt,
                null,
                lintContract,
                null);
        r.diagnostics().forEach(c);
        int entries = r.summary().entries();
        Severity appendOnly = governanceSeverities(before, overrides).of(AppendOnly.INFO.id());
        if (appendOnly == Severity.OFF) {
            return c.result(entries);
        }
        try {
            Linter linter = null;
            for (MergedLog log : changes.logs()) {
                AppendCheck kept = log.check(appendOnly, c);
                if (kept == null) {
                    continue;
                }
                if (linter == null) {
                    linter = linter(result, lintContract, overrides, checkedAt);
                }
                entries += lintTail(
                        log.path(),
                        log.merged(),
                        kept,
                        Severities.of(before.severities()).with(overrides),
                        linter,
                        c);
            }
        } catch (dev.atomizer.log.LimitException e) {
            throw new AtomizerException(e.getMessage(), e);
        } catch (IOException e) {
            throw new AtomizerException("cannot read merge " + merge.shortId() + ": " + e.getMessage(), e);
        }
        return c.result(entries);
    }

    /**
     * Governance of one change set under {@code governing}, then the contract of the entries each log
     * gained, linted under {@code lintContract} (null: the contract of {@code after}); approvals are
     * decided by {@code judge} (null: by the trailers); {@code deferred}: see
     * {@link ChangeContext#deferred()} (null: none deferred).
     */
    static Result check(
            List<FileChange> changes,
            Contract governing,
            Tree after,
            Approval approval,
            Signatures signatures,
            Map<String, Severity> overrides,
            DerivedFiles derived,
            LogResumes resumes,
            java.time.Instant checkedAt,
            List<ChangeContext.Deferred> deferred,
            Contract lintContract,
            ChangeContext.Judge judge)
            throws AtomizerException {
        ChangeContext ctx = new ChangeContext(
                governing,
                new Policies(governing),
                approval,
                signatures,
                after,
                derived,
                new java.util.HashMap<>(),
                resumes,
                deferred,
                judge);
        Collector c = new Collector();
        int entries = 0;
        try {
            dev.atomizer.startup.Trace.mark("contract read");
            Severities govSev = governanceSeverities(governing, overrides);
            Governance.check(changes, ctx, govSev, c);
            dev.atomizer.startup.Trace.mark("governance rules");
            Linter linter = null;
            for (FileChange change : changes) {
                if (change.newPath() == null
                        || !ctx.policies().is(change.newPath(), Policy.APPEND_ONLY)
                        || change.newContent().notAFile() != null) {
                    continue; // a log that is not a file is append-only's to report
                }
                byte[] bytes = change.newContent().bytes();
                // a new log is all appended
                AppendCheck a = change.kind() == FileChange.Kind.MODIFY
                        ? ctx.appendCheck(change)
                        : AppendCheck.compare(new byte[0], bytes);
                if (!a.appendOnly()) {
                    boolean amendment = deferred != null
                            || approval != null && ctx.verdict().approved();
                    if (!amendment) {
                        continue; // append-only said what is wrong; the edited part is not linted again
                    }
                    a = AppendCheck.compare(change.newPath(), new byte[0], bytes, AppendCheck.Resume.START);
                }
                if (linter == null) {
                    linter = linter(after, lintContract, overrides, checkedAt);
                }
                entries += lintTail(change.newPath(), bytes, a, govSev, linter, c);
            }
        } catch (dev.atomizer.log.LimitException e) {
            throw new AtomizerException(e.getMessage(), e);
        } catch (IOException e) {
            throw new AtomizerException("cannot read the changed files: " + e.getMessage(), e);
        }
        return c.result(entries);
    }

    /**
     * The linter of a state's contract and project list, checking {@code timestamp-future} against
     * {@code checkedAt} (the wall clock for the hooks, the commit's time for verify) in the
     * contract's time zone; never when it is null.
     */
    private static Linter linter(
            Tree state, Contract lintContract, Map<String, Severity> overrides, java.time.Instant checkedAt)
            throws AtomizerException, IOException {
        Contract contract = lintContract != null ? lintContract : contract(state);
        ProjectStatus status = ParsedFiles.status(state.read(Workspace.STATUS));
        java.time.LocalDateTime now = checkedAt == null
                ? null
                : java.time.LocalDateTime.ofInstant(
                        checkedAt, contract.settings().zone());
        return new Linter(
                contract, status.slugs(), Severities.of(contract.severities()).with(overrides), now);
    }

    /**
     * Lints the entries a log gained (from the first entry the grammar finds in the appended part),
     * after the entry stamped {@code previous}. Appended text before them is read with the entry
     * above it, from that entry's heading, as a lint of the whole file reads it: what that lint
     * reports in the appended lines is reported, and so is every part of that text that is not
     * only the end of what the old version left open ({@link AppendCheck#strays}), so what is
     * appended is whole entries or an error.
     *
     * @return the number of entries linted
     */
    private static int lintTail(
            String path,
            byte[] bytes,
            AppendCheck gained,
            Severities severities,
            Linter linter,
            Consumer<Diagnostic> sink)
            throws IOException {
        int offset = gained.entriesOffset();
        boolean hosted = gained.hostLine() > 0;
        int from = hosted ? gained.resumeOld().offset() : offset;
        String previous = hosted ? gained.resumeOld().timestampBefore() : gained.previousTimestamp();
        // lines counted from the text linted: where it starts in the file is counted only when
        // something is reported (counting the lines of a long log costs more than the check)
        int tailLine = hosted ? AppendCheck.breaks(bytes, from, gained.tailOffset()) + 1 : 1;
        List<AppendCheck.StrayLine> strays = List.of();
        String strayId = dev.atomizer.lint.rule.StrayContent.INFO.id();
        Severity straySeverity = severities.of(strayId);
        if (hosted && straySeverity != Severity.OFF) {
            strays = AppendCheck.strays(bytes, from, gained.tailOffset(), offset);
        }
        List<Diagnostic> found = new ArrayList<>();
        int entries = lintFrom(path, bytes, from, previous, 1, tailLine, linter, found);
        if (found.isEmpty() && strays.isEmpty()) {
            return entries - (hosted ? 1 : 0);
        }
        // read again at the file's lines, so that the messages name them too
        int shift = AppendCheck.lineOf(bytes, from) - 1;
        found.clear();
        entries = lintFrom(path, bytes, from, previous, 1 + shift, tailLine + shift, linter, found);
        if (!strays.isEmpty()) {
            int entriesLine =
                    offset >= bytes.length ? Integer.MAX_VALUE : AppendCheck.breaks(bytes, from, offset) + 1 + shift;
            List<Diagnostic> hostPart = new ArrayList<>();
            List<Diagnostic> rest = new ArrayList<>();
            for (Diagnostic d : found) {
                (d.line() < entriesLine ? hostPart : rest).add(d);
            }
            for (AppendCheck.StrayLine stray : strays) {
                int line = stray.line() + shift;
                boolean said = hostPart.stream()
                        .anyMatch(d -> d.line() == line && d.rule().equals(strayId));
                if (!said) {
                    hostPart.add(
                            new Diagnostic(path, line, 1, strayId, straySeverity, strayMessage(bytes, stray, gained)));
                }
            }
            hostPart.sort(Diagnostic.ORDER);
            found.clear();
            found.addAll(hostPart);
            found.addAll(rest);
        }
        found.forEach(sink);
        return entries - (hosted ? 1 : 0);
    }

    /**
     * Lints {@code bytes} from {@code from} (numbered from {@code firstLine}) into {@code found},
     * keeping what is reported at {@code fromLine} or below; in the first reading (at line 1)
     * only until something is.
     *
     * @return the number of entries linted
     */
    private static int lintFrom(
            String path,
            byte[] bytes,
            int from,
            String previous,
            int firstLine,
            int fromLine,
            Linter linter,
            List<Diagnostic> found)
            throws IOException {
        try {
            return linter.lint(
                            path,
                            new ByteArrayInputStream(bytes, from, bytes.length - from),
                            previous,
                            firstLine,
                            d -> {
                                if (d.line() >= fromLine) {
                                    found.add(d);
                                    if (firstLine == 1) {
                                        throw new Reported();
                                    }
                                }
                            })
                    .entries();
        } catch (Reported stop) {
            return 0;
        }
    }

    /** Ends a first reading at its first report: it is read again at the file's lines. */
    private static final class Reported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Reported() {
            super(null, null, false, false);
        }
    }

    private static String strayMessage(byte[] bytes, AppendCheck.StrayLine stray, AppendCheck gained) {
        String must = "appended text must start with an entry heading"
                + " '## [YYYY-MM-DD HH:MM] agent-id | project-slug | event-type'";
        if (stray.kind() == AppendCheck.Stray.IN_OPEN_BLOCK) {
            if (dev.atomizer.log.LogGrammar.isHeadingLine(dev.atomizer.log.LogGrammar.lineAt(bytes, stray.offset()))) {
                return "this heading is read as part of the entry at line " + gained.hostLine()
                        + ", inside a code fence or HTML block that entry never closes; append a line that closes it"
                        + " (such as '```' or '-->') before the new entry";
            }
            return "appended text inside a code fence or HTML block that the entry at line " + gained.hostLine()
                    + " never closes: it is that entry's content; append only the line that closes it (such as"
                    + " '```' or '-->', alone on its line), then that entry's '---', then new entries";
        }
        if (stray.kind() == AppendCheck.Stray.AFTER_CLOSE) {
            return "content after the last entry's closing '---' (" + must + ")";
        }
        return "appended text that is not an entry continues the entry at line " + gained.hostLine() + " (" + must
                + ")";
    }

    /** The severities of the governance rules for a change that {@code governing} rules. */
    static Severities governanceSeverities(Contract governing, Map<String, Severity> overrides) {
        return Severities.of(governing.severities()).with(overrides);
    }

    static Contract contract(Tree state) throws AtomizerException {
        try {
            return ParsedFiles.contract(state.read(Workspace.CONTRACT));
        } catch (dev.atomizer.log.LimitException e) {
            throw new AtomizerException(e.getMessage(), e);
        } catch (IOException e) {
            throw new AtomizerException(Workspace.CONTRACT + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The files of a state with the history behind it, when the generator reads history. */
    static Tree withHistory(GitRepo git, Tree files, String rev, DerivedFiles derived) {
        return derived.historyPaths().isEmpty() ? files : git.withHistory(files, rev, derived.historyPaths());
    }

    private static Map<String, Severity> offExcept(List<ChangeRule> keep) {
        Map<String, Severity> m = new java.util.TreeMap<>();
        for (ChangeRule r : Governance.rules()) {
            if (!keep.contains(r)) {
                m.put(r.id(), Severity.OFF);
            }
        }
        return m;
    }

    static final class Collector implements Consumer<Diagnostic> {
        final List<Diagnostic> list = new ArrayList<>();
        int errors;
        int warnings;

        @Override
        public void accept(Diagnostic d) {
            list.add(d);
            if (d.severity() == Severity.ERROR) {
                errors++;
            } else {
                warnings++;
            }
        }

        Result result(int entries) {
            return new Result(List.copyOf(list), new FileSummary(entries, errors, warnings));
        }
    }
}
