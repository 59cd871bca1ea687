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

    /**
     * The per-commit findings verify keeps as errors whatever the net effect says: who made a
     * commit is a fact of that commit, which no later commit of the range changes.
     */
    static boolean carried(String rule) {
        return rule.equals(EntryIdentity.INFO.id()) || rule.equals(PathOwner.INFO.id());
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
     * verify: one commit of the range, its own changes measured from {@code reference} (its first
     * parent that is not foreign), under {@code governing}.
     *
     * @param prefix put before each message: the commit
     */
    static List<Diagnostic> commit(
            GitRepo git,
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
        Severity entries = severities.of(EntryIdentity.INFO.id());
        Severity owners = severities.of(PathOwner.INFO.id());
        if (entries == Severity.OFF && owners == Severity.OFF) {
            return out;
        }
        Committer who = committer(git, c.id(), governing, signatures);
        boolean merge = c.isMerge() && reference.equals(c.parents().get(0));
        List<FileChange> changes = merge ? mergeOwn(git, c, governing) : changes(git, c, reference);
        if (entries != Severity.OFF && !merge) {
            // a merge appends nothing of its own: its parents' entries were judged at their commits,
            // and anything else fails append-only there
            EntryIdentity.check(who, governing, NewEntries.of(changes), entries, prefix, true, out::add);
        }
        if (owners != Severity.OFF) {
            PathOwner.check(who, new Policies(governing), changes, verdict, owners, prefix, true, out::add);
        }
        return out;
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
            EntryIdentity.check(
                    Committer.byEmail(before, hookAuthor(git)),
                    before,
                    NewEntries.of(changes),
                    s,
                    "",
                    false,
                    found::add);
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
        PathOwner.check(
                Committer.byEmail(before, hookAuthor(git)),
                context.policies(),
                changes,
                context::verdict,
                s,
                "",
                false,
                c);
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
