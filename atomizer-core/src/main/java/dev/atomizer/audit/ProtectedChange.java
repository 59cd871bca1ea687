package dev.atomizer.audit;

import dev.atomizer.contract.GovernedPath;
import dev.atomizer.git.CommitInfo;
import dev.atomizer.governance.Approval;

/**
 * A commit's change to a path whose policy restricts changes (immutable, write-once, no-delete),
 * with the approval its trailers carry.
 *
 * @param change   what happened: added, modified, deleted, renamed from …, shrank …
 * @param rule     the governed-paths row of the contract before the commit
 * @param approval the commit's {@code Change-Request:} and {@code Approved-by:} trailers
 * @param approver the listed approver who approved it, or null when no listed approver did
 */
public record ProtectedChange(CommitInfo commit, String path, String change, GovernedPath rule, Approval approval,
                              String approver) {

    /** A change request is named and a listed approver approved it. */
    public boolean approved() {
        return approval.changeRequest() != null && approver != null;
    }
}
