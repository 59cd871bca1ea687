package dev.atomizer.governance;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.contract.Contract;
import dev.atomizer.git.CommitInfo;
import dev.atomizer.git.FileChange;
import dev.atomizer.lint.Report;

/**
 * "a commit of the range has a parent whose history never reaches the base": a crafted root
 * commit, or an unrelated history, merged in without approval. Judged over the range by
 * {@link RangeVerification}; a single change has no parents to judge.
 */
@AutoService(Rule.class)
public final class ForeignHistory extends ChangeRule {

    @Override
    public boolean needsApproval() {
        return true;
    }

    @Override
    public void check(ChangeContext context, FileChange change, Report report) {
        // a range rule: see RangeVerification
    }

    /** The finding for {@code merge}'s parent number {@code position} (1-based), which is foreign. */
    static String message(
            CommitInfo merge,
            int position,
            CommitInfo parent,
            CommitInfo root,
            ApprovalVerdict verdict,
            Contract governing) {
        String which = position == 1 ? "first" : position == 2 ? "second" : "parent number " + position + " of the";
        String from = root.id().equals(parent.id())
                ? "a root commit with no history"
                : "history that starts at the root commit " + root.shortId() + ", not at the base";
        return "this " + (merge.isMerge() ? "merge" : "commit") + "'s " + which + " parent " + parent.shortId()
                + " is not in the reviewed history (" + from + "): what it brings counts as this commit's own change"
                + " and is judged against its other parents; merge only history that shares the base, or approve the"
                + " import (" + verdict.problem() + "): add the trailers 'Change-Request: <id>' and 'Approved-by:"
                + " <approver id>' (approvers: " + String.join(", ", governing.approvers()) + ")";
    }

    public ForeignHistory() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("foreign-history", Severity.ERROR, "change", "verify")
            .fires(
                    "a commit of the range has a parent whose history never reaches the base (a crafted root commit, an unrelated history) and the commit is not approved; what that parent brings is judged as the commit's own change")
            .fix(
                    "Merge only history that shares the base (rebase the work onto it), or approve the import with the trailers 'Change-Request: <id>' and 'Approved-by: <approver>'.");
}
