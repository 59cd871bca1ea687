package dev.atomizer.governance;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileSummary;
import dev.atomizer.api.Severities;
import dev.atomizer.api.Severity;
import dev.atomizer.contract.Contract;
import dev.atomizer.contract.Settings.IdentityMode;
import dev.atomizer.git.CommitInfo;
import dev.atomizer.git.FileChange;
import dev.atomizer.git.GitRepo;
import dev.atomizer.git.Tree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules over who made a commit, {@code entry-identity} and {@code path-owner}
 * (docs/governance.md, "Identity"), where each check meets them: {@code verify} judges each
 * commit of a range under the identities of the trusted contract governing it (a change cannot
 * enrol itself), the {@code pre-commit} hook the staged entries against the author e-mail git will
 * record, the {@code commit-msg} hook the owned paths with the message's trailers. Nothing is read
 * while the contract says {@code Entry identity: off}.
 */
public final class Identity {

    private Identity() {}

    /**
     * What one commit first added to the log's history and who made it, for the Auditor.
     *
     * @param entries   the entries it first added (none for a merge: it takes its parents')
     * @param committer who made it, or null when the contract checks no identity
     */
    public record Written(List<NewEntries.Added> entries, Committer committer) {
        /** "author alice@example.com (manager)", "signed (manager)" or "not checked". */
        public String checked() {
            return committer == null ? "not checked" : committer.checked();
        }

        /** Whether the entry's agent is who made the commit (false when not checked). */
        public boolean bound(NewEntries.Added e) {
            return committer != null && e.agent() != null && committer.is(e.agent());
        }
    }

    /** Who made {@code commitId}, as {@code governing} binds ids; null under {@code Entry identity: off}. */
    static Committer committer(GitRepo git, String commitId, Contract governing, RangeSignatures signatures)
            throws AtomizerException, IOException {
        return switch (governing.settings().entryIdentity()) {
            case OFF -> null;
            case AUTHOR -> Committer.byEmail(governing, git.authorEmail(commitId));
            case SIGNED -> Committer.bySignature(governing, signatures.identity(commitId, governing));
        };
    }

    /**
     * verify's view of a range: each commit judged under the identities of the contract governing
     * it, and what each commit first added (an entry, a version of an owned path) remembered, so
     * that the net effect is judged as approvals are: an entry of the head is covered when a commit
     * of the range bound to its agent first added it, an owned path's head version when a commit by
     * its owner (or approved) made exactly that version. A commit's finding the head no longer
     * carries (undone later in the range) is then reported as fixed.
     */
    static final class Range {

        private record Judged(String commit, Severity severity, String problem) {}

        private final GitRepo git;
        private final String baseId;
        private final Map<String, List<Judged>> entries = new java.util.HashMap<>();
        private final Map<String, List<Judged>> versions = new java.util.HashMap<>();

        Range(GitRepo git, String baseId) {
            this.git = git;
            this.baseId = baseId;
        }

