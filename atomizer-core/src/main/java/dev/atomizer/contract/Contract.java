package dev.atomizer.contract;

import dev.atomizer.api.Severity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data contract, as read from {@code shared/data-contracts/schemas.md} (or the built-in default
 * when that file is absent). Immutable; every collection keeps the order of its table.
 *
 * @param source        where it was read from, or {@code null} for the built-in default
 * @param eventTypes    event types by name
 * @param statuses      allowed Status values
 * @param fields        field names in contract order (Status, Summary, Detail, Metrics, Blockers, ...)
 * @param agents        the agent registry; empty means "no registry": any well-formed id is accepted
 * @param approvers     who may approve a change to a foundational path; always holds the built-in {@code ceo}
 * @param governedPaths path policies in table order
 * @param severities    per-rule severities from the Rules table
 * @param approverKeys  the signing key of each approver the Approvers table gives one (Key column)
 * @param settings      the Settings table
 * @param sections      the Dashboard sections table: which event types feed which part of the dashboards
 * @param identities    the e-mails and agents' keys that bind ids to commits (Email and Key columns)
 */
public record Contract(
        String source,
        Map<String, EventType> eventTypes,
        Set<String> statuses,
        List<String> fields,
        Set<String> agents,
        Set<String> approvers,
        List<GovernedPath> governedPaths,
        Map<String, Severity> severities,
        Map<String, ApproverKey> approverKeys,
        Settings settings,
        Sections sections,
        Map<String, java.time.Duration> silentAfter,
        Identities identities) {

    /** A contract that binds no id to a commit (no Email column, no agent's Key). */
    public Contract(
            String source,
            Map<String, EventType> eventTypes,
            Set<String> statuses,
            List<String> fields,
            Set<String> agents,
            Set<String> approvers,
            List<GovernedPath> governedPaths,
            Map<String, Severity> severities,
            Map<String, ApproverKey> approverKeys,
            Settings settings,
            Sections sections,
            Map<String, java.time.Duration> silentAfter) {
        this(
                source,
                eventTypes,
                statuses,
                fields,
                agents,
                approvers,
                governedPaths,
                severities,
                approverKeys,
                settings,
                sections,
                silentAfter,
                Identities.NONE);
    }

    /** The approver every contract has. */
    public static final String BUILT_IN_APPROVER = "ceo";

    public Contract {
        eventTypes = Collections.unmodifiableMap(new LinkedHashMap<>(eventTypes));
        statuses = Collections.unmodifiableSet(new LinkedHashSet<>(statuses));
        fields = List.copyOf(fields);
        agents = Collections.unmodifiableSet(new LinkedHashSet<>(agents));
        Set<String> a = new LinkedHashSet<>();
        a.add(BUILT_IN_APPROVER);
        a.addAll(approvers);
        approvers = Collections.unmodifiableSet(a);
        governedPaths = List.copyOf(governedPaths);
        severities = Collections.unmodifiableMap(new LinkedHashMap<>(severities));
        approverKeys = Collections.unmodifiableMap(new LinkedHashMap<>(approverKeys));
        settings = settings == null ? Settings.DEFAULT : settings;
        sections = sections == null ? Sections.DEFAULT : sections;
        silentAfter = silentAfter == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(silentAfter));
        identities = identities == null ? Identities.NONE : identities;
    }

    /**
     * The signing keys that name an id: the agents' (Agents table) then the approvers' (Approvers
     * table), each key once, under the first id that has it.
     */
    public Map<String, ApproverKey> identityKeys() {
        Map<String, ApproverKey> out = new LinkedHashMap<>();
        Set<ApproverKey> seen = new LinkedHashSet<>();
        for (Map<String, ApproverKey> m : List.of(identities.agentKeys(), approverKeys)) {
            m.forEach((id, key) -> {
                if (seen.add(key)) {
                    out.put(id, key);
                }
            });
        }
        return out;
    }

    /** Every agent or approver id whose key is {@code key}, agents first. */
    public Set<String> idsWithKey(ApproverKey key) {
        Set<String> out = new LinkedHashSet<>();
        for (Map<String, ApproverKey> m : List.of(identities.agentKeys(), approverKeys)) {
            m.forEach((id, k) -> {
                if (k.equals(key)) {
                    out.add(id);
                }
            });
        }
        return out;
    }

    /** The key an approver signs with, or null when the contract gives none. */
    public ApproverKey keyOf(String approver) {
        return approverKeys.get(approver);
    }

    /** The event types of a dashboard section that this contract defines (none: the section has nothing to show). */
    public java.util.List<String> section(Sections.Section s) {
        return sections.defined(s, eventTypes);
    }

    /** Position of a field in contract order, or -1 when the contract does not define it. */
    public int fieldIndex(String name) {
        return fields.indexOf(name);
    }

    /** True when the contract names its agents (an empty Agents table means any well-formed id). */
    public boolean hasAgentRegistry() {
        return !agents.isEmpty();
    }
}
