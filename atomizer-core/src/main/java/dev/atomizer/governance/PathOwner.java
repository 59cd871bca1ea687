package dev.atomizer.governance;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.contract.GovernedPath;
import dev.atomizer.git.FileChange;
import dev.atomizer.lint.Report;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

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

    /**
     * Reports each change of an owned path that {@code who} does not own, unless approved.
     *
     * @param prefix   put before each message (verify: the commit), or empty
     * @param existing the commit exists (verify): the fix makes it again
     */
    static void check(
            Committer who,
            Policies policies,
            List<FileChange> changes,
            Verdict verdict,
            Severity severity,
            String prefix,
            boolean existing,
            Consumer<Diagnostic> sink)
            throws IOException {
        for (FileChange c : changes) {
            for (String path : new String[] {c.oldPath(), c.newPath()}) {
                GovernedPath g = policies.of(path);
                if (g == null || g.owner() == null || who.is(g.owner())) {
                    continue;
                }
                ApprovalVerdict v = verdict.get();
                if (!v.approved()) {
                    String what = switch (c.kind()) {
                        case ADD, COPY -> "added";
                        case MODIFY -> "modified";
                        case DELETE -> "deleted";
                        case RENAME ->
                            path.equals(c.oldPath()) ? "renamed to " + c.newPath() : "renamed from " + c.oldPath();
                    };
                    sink.accept(new Diagnostic(
                            c.path(),
                            1,
                            1,
                            INFO.id(),
                            severity,
                            prefix + path + " is owned by " + g.owner() + " (" + g.pattern() + ") and was " + what
                                    + " " + who.described() + ", without an approved change request (" + v.problem()
                                    + "); " + (existing ? "make the commit again " : "commit it ") + "as "
                                    + g.owner() + ", or with the trailers 'Change-Request: <id>' and 'Approved-by:"
                                    + " <approver>'" + (existing ? " ('git commit --amend --trailer …')" : "")));
                }
                break; // one finding a change
            }
        }
    }

    public static final RuleInfo INFO = RuleInfo.of("path-owner", Severity.ERROR, "change", "commit-msg", "verify")
            .fires(
                    "under the contract's setting 'Entry identity: author' (or 'signed'), a path whose governed-paths row names an Owner (an agent or approver id) is added, modified, renamed or deleted by a commit whose author (by the Email columns) or signer (by the Key columns) is not that owner, without an approval: the trailers 'Change-Request: <id>' and 'Approved-by: <approver id>', as for a foundational path. commit-msg checks the author e-mail under 'author'; verify checks every commit, with the identities of the trusted contract governing it")
            .fix(
                    "Let the owner make the change (commit as the owner), or add the trailers 'Change-Request: <id>' and 'Approved-by: <approver>' to the commit message. A commit that exists is made again before it reaches the base ('git commit --amend' with the trailers, or as the owner).")
            .protects(
                    "Files one agent owns, such as the Manager's PROJECT_STATUS.md: nobody else rewrites them unseen.");
}
