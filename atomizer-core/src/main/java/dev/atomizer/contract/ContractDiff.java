package dev.atomizer.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two contracts, as lines a person reads: event types, statuses, fields,
 * agents, approvers and their keys, governed paths, settings and dashboard sections added, removed
 * or changed. Every agent works to the contract, so a change to it is announced (the Auditor
 * summary, {@code atomizer contract-diff}, the main branch's webhook).
 */
public final class ContractDiff {

    private ContractDiff() {}

    /** The changes from {@code before} to {@code after}, one line each; empty when they agree. */
    public static List<String> between(Contract before, Contract after) {
        List<String> out = new ArrayList<>();
        compare("event type", before, after, ContractDiff::eventTypes, out);
        compare("status", before, after, c -> names(c.statuses()), out);
        compare("field", before, after, c -> names(c.fields()), out);
        compare("agent", before, after, ContractDiff::agents, out);
        compare("approver", before, after, ContractDiff::approvers, out);
        compare("governed path", before, after, ContractDiff::governedPaths, out);
        for (Settings.Setting s : Settings.Setting.values()) {
            String was = before.settings().get(s);
            String is = after.settings().get(s);
            if (!Objects.equals(was, is)) {
                out.add("setting " + s.label() + ": " + was + " → " + is);
            }
        }
        for (Sections.Section s : Sections.Section.values()) {
            List<String> was = before.section(s);
            List<String> is = after.section(s);
            if (!was.equals(is)) {
                out.add("dashboard section " + s.label() + ": " + String.join(", ", was) + " → "
                        + String.join(", ", is));
            }
        }
        compare("rule severity", before, after, ContractDiff::severities, out);
        return List.copyOf(out);
    }

    // ---- each part of a contract, as names and what the diff says of each ----

    private static Map<String, String> eventTypes(Contract c) {
        Map<String, String> out = new LinkedHashMap<>();
        c.eventTypes().values().forEach(t -> out.put(t.name(), describe(t)));
        return out;
    }

    private static Map<String, String> agents(Contract c) {
        Map<String, String> out = names(c.agents());
        c.silentAfter().forEach((a, d) -> out.put(a, "silent after " + d.toMinutes() + " minutes"));
        identity(c, c.identities().agentKeys(), out);
        return out;
    }

    private static Map<String, String> approvers(Contract c) {
        Map<String, String> out = names(c.approvers());
        identity(c, c.approverKeys(), out);
        return out;
    }

    /** The e-mail and key that bind each id to commits, after what {@code out} already says of it. */
    private static void identity(Contract c, Map<String, ApproverKey> keys, Map<String, String> out) {
        for (Map.Entry<String, String> e : out.entrySet()) {
            List<String> parts = new ArrayList<>();
            if (!e.getValue().isEmpty()) {
                parts.add(e.getValue());
            }
            String email = c.identities().emails().get(e.getKey());
            if (email != null) {
                parts.add("email " + email);
            }
            ApproverKey k = keys.get(e.getKey());
            if (k != null) {
                parts.add(key(k));
            }
            e.setValue(String.join(", ", parts));
        }
    }

    private static Map<String, String> governedPaths(Contract c) {
        Map<String, String> out = new LinkedHashMap<>();
        c.governedPaths()
                .forEach(p -> out.put(
                        p.pattern(), p.policy().label() + (p.owner() == null ? "" : ", owned by " + p.owner())));
        return out;
    }

    private static Map<String, String> severities(Contract c) {
        Map<String, String> out = new LinkedHashMap<>();
        c.severities().forEach((r, v) -> out.put(r, v.label()));
        return out;
    }

    /** A key as the diff names it: its kind and the end of its value (enough to tell two apart). */
    private static String key(ApproverKey k) {
        String v = k.value();
        return k.label().startsWith("OpenPGP")
                ? k.label()
                : k.label() + " …" + v.substring(Math.max(0, v.length() - 12));
    }

    private static String describe(EventType t) {
        return t.requiredMetrics().isEmpty() ? "" : "requires " + String.join(", ", t.requiredMetrics());
    }

    private static Map<String, String> names(java.util.Collection<String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        names.forEach(n -> out.put(n, ""));
        return out;
    }

    /** Added, removed and changed keys of one part, in the order of {@code after} then of {@code before}. */
    private static void compare(
            String what,
            Contract left,
            Contract right,
            java.util.function.Function<Contract, Map<String, String>> part,
            List<String> out) {
        Map<String, String> before = part.apply(left);
        Map<String, String> after = part.apply(right);
        for (Map.Entry<String, String> e : after.entrySet()) {
            String was = before.get(e.getKey());
            if (was == null) {
                out.add(what + " added: " + e.getKey() + detail(e.getValue()));
            } else if (!was.equals(e.getValue())) {
                out.add(what + " changed: " + e.getKey() + " (" + (was.isEmpty() ? "–" : was) + " → "
                        + (e.getValue().isEmpty() ? "–" : e.getValue()) + ")");
            }
        }
        for (String k : before.keySet()) {
            if (!after.containsKey(k)) {
                out.add(what + " removed: " + k);
            }
        }
    }

    private static String detail(String value) {
        return value.isEmpty() ? "" : " (" + value + ")";
    }
}
