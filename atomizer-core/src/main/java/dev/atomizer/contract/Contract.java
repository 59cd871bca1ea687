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
        Map<String, java.time.Duration> silentAfter) {

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
