package dev.atomizer.governance;

import dev.atomizer.contract.ApproverKey;
import dev.atomizer.contract.Contract;
import dev.atomizer.contract.Settings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a change is approved, under the contract of its parent (its approvers, their
 * keys and the {@code Approvals} setting — so a change cannot approve itself by adding a key):
 * <ul>
 * <li>{@code Change-Request: <id>} and {@code Approved-by: <approver id>}, the id written exactly;</li>
 * <li>an approver without a key approves by the trailer alone ("unsigned"), unless the contract
 *     sets {@code Approvals: signed};</li>
 * <li>an approver with a key approves only through a commit signed with that key: the change's own
 *     commit, or a later one of the range with {@code Approves: <id>}. The commit-msg hook cannot
 *     see a signature and judges the trailers alone; verify checks the signature.</li>
 * </ul>
 */
public final class Approvals {

    private Approvals() {}

    /**
     * @param signatures the signatures that can carry the approval (verify), or null to judge the
     *                   trailers alone (commit-msg)
     */
    public static ApprovalVerdict judge(Approval approval, Contract before, Signatures signatures) throws IOException {
        if (approval.changeRequest() == null) {
            return ApprovalVerdict.refused("no 'Change-Request:' trailer");
        }
        if (approval.approvedBy().isEmpty()) {
            return ApprovalVerdict.refused("no 'Approved-by:' trailer");
        }
        boolean signedOnly = before.settings().approvals() == Settings.ApprovalMode.SIGNED;
        List<String> why = new ArrayList<>();
        for (String by : approval.approvedBy()) {
            if (!before.approvers().contains(by)) {
                why.add(Approval.notAnApprover(by, before.approvers()));
                continue;
            }
            ApproverKey key = before.keyOf(by);
            if (key == null) {
                if (signedOnly) {
                    why.add("Approvals: signed and '" + by + "' has no key");
                    continue;
                }
                return ApprovalVerdict.approved(by, "unsigned");
            }
            if (signatures == null) {
                return ApprovalVerdict.approved(by, "by trailer; verify checks the signature");
            }
            Signatures.Evidence e = signatures.evidence(by, before);
            if (e.signed()) {
                return ApprovalVerdict.approved(by, e.how());
            }
            why.add("approved by '" + by + "', whose contract key requires a signed commit; " + e.why());
        }
        return ApprovalVerdict.refused(String.join("; ", why));
    }
}
