package dev.atomizer.audit;

import dev.atomizer.contract.GovernedPath;
import dev.atomizer.git.CommitInfo;
import dev.atomizer.governance.Approval;
import dev.atomizer.governance.ApprovalVerdict;

/**
 * A commit's change to a path whose policy restricts changes (immutable, write-once, no-delete, and
 * an amendment of an append-only log), with the approval its trailers carry.
 *
 * @param change   what happened: added, modified, deleted, renamed from …, shrank …
 * @param rule     the governed-paths row of the contract before the commit
 * @param approval the commit's {@code Change-Request:} and {@code Approved-by:} trailers, as written
 * @param verdict  whether they approve the change (as verify judges it: exact ids, keys, signatures), and how or why not
 */
public record ProtectedChange(
        CommitInfo commit, String path, String change, GovernedPath rule, Approval approval, ApprovalVerdict verdict) {

    /** A change request is named and a listed approver approved it, as the contract requires. */
    public boolean approved() {
        return verdict.approved();
    }

    /** The approver whose approval counts, or null. */
    public String approver() {
        return verdict.approver();
    }
}
