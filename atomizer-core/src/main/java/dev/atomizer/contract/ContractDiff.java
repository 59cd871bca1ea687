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
        Map<String, String> typesBefore = new LinkedHashMap<>();
        before.eventTypes().values().forEach(t -> typesBefore.put(t.name(), describe(t)));
        Map<String, String> typesAfter = new LinkedHashMap<>();
        after.eventTypes().values().forEach(t -> typesAfter.put(t.name(), describe(t)));
        compare("event type", typesBefore, typesAfter, out);
        compare("status", names(before.statuses()), names(after.statuses()), out);
        compare("field", names(before.fields()), names(after.fields()), out);
        Map<String, String> agentsBefore = names(before.agents());
        before.silentAfter().forEach((a, d) -> agentsBefore.put(a, "silent after " + d.toMinutes() + " minutes"));
        Map<String, String> agentsAfter = names(after.agents());
        after.silentAfter().forEach((a, d) -> agentsAfter.put(a, "silent after " + d.toMinutes() + " minutes"));
        compare("agent", agentsBefore, agentsAfter, out);
        Map<String, String> approversBefore = names(before.approvers());
        before.approverKeys().forEach((a, k) -> approversBefore.put(a, key(k)));
        Map<String, String> approversAfter = names(after.approvers());
        after.approverKeys().forEach((a, k) -> approversAfter.put(a, key(k)));
        compare("approver", approversBefore, approversAfter, out);
        Map<String, String> pathsBefore = new LinkedHashMap<>();
        before.governedPaths()
                .forEach(p -> pathsBefore.put(p.pattern(), p.policy().label()));
        Map<String, String> pathsAfter = new LinkedHashMap<>();
        after.governedPaths()
                .forEach(p -> pathsAfter.put(p.pattern(), p.policy().label()));
        compare("governed path", pathsBefore, pathsAfter, out);
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
        Map<String, String> rulesBefore = new LinkedHashMap<>();
        before.severities().forEach((r, v) -> rulesBefore.put(r, v.label()));
        Map<String, String> rulesAfter = new LinkedHashMap<>();
        after.severities().forEach((r, v) -> rulesAfter.put(r, v.label()));
        compare("rule severity", rulesBefore, rulesAfter, out);
        return List.copyOf(out);
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

    /** Added, removed and changed keys, in the order of {@code after} then of {@code before}. */
    private static void compare(String what, Map<String, String> before, Map<String, String> after, List<String> out) {
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
