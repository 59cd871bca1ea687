package dev.atomizer.governance;

import dev.atomizer.contract.Contract;
import dev.atomizer.git.Tree;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * What a governance rule sees besides the change itself.
 *
 * @param contract the contract before the change (its governed paths and approvers rule the change)
 * @param approval the commit's approval trailers, or null when not known yet (pre-commit: the
 *                 message does not exist; approval rules run in commit-msg)
 * @param after    the files after the change
 * @param derived  what the generator would make of derived files
 */
public record ChangeContext(Contract contract, Policies policies, Approval approval, Tree after, DerivedFiles derived,
                            Map<String, AppendCheck> appendChecks) {

    public ChangeContext(Contract contract, Approval approval, Tree after, DerivedFiles derived) {
        this(contract, new Policies(contract), approval, after, derived, new HashMap<>());
    }

    /** The append check of a modified append-only file, computed once per path. */
    public AppendCheck appendCheck(dev.atomizer.git.FileChange change) throws IOException {
        AppendCheck c = appendChecks.get(change.path());
        if (c == null) {
            c = AppendCheck.compare(change.oldContent().bytes(), change.newContent().bytes());
            appendChecks.put(change.path(), c);
        }
        return c;
    }

    /** "Change-Request: <id>" and "Approved-by: <approver>" trailers, with the approvers the contract lists. */
    public String approvalHint() {
        return "add the trailers 'Change-Request: <id>' and 'Approved-by: <approver>' to the commit message (approvers: "
                + String.join(", ", contract.approvers()) + ")";
    }
}
