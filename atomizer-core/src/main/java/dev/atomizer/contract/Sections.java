package dev.atomizer.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code ## Dashboard sections} table of schemas.md (columns {@code Section}, {@code Event
 * types}): which event types feed which part of the dashboards and reports. A section the table
 * does not list keeps its default; a row with an empty cell switches the section off. Only event
 * types the contract defines count, so a team whose contract has no study events sees no study
 * parts at all.
 *
 * @param types the event types of each section, in the table's order
 */
public record Sections(Map<Section, List<String>> types) {

    /** The parts of the dashboards and reports that event types feed, each with its default. */
    public enum Section {
        /** Completed entries of these types are wins (exec summary, weekly highlights). */
        WINS(
                "wins",
                "completed entries of these types are wins: the exec summary's and the weekly report's highlights",
                "milestone",
                "study-complete"),
        /** Open a decision that waits on an approver. */
        DECISIONS(
                "decisions",
                "each opens a decision that waits on an approver until an entry with its `ref` " + "completes it",
                "decision-needed"),
        /** Hand work to the agent named by {@code to=}. */
        DELEGATIONS(
                "delegations",
                "each hands work to the agent its `to=` metric names, open until that agent " + "completes it",
                "task-delegated"),
        /** Ask for a review: listed with the delegations in a closeout. */
        REVIEWS(
                "reviews",
                "requests for review, listed with the delegated work in a closeout report",
                "review-request"),
        /** Completed entries of these types are tasks done. */
        COMPLETIONS(
                "completions",
                "completed entries of these types are tasks done (the weekly report's agent " + "performance)",
                "task-completed"),
        /** Entries of these types (and any failed entry) are errors. */
        ERRORS("errors", "entries of these types, and every `failed` entry, are errors (agent health, K7)", "error"),
        /** First type starts a study, last ends it, those between are its iterations. */
        STUDIES(
                "studies",
                "the first type starts a study, the last ends it, those between are its iterations "
                        + "(study tables, runs and curves)",
                "study-start",
                "study-iteration",
                "study-complete"),
        /** Completed entries with {@code gate=} sign off a gate, with {@code closeout=true} close a project. */
        MILESTONES(
                "milestones",
                "completed entries of these types with `gate=Gn` sign off a gate, with "
                        + "`closeout=true` close a project",
                "milestone"),
        /** Entries of these types (and any with a {@code kb=} metric) change the knowledge base. */
        KNOWLEDGE(
                "knowledge",
                "entries of these types, and every entry with a `kb=` metric, are knowledge-base " + "changes");

        private final String label;
        private final String meaning;
        private final List<String> fallback;

        Section(String label, String meaning, String... fallback) {
            this.label = label;
            this.meaning = meaning;
            this.fallback = List.of(fallback);
        }

        public String label() {
            return label;
        }

        /** What the section does, for the contract's documentation. */
        public String meaning() {
            return meaning;
        }

        /** The event types of the default contract. */
        public List<String> fallback() {
            return fallback;
        }

        /** The section a table names, ignoring case; null when there is none. */
        public static Section find(String name) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            for (Section s : values()) {
                if (s.label.equals(n)) {
                    return s;
                }
            }
            return null;
        }

        public static String labels() {
            List<String> out = new ArrayList<>();
            for (Section s : values()) {
                out.add(s.label);
            }
            return String.join(", ", out);
        }
    }

    /** The default mapping. */
    public static final Sections DEFAULT = new Sections(Map.of());

    public Sections {
        Map<Section, List<String>> m = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            m.put(s, List.copyOf(types.getOrDefault(s, s.fallback())));
        }
        types = Collections.unmodifiableMap(m);
    }

    /** The section's event types (as the table gives them; defaults for sections it does not list). */
    public List<String> of(Section s) {
        return types.get(s);
    }

    /** Whether {@code event} feeds section {@code s}. */
    public boolean has(Section s, String event) {
        return types.get(s).contains(event);
    }

    /** The section's event types that {@code contract} defines: an empty list means the section has nothing to show. */
    public List<String> defined(Section s, Map<String, EventType> eventTypes) {
        List<String> out = new ArrayList<>();
        for (String t : types.get(s)) {
            if (eventTypes.containsKey(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** A study event's role: how {@code event} takes part in a study, or null when it does not. */
    public StudyRole studyRole(String event) {
        List<String> st = types.get(Section.STUDIES);
        int i = st.indexOf(event);
        if (i < 0) {
            return null;
        }
        if (i == 0) {
            return StudyRole.START;
        }
        return i == st.size() - 1 ? StudyRole.END : StudyRole.ITERATION;
    }

    /** How an event takes part in a study. */
    public enum StudyRole {
        START,
        ITERATION,
        END
    }
}
