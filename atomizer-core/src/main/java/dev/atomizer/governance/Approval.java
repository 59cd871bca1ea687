package dev.atomizer.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The approval a commit message carries in its trailers (the last paragraph of {@code Key: value}
 * lines, as {@code git interpret-trailers} reads them): {@code Change-Request: <id>} and one or
 * more {@code Approved-by: <approver>}. Comment lines ({@code #}) are ignored, as git strips them.
 */
public record Approval(String changeRequest, List<String> approvedBy) {

    public static final Approval NONE = new Approval(null, List.of());

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
            }
        }
        return new Approval(cr, List.copyOf(by));
    }

    /** Approved: a change request is named and someone the contract lists approved it. */
    public boolean grantedBy(Set<String> approvers) {
        return changeRequest != null && approver(approvers) != null;
    }

    /**
     * The first Approved-by naming a listed approver: the id itself ({@code ceo}), or git's
     * {@code Name <email>} form, matched by the name's first word or the email's local part.
     */
    public String approver(Set<String> approvers) {
        for (String a : approvedBy) {
            String v = a.trim().toLowerCase(Locale.ROOT);
            List<String> candidates = new ArrayList<>();
            candidates.add(v);
            candidates.add(v.split("[\\s<]", 2)[0]);
            int lt = v.indexOf('<');
            int at = v.indexOf('@', Math.max(lt, 0));
            if (lt >= 0 && at > lt) {
                candidates.add(v.substring(lt + 1, at));
            }
            for (String id : candidates) {
                if (approvers.contains(id)) {
                    return id;
                }
            }
        }
        return null;
    }
}
