package dev.atomizer.governance;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.contract.Policy;
import dev.atomizer.git.FileChange;
import dev.atomizer.lint.Report;
import java.io.IOException;

/**
 * "an existing byte of the log changed: an entry edited, deleted, reordered or inserted
 * above the end. The message names the first entry that differs."
 */
@AutoService(Rule.class)
public final class AppendOnly extends ChangeRule {

    @Override
    public void check(ChangeContext context, FileChange change, Report report) throws IOException {
        String notAFile = RegularFile.problem(
                context.policies(),
                change,
                Policy.APPEND_ONLY,
                "append-only",
                "add the log itself, as a regular file",
                context.undo(change.newPath()));
        if (notAFile != null) {
            report.at(1, 1, notAFile);
            return;
        }
        if (!context.policies().is(change.oldPath(), Policy.APPEND_ONLY)) {
            return;
        }
        String restore = context.undo(change.oldPath()) + " and append your entries (a correcting entry, not an edit)";
        switch (change.kind()) {
            case DELETE -> report.at(1, 1, change.oldPath() + " is append-only and was deleted; " + restore);
            case RENAME ->
                report.at(
                        1,
                        1,
                        change.oldPath() + " is append-only and was renamed to " + change.newPath() + "; " + restore);
            case MODIFY -> {
                AppendCheck c = context.appendCheck(change);
                if (!c.appendOnly() && context.moves().archived()) {
                    return; // entries moved into an archive: entry-move's to judge
                }
                if (!c.appendOnly()) {
                    String where = c.entryHeading() == null
                            ? "in the preamble"
                            : "in the entry '" + c.entryHeading() + "' (line " + c.entryLine() + ")";
                    String edited = "the log is append-only: line " + c.changedLine() + " " + where
                            + " was changed, removed or moved";
                    if (context.deferred() != null) {
                        // an amendment, if the commit message approves it: commit-msg judges
                        context.deferred().add(new ChangeContext.Deferred(change.oldPath(), c.changedLine(), edited));
                    } else if (context.approval() == null) {
                        report.at(
                                c.changedLine(),
                                1,
                                edited + "; existing entries never change: " + restore
                                        + ", or commit the repair as an amendment approved by trailers");
                    } else {
                        ApprovalVerdict verdict = context.verdict();
                        if (!verdict.approved()) {
                            report.at(c.changedLine(), 1, amendment(edited, verdict, context, restore));
                        }
                    }
                }
            }
            default -> {}
        }
    }

    /** The finding for an edit of the log that no approval allows. */
    static String amendment(String edited, ApprovalVerdict verdict, ChangeContext context, String restore) {
        return edited + " without an approved amendment (" + verdict.problem() + "): " + restore
                + "; or, to repair a committed entry, keep the edit: " + context.approvalHint();
    }

    public AppendOnly() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of(
                    "append-only", Severity.ERROR, "change", "pre-commit", "commit-msg", "verify")
            .fires(
                    "an existing byte of the log changed — an entry edited, deleted, reordered or inserted above the end (trailing whitespace at the old end is tolerated) — without an approved amendment (the commit's `Change-Request:` and `Approved-by:` trailers, as for foundational documents; see docs/governance.md, Amending the log); the log deleted, renamed, or made (or added as) a symlink or a submodule; the message names the first entry that differs")
            .fix(
                    "Restore the existing entries and append a correcting entry at the end instead: before the commit exists, 'git checkout HEAD -- shared/project_log.md' (then append again); once committed (verify), a new commit that undoes it, 'git revert <commit>'. Or repair a committed entry in place by an amendment approved with the trailers 'Change-Request: <id>' and 'Approved-by: <approver>' (for a commit that exists: reverted, then made again with them).")
            .protects(
                    "The log as a record: what was written stays written, so the history the dashboards and the Auditor read cannot be rewritten quietly; a correction is a new entry, or an approved amendment.");
}
