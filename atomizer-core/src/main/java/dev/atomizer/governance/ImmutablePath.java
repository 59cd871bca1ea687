package dev.atomizer.governance;

import dev.atomizer.contract.GovernedPath;
import dev.atomizer.contract.Policy;
import dev.atomizer.git.FileChange;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;

/**
 * "a foundational path is added, modified, renamed or deleted without an approval
 * (trailers `Change-Request: <id>` and `Approved-by: <approver id>` naming an approver the contract lists;
 * see {@link Approvals} for keys and signatures)".
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
    public void check(ChangeContext context, FileChange change, Report report) throws java.io.IOException {
        GovernedPath old = immutable(context, change.oldPath());
        GovernedPath neu = immutable(context, change.newPath());
        if (old == null && neu == null) {
            return;
        }
        ApprovalVerdict verdict = context.verdict();
        if (verdict.approved()) {
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
        report.at(1, 1, path + " is foundational (" + g.pattern() + ", immutable) and was " + what
                + " without an approved change request (" + verdict.problem() + "); " + context.approvalHint());
    }

    private static GovernedPath immutable(ChangeContext context, String path) {
        GovernedPath g = context.policies().of(path);
        return g != null && g.policy() == Policy.IMMUTABLE ? g : null;
    }
}
