package dev.atomizer.governance;

import dev.atomizer.contract.Policy;
import dev.atomizer.git.FileChange;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;
import java.io.IOException;

/** spec: "a knowledge-base file is deleted or truncated without approval" (the knowledge base is accumulative). */
public final class NoDelete implements ChangeRule {

    @Override
    public String id() {
        return RuleCatalog.NO_DELETE;
    }

    @Override
    public boolean needsApproval() {
        return true;
    }

    @Override
    public void check(ChangeContext context, FileChange change, Report report) throws IOException {
        if (!context.policies().is(change.oldPath(), Policy.NO_DELETE)) {
            return;
        }
        if (change.kind() == FileChange.Kind.DELETE) {
            ApprovalVerdict verdict = context.verdict();
            if (!verdict.approved()) {
                report.at(1, 1, change.oldPath() + " is accumulative (no-delete) and was deleted without approval ("
                        + verdict.problem() + "); " + context.approvalHint() + ", or restore it");
            }
        } else if (change.kind() == FileChange.Kind.MODIFY) {
            long before = change.oldContent().bytes().length;
            long after = change.newContent().bytes().length;
            if (after < before) {
                ApprovalVerdict verdict = context.verdict();
                if (!verdict.approved()) {
                    report.at(1, 1, change.oldPath() + " is accumulative (no-delete) and shrank from " + before + " to "
                            + after + " bytes without approval (" + verdict.problem() + "); " + context.approvalHint());
                }
            }
        }
    }
}
