package dev.atomizer.governance;

import dev.atomizer.contract.GovernedPath;
import dev.atomizer.contract.Policy;
import dev.atomizer.git.FileChange;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;

/**
 * spec: "a foundational path is added, modified, renamed or deleted without an approval
 * (trailers `Change-Request: <id>` and `Approved-by: <approver>` naming an approver the contract lists)".
 */
public final class ImmutablePath implements ChangeRule {

    @Override
    public String id() {
        return RuleCatalog.IMMUTABLE_PATH;
    }

    @Override
    public boolean needsApproval() {
        return true;
    }

    @Override
    public void check(ChangeContext context, FileChange change, Report report) {
        GovernedPath old = immutable(context, change.oldPath());
        GovernedPath neu = immutable(context, change.newPath());
        if (old == null && neu == null) {
            return;
        }
        Approval a = context.approval();
        if (a.grantedBy(context.contract().approvers())) {
            return;
        }
        GovernedPath g = old != null ? old : neu;
        // a rename out of a foundational path is told from the side that is foundational
        String path = old != null ? change.oldPath() : change.path();
        String what = switch (change.kind()) {
            case ADD, COPY -> "added";
            case MODIFY -> "modified";
            case DELETE -> "deleted";
            case RENAME -> old != null ? "renamed to " + change.newPath() : "renamed from " + change.oldPath();
        };
        String missing = a.changeRequest() == null ? "no 'Change-Request:' trailer"
                : a.approvedBy().isEmpty() ? "no 'Approved-by:' trailer"
                : "'Approved-by: " + String.join(", ", a.approvedBy()) + "' names no listed approver";
        report.at(1, 1, path + " is foundational (" + g.pattern() + ", immutable) and was " + what
                + " without an approved change request (" + missing + "); " + context.approvalHint());
    }

    private static GovernedPath immutable(ChangeContext context, String path) {
        GovernedPath g = context.policies().of(path);
        return g != null && g.policy() == Policy.IMMUTABLE ? g : null;
    }
}
