package dev.atomizer.governance;

import dev.atomizer.contract.Contract;
import dev.atomizer.git.Tree;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a governance rule sees besides the change itself.
 *
 * @param contract the contract before the change (its governed paths and approvers rule the change)
 * @param approval the commit's approval trailers, or null when not known yet (pre-commit: the
 *                 message does not exist; approval rules run in commit-msg)
 * @param signatures the signatures that can carry the approval (verify), or null: the trailers
 *                 alone are judged (commit-msg)
 * @param after    the files after the change
 * @param derived  what the generator would make of derived files
 * @param resumes  where versions of the log already read may be resumed from
 * @param deferred when the approval comes later (pre-commit: the message does not exist yet), where
 *                 a rule leaves what only an approval can allow (an amendment of the log); else null
 * @param judge    decides whether the change is approved, or null: by the approval's trailers (and
 *                 signatures) under the contract; the range's net effect is approved by the range's
 *                 approved commits instead ({@link RangeVerification})
 */
public record ChangeContext(
        Contract contract,
        Policies policies,
        Approval approval,
        Signatures signatures,
        Tree after,
        DerivedFiles derived,
        Map<String, AppendCheck> appendChecks,
        LogResumes resumes,
        List<Deferred> deferred,
        Judge judge) {

    /** Decides whether a change is approved. */
    @FunctionalInterface
    public interface Judge {
        ApprovalVerdict verdict() throws IOException;
    }

    /** A finding that stands unless the commit's trailers approve the change. */
    public record Deferred(String path, int line, String message) {}

    public ChangeContext(Contract contract, Approval approval, Tree after, DerivedFiles derived) {
        this(contract, approval, null, after, derived);
    }

    public ChangeContext(
            Contract contract, Approval approval, Signatures signatures, Tree after, DerivedFiles derived) {
        this(contract, approval, signatures, after, derived, LogResumes.inMemory());
    }

    public ChangeContext(
            Contract contract,
            Approval approval,
            Signatures signatures,
            Tree after,
            DerivedFiles derived,
            LogResumes resumes) {
        this(
                contract,
                new Policies(contract),
                approval,
                signatures,
                after,
                derived,
                new HashMap<>(),
                resumes,
                null,
                null);
    }

    /** Whether the change is approved (see {@link Approvals}); signatures are read on first need. */
    public ApprovalVerdict verdict() throws IOException {
        return judge != null ? judge.verdict() : Approvals.judge(approval, contract, signatures);
    }

    /** The append check of a modified append-only file, computed once per path. */
    public AppendCheck appendCheck(dev.atomizer.git.FileChange change) throws IOException {
        AppendCheck c = appendChecks.get(change.path());
        if (c == null) {
            // a log that was not a file (a symlink, a submodule) before: all of it is new
            byte[][] both = change.oldContent().notAFile() != null
                    ? new byte[][] {new byte[0], change.newContent().bytes()}
                    : bothVersions(change);
            c = AppendCheck.compare(
                    change.path(),
                    both[0],
                    both[1],
                    resumes.of(change.oldContent().id()));
            if (c.appendOnly()) {
                resumes.remember(change.oldContent().id(), c.resumeOld());
                resumes.remember(change.newContent().id(), c.resumeNew());
            }
            appendChecks.put(change.path(), c);
        }
        return c;
    }

    /**
     * The old and the new version, read at once: inflating the two (megabytes for a long log) is
     * most of an append check's cost, and the machine has a second core.
     */
    private static byte[][] bothVersions(dev.atomizer.git.FileChange change) throws IOException {
        byte[][] both = new byte[2][];
        Throwable[] failed = new Throwable[1];
        Thread old = new Thread(
                () -> {
                    try {
                        both[0] = change.oldContent().bytes();
                    } catch (IOException | RuntimeException e) {
                        failed[0] = e;
                    }
                },
                "atomizer-read-old");
        old.setDaemon(true);
        old.start();
        both[1] = change.newContent().bytes();
        try {
            old.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading " + change.oldPath());
        }
        if (failed[0] instanceof IOException e) {
            throw e;
        }
        if (failed[0] instanceof RuntimeException e) {
            throw e;
        }
        return both;
    }

    /**
     * Stands for the commit a finding of {@code verify} names: {@link RangeVerification} puts the
     * commit's short id in its place, so a quoted command can be run as it is.
     */
    public static final String COMMIT = "<commit>";

    /** True when a commit of a range is judged ({@code verify}): it exists, a new commit fixes it. */
    public boolean committed() {
        return signatures != null && judge == null;
    }

    /** True when a range's net effect on its base is judged ({@code verify}). */
    public boolean netEffect() {
        return judge != null;
    }

    /**
     * How to undo the change to {@code path}: in the hooks, restore HEAD's version (the change is
     * only staged); in {@code verify}, a new commit that undoes the named one (history is not
     * rewritten, and the hooks take it: it puts back what the main line has).
     */
    public String undo(String path) {
        if (netEffect()) {
            return "put back in a new commit what the base has at " + path;
        }
        if (committed()) {
            return "undo it in a new commit with 'git revert --no-edit " + COMMIT + "'";
        }
        return "restore it with 'git checkout HEAD -- " + path + "'";
    }

    /**
     * "Change-Request: &lt;id&gt;" and "Approved-by: &lt;approver id&gt;" trailers, with the approvers the
     * contract lists: on the commit being made (the hooks), or, for a commit that exists
     * ({@code verify}), on a new commit that makes the change again once it is undone.
     */
    public String approvalHint() {
        String approvers = "(approvers: " + String.join(", ", contract.approvers()) + ")";
        String hint;
        if (committed()) {
            hint = "to keep the change, approve it: undo it with 'git revert --no-edit " + COMMIT
                    + "', then make it again with the trailers: 'git cherry-pick --no-commit " + COMMIT
                    + "' and 'git commit -C " + COMMIT
                    + " --trailer \"Change-Request: <id>\" --trailer \"Approved-by: <approver id>\"' " + approvers;
        } else if (netEffect()) {
            hint = "to keep the change, make it in a commit of the range with the trailers 'Change-Request: <id>' and"
                    + " 'Approved-by: <approver id>' " + approvers;
        } else {
            hint = "add the trailers 'Change-Request: <id>' and 'Approved-by: <approver id>' to the commit message "
                    + approvers;
        }
        if (!contract.approverKeys().isEmpty()) {
            hint += "; an approver with a key signs that commit (git commit -S) or a later one with 'Approves: <id>'";
        }
        return hint;
    }
}