        /**
         * One commit of the range, its own changes measured from {@code reference} (its first parent
         * that is not foreign), under {@code governing}.
         *
         * @param prefix put before each message: the commit
         */
        List<Diagnostic> commit(
                CommitInfo c,
                String reference,
                Contract governing,
                RangeSignatures signatures,
                PathOwner.Verdict verdict,
                Map<String, Severity> overrides,
                String prefix)
                throws AtomizerException, IOException {
            List<Diagnostic> out = new ArrayList<>();
            if (governing.settings().entryIdentity() == IdentityMode.OFF) {
                return out;
            }
            Severities severities = GitChecks.governanceSeverities(governing, overrides);
            Severity entrySeverity = severities.of(EntryIdentity.INFO.id());
            Severity ownerSeverity = severities.of(PathOwner.INFO.id());
            if (entrySeverity == Severity.OFF && ownerSeverity == Severity.OFF) {
                return out;
            }
            Committer who = committer(git, c.id(), governing, signatures);
            boolean merge = c.isMerge() && reference.equals(c.parents().get(0));
            List<FileChange> changes = merge ? mergeOwn(git, c, governing) : changes(git, c, reference);
            if (entrySeverity != Severity.OFF && !merge) {
                // a merge appends nothing of its own: its parents' entries were judged at their
                // commits, and anything else fails append-only there
                EntryIdentity.judge(who, governing, NewEntries.of(changes), c.shortId(), (e, problem) -> {
                    entries.computeIfAbsent(e.text(), k -> new ArrayList<>())
                            .add(new Judged(c.shortId(), entrySeverity, problem));
                    if (problem != null) {
                        out.add(new Diagnostic(
                                e.path(), e.line(), 1, EntryIdentity.INFO.id(), entrySeverity, prefix + problem));
                    }
                });
            }
            if (ownerSeverity != Severity.OFF) {
                PathOwner.judge(
                        who, new Policies(governing), changes, verdict, c.shortId(), (change, path, problem) -> {
                            String version = entry(c.id(), path);
                            // put back as the base has it: the range's own to correct
                            String refused = java.util.Objects.equals(version, entry(baseId, path)) ? null : problem;
                            versions.computeIfAbsent(path + '\u0000' + version, k -> new ArrayList<>())
                                    .add(new Judged(c.shortId(), ownerSeverity, refused));
                            if (refused != null) {
                                out.add(new Diagnostic(
                                        change.path(), 1, 1, PathOwner.INFO.id(), ownerSeverity, prefix + refused));
                            }
                        });
            }
            return out;
        }

        /**
         * The net effect: {@code net} and, for each entry the head has beyond the base and each
         * owned path the head has changed, a finding when no commit of the range that added exactly
         * that was allowed to.
         */
        List<Diagnostic> net(String baseId, String headId, Contract base, List<Diagnostic> net)
                throws AtomizerException, IOException {
            if (entries.isEmpty() && versions.isEmpty()) {
                return net;
            }
            List<Diagnostic> out = new ArrayList<>(net);
            List<FileChange> changes = git.changesBetween(baseId, headId);
            if (!entries.isEmpty()) {
                for (NewEntries.Added e : NewEntries.of(changes)) {
                    Judged refused = refused(entries.get(e.text()));
                    if (refused != null) {
                        out.add(new Diagnostic(
                                e.path(),
                                e.line(),
                                1,
                                EntryIdentity.INFO.id(),
                                refused.severity(),
                                "entry by " + e.agent() + " at line " + e.line() + ", added in " + refused.commit()
                                        + ": " + refused.problem()));
                    }
                }
            }
            for (FileChange c : changes) {
                for (String path : new String[] {c.oldPath(), c.newPath()}) {
                    if (path == null) {
                        continue;
                    }
                    Judged refused = refused(versions.get(path + '\u0000' + git.entry(headId, path)));
                    if (refused != null) {
                        out.add(new Diagnostic(
                                c.path(),
                                1,
                                1,
                                PathOwner.INFO.id(),
                                refused.severity(),
                                "as the head has it, made in " + refused.commit() + ": " + refused.problem()));
                        break;
                    }
                }
            }
            return out;
        }

