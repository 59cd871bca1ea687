package dev.atomizer.governance;

import dev.atomizer.contract.Contract;
import java.io.IOException;

/**
 * The signatures that can carry a keyed approver's approval of one commit: the commit's own, or a
 * later commit's of the range with {@code Approves: <change request>}. Only verify has them (git
 * signs after the commit-msg hook has run).
 */
public interface Signatures {

    /**
     * Whether {@code approver} signed the approval with its key in {@code before}, the contract of
     * the commit's parent.
     */
    Evidence evidence(String approver, Contract before) throws IOException;

    /**
     * @param signed true when the approver's key signed it
     * @param how    where (when signed)
     * @param why    why not (when not signed), one clause
     */
    record Evidence(boolean signed, String how, String why) {}
}
