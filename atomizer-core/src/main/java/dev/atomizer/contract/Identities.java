package dev.atomizer.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who the contract's ids are in git: the {@code Email} column of the Agents and Approvers tables
 * (a commit's author e-mail) and the {@code Key} column of the Agents table (the Approvers' keys
 * are {@link Contract#approverKeys()}). Read by {@code entry-identity} and {@code path-owner}.
 *
 * @param emails    the e-mail of each agent or approver that has one, by id
 * @param agentKeys the signing key of each agent that has one, by id
 */
public record Identities(Map<String, String> emails, Map<String, ApproverKey> agentKeys) {

    public static final Identities NONE = new Identities(Map.of(), Map.of());

    public Identities {
        emails = Collections.unmodifiableMap(new LinkedHashMap<>(emails));
        agentKeys = Collections.unmodifiableMap(new LinkedHashMap<>(agentKeys));
    }

    /** The ids whose e-mail is {@code email} (compared ignoring case), in table order. */
    public Set<String> withEmail(String email) {
        Set<String> out = new LinkedHashSet<>();
        if (email == null) {
            return out;
        }
        String wanted = email.trim().toLowerCase(Locale.ROOT);
        emails.forEach((id, e) -> {
            if (e.toLowerCase(Locale.ROOT).equals(wanted)) {
                out.add(id);
            }
        });
        return out;
    }

    /** Whether a cell is an e-mail address as git writes one: no spaces or angle brackets, one '@'. */
    static boolean isEmail(String cell) {
        return cell.matches("[^\\s<>@]+@[^\\s<>@]+");
    }
}
