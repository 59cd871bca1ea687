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
 * "a knowledge-base file is deleted or truncated without approval" (the knowledge base is
 * accumulative). A move out of the accumulative paths is a deletion there, and a move within them
 * that cuts the file is a truncation, whatever git's rename detection paired.
 */
@AutoService(Rule.class)
public final class NoDelete extends ChangeRule {

    @Override
    public boolean needsApproval() {
        return true;
    }

    @Override
    public boolean needsApproval(ChangeContext context, FileChange change) {
        return !RegularFile.applies(context.policies(), change, Policy.NO_DELETE);
    }

    @Override
    public void check(ChangeContext context, FileChange change, Report report) throws IOException {
        String notAFile = RegularFile.problem(
                context.policies(),
                change,
                Policy.NO_DELETE,
                "accumulative (no-delete)",
                "add the file itself, as a regular file, not a link to one",
                context.undo(change.newPath()));
        if (notAFile != null) {
            report.at(1, 1, notAFile);
            return;
        }
        String loss = loss(context.policies(), change);
        if (loss == null) {
            return;
        }
        ApprovalVerdict verdict = context.verdict();
        if (!verdict.approved()) {
            report.at(
                    1,
                    1,
                    change.oldPath() + " is accumulative (no-delete) and " + loss + " without approval ("
                            + verdict.problem() + "); " + context.undo(change.oldPath()) + "; or "
                            + context.approvalHint());
        }
    }

    /**
     * What {@code change} takes from a no-delete path ("was deleted", "was moved out to x", "shrank
     * from 120 to 96 bytes"), or null when it takes nothing: the one definition the rule and the
     * Auditor's list of protected changes share.
     */
    public static String loss(Policies policies, FileChange change) throws IOException {
        if (!policies.is(change.oldPath(), Policy.NO_DELETE)) {
            return null;
        }
        String notAFile = change.newNotAFile();
        return switch (change.kind()) {
            case DELETE -> "was deleted";
            case RENAME ->
                !policies.is(change.newPath(), Policy.NO_DELETE)
                        ? "was moved out to " + change.newPath() + " (a deletion there)"
                        : notAFile != null
                                ? "was renamed to " + change.newPath() + ", " + notAFile + " (a deletion of the file)"
                                : shrink(change, "was renamed to " + change.newPath() + " and ");
            case MODIFY ->
                change.replacesAFile()
                        ? "was replaced by " + notAFile + " (a deletion of the file)"
                        : shrink(change, "");
            default -> null;
        };
    }

    /** How much a file shrank; nothing when a side is not a regular file (a symlink's bytes are its target's path). */
    private static String shrink(FileChange change, String prefix) throws IOException {
        if (change.oldContent().notAFile() != null || change.newContent().notAFile() != null) {
            return null;
        }
        long before = change.oldContent().bytes().length;
        long after = change.newContent().bytes().length;
        return after < before ? prefix + "shrank from " + before + " to " + after + " bytes" : null;
    }

    public NoDelete() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("no-delete", Severity.ERROR, "change", "commit-msg", "verify")
            .fires(
                    "a knowledge-base file is deleted, moved out of the knowledge base (a deletion there), or shrinks (a rename within it that cuts the file included) without approval (as for `immutable-path`); a knowledge-base file replaced by a symlink or a submodule (a deletion of the file), or one added as such, with or without approval (pre-commit refuses these already)")
            .fix(
                    "Restore the file ('git checkout HEAD -- <path>' before the commit, 'git revert <commit>' after it), or add the approval trailers 'Change-Request: <id>' and 'Approved-by: <approver>' (to a commit that exists: reverted, then made again with them, as for `immutable-path`).")
            .protects("A knowledge base that accumulates: nothing learned is lost without an approval.");
}
