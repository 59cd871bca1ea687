package dev.atomizer.governance;

import dev.atomizer.contract.Policy;
import dev.atomizer.git.FileChange;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;

/** "an existing generated report is modified, renamed or deleted" (reports are snapshots). */
public final class WriteOnce implements ChangeRule {

    @Override
    public String id() {
        return RuleCatalog.WRITE_ONCE;
    }

    @Override
    public void check(ChangeContext context, FileChange change, Report report) {
        if (change.kind() == FileChange.Kind.ADD || change.kind() == FileChange.Kind.COPY
                || !context.policies().is(change.oldPath(), Policy.WRITE_ONCE)) {
            return;
        }
        String what = switch (change.kind()) {
            case MODIFY -> "modified";
            case DELETE -> "deleted";
            default -> "renamed to " + change.newPath();
        };
        report.at(1, 1, change.oldPath() + " is a report snapshot (write-once) and was " + what
                + "; reports are immutable once generated: restore it with 'git checkout HEAD -- " + change.oldPath()
                + "' and generate a new report instead");
    }
}
