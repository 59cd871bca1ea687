package dev.atomizer.governance;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.contract.GovernedPath;
import dev.atomizer.contract.Policy;
import dev.atomizer.git.FileChange;
import dev.atomizer.lint.Report;

/**
 * "a foundational path is added, modified, renamed or deleted without an approval
 * (trailers {@code Change-Request: <id>} and {@code Approved-by: <approver id>} naming an approver the contract lists;
 * see {@link Approvals} for keys and signatures)".
 */
@AutoService(Rule.class)
public final class ImmutablePath extends ChangeRule {

    @Override
    public boolean needsApproval() {
        return true;
    }

    @Override
    public boolean needsApproval(ChangeContext context, FileChange change) {
        return !RegularFile.applies(context.policies(), change, Policy.IMMUTABLE);
    }

    @Override
    public void check(ChangeContext context, FileChange change, Report report) throws java.io.IOException {
        GovernedPath old = immutable(context, change.oldPath());
        GovernedPath neu = immutable(context, change.newPath());
        String notAFile = neu == null
                ? null
                : RegularFile.problem(
                        context.policies(),
                        change,
                        Policy.IMMUTABLE,
                        "foundational (" + neu.pattern() + ", immutable)",
                        "commit the document itself, as a regular file",
                        context.undo(change.newPath()));
        if (notAFile != null) {
            report.at(1, 1, notAFile);
            return;
        }
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
        report.at(
                1,
                1,
                path + " is foundational (" + g.pattern() + ", immutable) and was " + what
                        + " without an approved change request (" + verdict.problem() + "); "
                        + (context.committed() ? context.undo(path) + "; " : "") + context.approvalHint());
    }

    private static GovernedPath immutable(ChangeContext context, String path) {
        GovernedPath g = context.policies().of(path);
        return g != null && g.policy() == Policy.IMMUTABLE ? g : null;
    }

    public ImmutablePath() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("immutable-path", Severity.ERROR, "change", "commit-msg", "verify")
            .fires(
                    "a foundational path is added, modified, renamed or deleted without an approval: the trailers `Change-Request: <id>` and `Approved-by: <approver id>` naming an approver of the contract by its id, exactly (`ceo` is built in), and, for an approver with a key, a commit signed with that key (see docs/reference.md, Approvals); a foundational path made or added as a symlink or a submodule, with or without approval (pre-commit refuses these already)")
            .fix(
                    "Add the trailers 'Change-Request: <id>' and 'Approved-by: <approver>' (an approver of the contract) to the commit message. A commit that exists (verify) is not approved afterwards: undo it in a new commit ('git revert <commit>') and, to keep the change, make it again in a commit with the trailers ('git cherry-pick --no-commit <commit>', then 'git commit -C <commit> --trailer …').")
            .protects(
                    "Foundational documents (the contract, charters, protocols, the build and CI that run the gate) change only with a named approver.");
}
