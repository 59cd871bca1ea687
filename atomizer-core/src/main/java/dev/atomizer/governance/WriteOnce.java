package dev.atomizer.governance;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.contract.Policy;
import dev.atomizer.git.FileChange;
import dev.atomizer.lint.Report;

/**
 * "an existing generated report is modified, renamed or deleted" (reports are snapshots); a report
 * is corrected by an approved revision beside it ({@link ReportRevision}). A report added is
 * {@link NotGenerated}'s to judge: it must be the one the generator makes of the same state.
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
                "write the report itself, as a regular file ('atomizer report' writes one)",
                context.undo(change.newPath()));
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
        String revise = dev.atomizer.api.Revision.reviseCommand(change.oldPath());
        report.at(
                1,
                1,
                change.oldPath() + " is a report snapshot (write-once) and was " + what
                        + "; reports are immutable once generated: " + context.undo(change.oldPath())
                        + (revise == null
                                ? " and write a corrected report beside it"
                                : "; to correct it, write its next revision beside it with '" + revise
                                        + "' and commit that with the trailers 'Change-Request: <id>' and"
                                        + " 'Approved-by: <approver id>'"));
    }

    public WriteOnce() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("write-once", Severity.ERROR, "change", "pre-commit", "verify")
            .fires(
                    "an existing report is modified, renamed or deleted (replaced by a symlink or a submodule included); a symlink or a submodule is added as a report")
            .fix(
                    "Restore the report ('git checkout HEAD -- <path>' before the commit, 'git revert <commit>' after it); reports are written once, a correction is a revision beside it ('atomizer report weekly --week W --revise --reason \"…\"', committed with an approval).")
            .protects(
                    "Reports as they were sent: a weekly or closeout report is a snapshot of what people were told, never edited afterwards.");
}
