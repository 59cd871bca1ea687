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
        // a later commit cannot change a commit's parents: the way on is the merge made again, on a
        // new branch from a parent in the reviewed history (no history rewritten, nothing forced)
        String other = merge.parents().stream()
                .filter(p -> !p.equals(parent.id()))
                .findFirst()
                .map(p -> p.substring(0, Math.min(10, p.length())))
                .orElse(merge.shortId() + "^1");
        return "this " + (merge.isMerge() ? "merge" : "commit") + "'s " + which + " parent " + parent.shortId()
                + " is not in the reviewed history (" + from + "): what it brings counts as this commit's own change"
                + " and is judged against its other parents, and no later commit changes that (" + verdict.problem()
                + "); merge again on a new branch from " + other + " ('git checkout -b <new-branch> " + other
                + "'), taking only history that shares the base, or approving the import: 'git merge --no-commit"
                + " --allow-unrelated-histories " + parent.shortId() + "', then 'git commit --no-edit --trailer"
                + " \"Change-Request: <id>\" --trailer \"Approved-by: <approver id>\"' (approvers: "
                + String.join(", ", governing.approvers()) + ")";
    }

    public ForeignHistory() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("foreign-history", Severity.ERROR, "change", "verify")
            .fires(
                    "a commit of the range has a parent whose history never reaches the base (a crafted root commit, an unrelated history) and the commit is not approved; what that parent brings is judged as the commit's own change")
            .fix(
                    "A later commit cannot change a merge's parents: merge again on a new branch from the merge's parent in the reviewed history, taking only history that shares the base, or approving the import (the merge committed with the trailers 'Change-Request: <id>' and 'Approved-by: <approver>'); verify and push that branch instead.")
            .protects(
                    "The reviewed history: what a merge brings from history that never met the base is that merge's own change, so nothing slips in through a crafted root commit.");
}
