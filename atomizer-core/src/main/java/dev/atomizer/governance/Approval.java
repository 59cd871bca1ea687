package dev.atomizer.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The approval a commit message carries in its trailers, read exactly as
 * {@code git interpret-trailers --parse} reads them (see {@link Trailers}): {@code Change-Request: <id>}
 * and one or more {@code Approved-by: <approver id>}; or, in a later commit signed by the approver,
 * {@code Approves: <change request id>}. Tokens match ignoring case; a trailer with an empty value
 * is ignored; of several {@code Change-Request:} trailers the last counts. Values are kept as git
 * reads them (trimmed, continuation lines folded): an approver is named by its id exactly. So a
 * {@code Key: value} line that git does not read as a trailer approves nothing — an indented
 * subject that {@code git merge --log} lists, a line in a paragraph of prose, a line above the
 * last paragraph.
 */
public record Approval(String changeRequest, List<String> approvedBy, List<String> approves) {

    public static final Approval NONE = new Approval(null, List.of(), List.of());

    public static Approval parse(String message) {
        String cr = null;
        List<String> by = new ArrayList<>();
        List<String> approves = new ArrayList<>();
        for (Trailers.Trailer t : Trailers.parse(message)) {
            String key = t.token().toLowerCase(Locale.ROOT);
            String value = t.value();
            if (value.isEmpty()) {
                continue;
            }
            switch (key) {
                case "change-request" -> cr = value;
                case "approved-by" -> by.add(value);
                case "approves" -> approves.add(value);
                default -> {}
            }
        }
        if (cr == null && by.isEmpty() && approves.isEmpty()) {
            return NONE;
        }
        return new Approval(cr, List.copyOf(by), List.copyOf(approves));
    }

    /** The Approved-by values that name an approver of {@code approvers} exactly, in trailer order. */
    public List<String> approvers(Set<String> approvers) {
        List<String> out = new ArrayList<>();
        for (String a : approvedBy) {
            if (approvers.contains(a) && !out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    /** Why an Approved-by value is not an approval: it is not an approver id, written exactly. */
    public static String notAnApprover(String value, Set<String> approvers) {
        return "'" + value + "' is not an approver id (approvers: " + String.join(", ", approvers) + ")";
    }
}