        private String entry(String commitId, String path) throws IOException {
            try {
                return git.entry(commitId, path);
            } catch (AtomizerException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        /** The first refusal among the commits that added it, or null when one was allowed to (or none judged it). */
        private static Judged refused(List<Judged> judged) {
            if (judged == null) {
                return null;
            }
            Judged first = null;
            for (Judged j : judged) {
                if (j.problem() == null) {
                    return null;
                }
                first = first == null ? j : first;
            }
            return first;
        }
    }

    /** What a commit changed against {@code reference}. */
    private static List<FileChange> changes(GitRepo git, CommitInfo c, String reference) throws AtomizerException {
        return c.parents().isEmpty() || !reference.equals(c.parents().get(0))
                ? git.changesBetween(reference, c.id())
                : git.changes(c.id(), 0);
    }

    /** What a merge changed on its own: not what a clean merge took from a parent ({@link MergeChanges}). */
    private static List<FileChange> mergeOwn(GitRepo git, CommitInfo merge, Contract governing)
            throws AtomizerException {
        List<Tree> parents = new ArrayList<>();
        for (String p : merge.parents()) {
            parents.add(git.files(p));
        }
        return MergeChanges.of(git, merge, parents, git.files(merge.id()), new Policies(governing))
                .own();
    }

    /** The Auditor's view of one commit: the entries it first added and who made it. */
    public static Written written(
            GitRepo git, CommitInfo c, String reference, Contract governing, RangeSignatures signatures)
            throws AtomizerException {
        try {
            boolean merge = c.isMerge() && reference.equals(c.parents().get(0));
            List<NewEntries.Added> entries = merge ? List.of() : NewEntries.of(changes(git, c, reference));
            return new Written(entries, committer(git, c.id(), governing, signatures));
        } catch (IOException e) {
            throw new AtomizerException("cannot read commit " + c.shortId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * pre-commit, under {@code Entry identity: author}: the staged entries against the author e-mail
     * git will record ({@code GIT_AUTHOR_EMAIL}, which git sets for its hooks, else {@code user.email}).
     * Under {@code signed} the signature does not exist yet: verify judges it.
     */
    static GitChecks.Result preCommit(
            GitRepo git,
            List<FileChange> changes,
            Contract before,
            Map<String, Severity> overrides,
            GitChecks.Result checked)
            throws AtomizerException {
        Severity s = GitChecks.governanceSeverities(before, overrides).of(EntryIdentity.INFO.id());
        if (before.settings().entryIdentity() != IdentityMode.AUTHOR || s == Severity.OFF) {
            return checked;
        }
        List<Diagnostic> found = new ArrayList<>();
        try {
            EntryIdentity.judge(
                    Committer.byEmail(before, hookAuthor(git)), before, NewEntries.of(changes), null, (e, problem) -> {
                        if (problem != null) {
                            found.add(new Diagnostic(e.path(), e.line(), 1, EntryIdentity.INFO.id(), s, problem));
                        }
                    });
        } catch (IOException e) {
            throw new AtomizerException("cannot read the staged log: " + e.getMessage(), e);
        }
        return with(checked, found);
    }

    /** commit-msg, under {@code Entry identity: author}: the owned paths the staged change touches. */
    static void commitMsg(
            GitRepo git, List<FileChange> changes, ChangeContext context, Severities severities, GitChecks.Collector c)
            throws IOException {
        Contract before = context.contract();
        Severity s = severities.of(PathOwner.INFO.id());
        if (before.settings().entryIdentity() != IdentityMode.AUTHOR || s == Severity.OFF) {
            return;
        }
        PathOwner.judge(
                Committer.byEmail(before, hookAuthor(git)),
                context.policies(),
                changes,
                context::verdict,
                null,
                (change, path, problem) -> {
                    if (problem != null) {
                        c.accept(new Diagnostic(change.path(), 1, 1, PathOwner.INFO.id(), s, problem));
                    }
                });
    }

    /** The author e-mail of the commit being made. */
    private static String hookAuthor(GitRepo git) {
        String env = System.getenv("GIT_AUTHOR_EMAIL");
        return env != null && !env.isBlank() ? env : git.config("user", null, "email");
    }

    private static GitChecks.Result with(GitChecks.Result r, List<Diagnostic> more) {
        if (more.isEmpty()) {
            return r;
        }
        List<Diagnostic> all = new ArrayList<>(r.diagnostics());
        int errors = 0;
        int warnings = 0;
        for (Diagnostic d : more) {
            all.add(d);
            if (d.severity() == Severity.ERROR) {
                errors++;
            } else {
                warnings++;
            }
        }
        return new GitChecks.Result(
                List.copyOf(all), r.summary().plus(new FileSummary(0, errors, warnings)), r.placed());
    }
}
