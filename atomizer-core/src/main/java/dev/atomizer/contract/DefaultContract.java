package dev.atomizer.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract that applies when schemas.md is absent: the event types, statuses, fields and
 * governed paths of the sample repository's {@code shared/data-contracts/schemas.md}.
 */
public final class DefaultContract {

    private DefaultContract() {}

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

    // foundational docs immutable, log append-only, reports snapshots, dashboards derived, knowledge
    // base accumulative; schemas.md itself needs approval. So do the files that configure the gate:
    // the build (its POMs and .mvn/ give the plugin's parameters, e.g. <rules> or -Datomizer.skip),
    // the CI workflows, git attributes (merge drivers, filters) and shared hook configuration, since
    // a pull request's own build reads them.
    static final List<GovernedPath> GOVERNED_PATHS = List.of(
            new GovernedPath("context-docs/**", Policy.IMMUTABLE, "Foundational documents"),
            new GovernedPath("**/SOUL.md", Policy.IMMUTABLE, "Agent constitutions"),
            new GovernedPath("**/protocols/**", Policy.IMMUTABLE, "Protocols"),
            new GovernedPath("shared/data-contracts/schemas.md", Policy.IMMUTABLE, "The data contract"),
            new GovernedPath("**/pom.xml", Policy.IMMUTABLE, "The build, which runs the gate"),
            new GovernedPath(".mvn/**", Policy.IMMUTABLE, "Maven's options and extensions"),
            new GovernedPath(".github/**", Policy.IMMUTABLE, "CI workflows and code owners"),
            new GovernedPath("**/.gitattributes", Policy.IMMUTABLE, "Merge drivers and filters"),
            new GovernedPath(".githooks/**", Policy.IMMUTABLE, "Shared git hooks"),
            new GovernedPath(".pre-commit-config.yaml", Policy.IMMUTABLE, "Shared hook configuration"),
            new GovernedPath("shared/project_log.md", Policy.APPEND_ONLY, "The activity log"),
            new GovernedPath("shared/reports/weekly/**", Policy.WRITE_ONCE, "Weekly reports"),
            new GovernedPath("shared/reports/project/**", Policy.WRITE_ONCE, "Closeout reports"),
            new GovernedPath("shared/dashboards/*.md", Policy.GENERATED, "Dashboards"),
            new GovernedPath("shared/kpi/metrics.md", Policy.GENERATED, "KPI table"),
            new GovernedPath("**/knowledge-base/**", Policy.NO_DELETE, "Knowledge base"),
            // owned by the Manager: judged only once the contract sets 'Entry identity' (off by default)
            new GovernedPath(
                    "shared/PROJECT_STATUS.md", Policy.OWNED, "Project status, kept by the Manager", "manager"));

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
        return new Contract(
                null,
                eventTypeMap(),
                new java.util.LinkedHashSet<>(STATUSES),
                FIELDS,
                java.util.Set.of(),
                java.util.Set.of(),
                GOVERNED_PATHS,
                Map.of(),
                Map.of(),
                Settings.DEFAULT,
                Sections.DEFAULT,
                Map.of());
    }
}
