package dev.atomizer.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The contract that applies when schemas.md is absent: identical to the seed (PRODUCT.md section 4). */
public final class DefaultContract {

    private DefaultContract() {
    }

    // spec (seed section 3): "Event Types (enumerated)"
    static final List<EventType> EVENT_TYPES = List.of(
            new EventType("study-start", "New optimization study launched", List.of()),
            new EventType("study-iteration", "Iteration completed with results", List.of("iteration", "objective")),
            new EventType("study-complete", "Study converged or terminated", List.of()),
            new EventType("review-request", "Deliverable ready for review", List.of()),
            new EventType("decision-needed", "CEO/human input required", List.of()),
            new EventType("task-delegated", "Work handed to another agent", List.of()),
            new EventType("task-completed", "Delegated work finished", List.of()),
            new EventType("error", "Something failed", List.of()),
            new EventType("milestone", "Phase/gate achieved", List.of()));

    static final List<String> STATUSES = List.of("in-progress", "completed", "blocked", "failed");

    static final List<String> FIELDS = List.of("Status", "Summary", "Detail", "Metrics", "Blockers");

    // spec (seed section 5): foundational docs immutable, log append-only, reports snapshots,
    // dashboards derived, knowledge base accumulative; schemas.md itself needs approval.
    static final List<GovernedPath> GOVERNED_PATHS = List.of(
            new GovernedPath("context-docs/**", Policy.IMMUTABLE, "Foundational documents"),
            new GovernedPath("**/SOUL.md", Policy.IMMUTABLE, "Agent constitutions"),
            new GovernedPath("**/protocols/**", Policy.IMMUTABLE, "Protocols"),
            new GovernedPath("shared/data-contracts/schemas.md", Policy.IMMUTABLE, "The data contract"),
            new GovernedPath("shared/project_log.md", Policy.APPEND_ONLY, "The activity log"),
            new GovernedPath("shared/reports/weekly/**", Policy.WRITE_ONCE, "Weekly reports"),
            new GovernedPath("shared/reports/project/**", Policy.WRITE_ONCE, "Closeout reports"),
            new GovernedPath("shared/dashboards/*.md", Policy.GENERATED, "Dashboards"),
            new GovernedPath("shared/kpi/metrics.md", Policy.GENERATED, "KPI table"),
            new GovernedPath("**/knowledge-base/**", Policy.NO_DELETE, "Knowledge base"));

    private static final Contract INSTANCE = build();

    public static Contract get() {
        return INSTANCE;
    }

    static Map<String, EventType> eventTypeMap() {
        Map<String, EventType> m = new LinkedHashMap<>();
        for (EventType t : EVENT_TYPES) {
            m.put(t.name(), t);
        }
        return m;
    }

    private static Contract build() {
        return new Contract(null, eventTypeMap(), new java.util.LinkedHashSet<>(STATUSES), FIELDS,
                java.util.Set.of(), java.util.Set.of(), GOVERNED_PATHS, Map.of());
    }
}
