package dev.atomizer.governance;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Revision;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.contract.Policy;
import dev.atomizer.git.FileChange;
import dev.atomizer.lint.Report;
import java.io.IOException;

/**
 * "a revision of a report is added without an approval, or beside nothing it could supersede": a
 * write-once report is corrected by a revision beside it ({@link Revision}: {@code …-report.r2.md}),
 * which supersedes it for every reader, so adding one is a governed change like an edit of a
 * foundational document. The first report of a week or a project stays free to add.
 */
@AutoService(Rule.class)
public final class ReportRevision extends ChangeRule {

    @Override
    public boolean needsApproval() {
        return true;
    }

    @Override
    public void check(ChangeContext context, FileChange change, Report report) throws IOException {
        if (change.kind() != FileChange.Kind.ADD
                && change.kind() != FileChange.Kind.COPY
                && change.kind() != FileChange.Kind.RENAME) {
            return;
        }
        String path = change.newPath();
        Revision r = Revision.parse(path);
        if (r == null || !context.policies().is(path, Policy.WRITE_ONCE)) {
            return;
        }
        String what = change.kind() == FileChange.Kind.RENAME ? "made by renaming " + change.oldPath() : "added";
        String before = r.supersedes();
        // the PDF of a revision stands beside the markdown it was made from, with or without an earlier PDF
        String markdown = before.replaceFirst("\\.[^./]+$", ".md");
        if (context.after().read(before) == null && context.after().read(markdown) == null) {
            report.at(
                    1,
                    1,
                    path + " is revision " + r.number() + " of " + r.original() + " and was " + what + ", but "
                            + r.supersedes() + ", which it would supersede, is not there: revisions are numbered"
                            + " in order beside the report they correct; remove it and write the revision with "
                            + command(path));
            return;
        }
        ApprovalVerdict verdict = context.verdict();
        if (!verdict.approved()) {
            report.at(
                    1,
                    1,
                    path + " is revision " + r.number() + " of " + r.original() + " (superseding " + r.supersedes()
                            + ") and was " + what + " without an approved change request (" + verdict.problem()
                            + "); a revision replaces a report for its readers: "
                            + (context.committed() ? context.undo(path) + "; " : "") + context.approvalHint());
        }
    }

    private static String command(String path) {
        String c = Revision.reviseCommand(path);
        return c == null ? "'atomizer report … --revise --reason \"…\"'" : "'" + c + "'";
    }

    public ReportRevision() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("report-revision", Severity.ERROR, "change", "commit-msg", "verify")
            .fires(
                    "a revision of a write-once report (`…-report.r2.md`, `…-closeout.r3.md`: `.rN` before the extension, N from 2) is added without an approval (as for `immutable-path`), or without the report or revision it supersedes beside it; the first report of a week or project is free to add")
            .fix(
                    "Add the trailers 'Change-Request: <id>' and 'Approved-by: <approver>' to the commit message, or remove the revision; a commit that exists (verify) is undone with 'git revert <commit>' and, to keep the revision, made again with the trailers (as for `immutable-path`).")
            .protects(
                    "Reports people have read are superseded only with an approval, and only beside the report they correct.");
}
