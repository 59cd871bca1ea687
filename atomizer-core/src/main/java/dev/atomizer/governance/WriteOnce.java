package dev.atomizer.governance;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.contract.Policy;
import dev.atomizer.git.FileChange;
import dev.atomizer.lint.Report;

/**
 * "an existing generated report is modified, renamed or deleted" (reports are snapshots). A report
 * added is {@link NotGenerated}'s to judge: it must be the one the generator makes of the same state.
 */
@AutoService(Rule.class)
public final class WriteOnce extends ChangeRule {

    @Override
    public void check(ChangeContext context, FileChange change, Report report) {
        String notAFile = RegularFile.problem(
                context.policies(),
                change,
                Policy.WRITE_ONCE,
                "a report snapshot (write-once)",
                "write the report itself, as a regular file ('atomizer report' writes one)");
        if (notAFile != null) {
            report.at(1, 1, notAFile);
            return;
        }
        if (change.kind() == FileChange.Kind.ADD
                || change.kind() == FileChange.Kind.COPY
                || !context.policies().is(change.oldPath(), Policy.WRITE_ONCE)) {
            return;
        }
        String what = switch (change.kind()) {
            case MODIFY -> "modified";
            case DELETE -> "deleted";
            default -> "renamed to " + change.newPath();
        };
        report.at(
                1,
                1,
                change.oldPath() + " is a report snapshot (write-once) and was " + what
                        + "; reports are immutable once generated: restore it with 'git checkout HEAD -- "
                        + change.oldPath()
                        + "' and generate a new report instead");
    }

    public WriteOnce() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("write-once", Severity.ERROR, "change", "pre-commit", "verify")
            .fires(
                    "an existing report is modified, renamed or deleted (replaced by a symlink or a submodule included); a symlink or a submodule is added as a report")
            .fix("Restore the report; reports are written once, corrections go into a new report or a log entry.");
}
