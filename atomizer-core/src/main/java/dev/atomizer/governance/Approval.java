package dev.atomizer.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The approval a commit message carries in its trailers (the last paragraph of {@code Key: value}
 * lines, as {@code git interpret-trailers} reads them): {@code Change-Request: <id>} and one or
 * more {@code Approved-by: <approver id>}; or, in a later commit signed by the approver,
 * {@code Approves: <change request id>}. Comment lines ({@code #}) are ignored, as git strips them.
 * Values are kept as written: an approver is named by its id exactly.
 */
public record Approval(String changeRequest, List<String> approvedBy, List<String> approves) {

    public static final Approval NONE = new Approval(null, List.of(), List.of());

    public static Approval parse(String message) {
        List<String> lines = new ArrayList<>();
        for (String l : message.split("\r?\n", -1)) {
            if (l.startsWith("# ------------------------ >8 ------------------------")) {
                break; // git's scissors line: everything below is dropped
            }
            if (!l.startsWith("#")) {
                lines.add(l);
            }
        }
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        int start = end;
        while (start > 0 && !lines.get(start - 1).isBlank()) {
            start--;
        }
        if (start == 0) {
            return NONE; // a one-paragraph message is all subject and body, no trailers
        }
        String cr = null;
        List<String> by = new ArrayList<>();
        List<String> approves = new ArrayList<>();
        for (String l : lines.subList(start, end)) {
            int colon = l.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = l.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = l.substring(colon + 1).trim();
            if (key.equals("change-request") && !value.isEmpty()) {
                cr = value;
            } else if (key.equals("approved-by") && !value.isEmpty()) {
                by.add(value);
            } else if (key.equals("approves") && !value.isEmpty()) {
                approves.add(value);
            }
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
