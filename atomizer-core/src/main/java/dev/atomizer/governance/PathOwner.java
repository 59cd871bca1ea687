package dev.atomizer.governance;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.contract.GovernedPath;
import dev.atomizer.git.FileChange;
import dev.atomizer.lint.Report;
import java.io.IOException;
import java.util.List;

/**
 * "an owned path is changed by someone else without an approval": a governed-paths row may name
 * an {@code Owner} (an agent or approver id); under {@code Entry identity: author} or {@code signed}
 * a change of its paths by a commit whose author (or signer) is not the owner needs the approval
 * trailers, as a foundational document does. A rule over commits: see {@link Identity}.
 */
@AutoService(Rule.class)
public final class PathOwner extends ChangeRule {

    public PathOwner() {
        super(INFO);
    }

    @Override
    public void check(ChangeContext context, FileChange change, Report report) {
        // a rule over who made a commit: see Identity (commit-msg and verify)
    }

    /** The verdict on the commit's approval, asked only when an owned path needs it. */
    @FunctionalInterface
    interface Verdict {
        ApprovalVerdict get() throws IOException;
    }

    /** What {@link #judge} says of one change of an owned path. */
    @FunctionalInterface
    interface Judged {
        /** @param problem why the change needs an approval it lacks, or null when it stands */
        void accept(FileChange change, String path, String problem) throws IOException;
    }

    /**
     * Judges each change of an owned path: made by its owner, or approved.
     *
     * @param commit the short id of the commit that exists (verify: the fix makes it again), or null
     */
    static void judge(
            Committer who, Policies policies, List<FileChange> changes, Verdict verdict, String commit, Judged out)
            throws IOException {
        for (FileChange c : changes) {
            String[] paths = c.oldPath() != null && c.oldPath().equals(c.newPath())
                    ? new String[] {c.newPath()}
                    : new String[] {c.oldPath(), c.newPath()};
            for (String path : paths) {
                GovernedPath g = policies.of(path);
                if (g == null || g.owner() == null) {
                    continue;
                }
                if (who.is(g.owner())) {
                    out.accept(c, path, null);
                    continue;
                }
                ApprovalVerdict v = verdict.get();
                if (v.approved()) {
                    out.accept(c, path, null);
                    continue;
                }
                String what = switch (c.kind()) {
                    case ADD, COPY -> "added";
                    case MODIFY -> "modified";
                    case DELETE -> "deleted";
                    case RENAME ->
                        path.equals(c.oldPath()) ? "renamed to " + c.newPath() : "renamed from " + c.oldPath();
                };
                String fix = commit == null
                        ? "commit it as " + g.owner() + ", or add the trailers 'Change-Request: <id>' and 'Approved-by:"
                                + " <approver id>' to the commit message"
                        : "undo it with 'git revert --no-edit " + commit + "', then make it again as " + g.owner()
                                + " or with the trailers: 'git cherry-pick --no-commit " + commit
                                + "' and 'git commit -C "
                                + commit
                                + " --trailer \"Change-Request: <id>\" --trailer \"Approved-by: <approver id>\"'";
                out.accept(
                        c,
                        path,
                        path + " is owned by " + g.owner() + " (" + g.pattern() + ") and was " + what + " "
                                + who.described() + ", without an approved change request (" + v.problem() + "); "
                                + fix);
            }
        }
    }

    public static final RuleInfo INFO = RuleInfo.of("path-owner", Severity.ERROR, "change", "commit-msg", "verify")
            .fires(
                    "under the contract's setting 'Entry identity: author' (or 'signed'), a path whose governed-paths row names an Owner (an agent or approver id) is added, modified, renamed or deleted by a commit whose author (by the Email columns) or signer (by the Key columns) is not that owner, without an approval: the trailers 'Change-Request: <id>' and 'Approved-by: <approver id>', as for a foundational path. commit-msg checks the author e-mail under 'author'; verify checks every commit, with the identities of the trusted contract governing it")
            .fix(
                    "Let the owner make the change (commit as the owner), or add the trailers 'Change-Request: <id>' and 'Approved-by: <approver>' to the commit message. For a commit that exists (verify): undo it in a new commit ('git revert --no-edit <commit>'), then make it again as the owner or with the trailers ('git cherry-pick --no-commit <commit>' and 'git commit -C <commit> --trailer \"Change-Request: <id>\" --trailer \"Approved-by: <approver id>\"').")
            .protects(
                    "Files one agent owns, such as the Manager's PROJECT_STATUS.md: nobody else rewrites them unseen.");
}
