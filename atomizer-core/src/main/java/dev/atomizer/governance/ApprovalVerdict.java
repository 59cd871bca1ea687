package dev.atomizer.governance;

/**
 * Whether a change's approval counts, and how or why not.
 *
 * @param approver the approver whose approval counts, or null when none does
 * @param how      how that approver approved: {@code unsigned} (by trailer), {@code signed (ssh)},
 *                 {@code signed in <commit> (Approves: <id>)}; null when not approved
 * @param problem  why the change is not approved, one line; null when approved
 */
public record ApprovalVerdict(String approver, String how, String problem) {

    static ApprovalVerdict approved(String approver, String how) {
        return new ApprovalVerdict(approver, how, null);
    }

    static ApprovalVerdict refused(String problem) {
        return new ApprovalVerdict(null, null, problem);
    }

    public boolean approved() {
        return approver != null;
    }
}
