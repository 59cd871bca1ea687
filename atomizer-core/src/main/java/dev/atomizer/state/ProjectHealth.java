package dev.atomizer.state;

import dev.atomizer.status.StatusFile;
import dev.atomizer.status.StatusFile.Rag;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A project's RAG as the log tells it, beside the one PROJECT_STATUS.md declares (K6,
 * "no surprises": where the two disagree, the dashboards say so).
 *
 * <p>Derived RAG, as of the as-of time, from the project's tracks and entries:
 * <ul>
 *   <li>Red: work blocked for more than 48 h, or a failure in the last 24 h that nothing has
 *       recovered (no later completed entry of the same ref or, without one, of the same agent);</li>
 *   <li>Amber: work blocked, a decision waiting (however long: its age is K5's business), or an unrecovered failure in the last 7 days;</li>
 *   <li>Green: none of these.</li>
 * </ul>
 * A project is closed when PROJECT_STATUS.md says {@code completed} or a {@code milestone} entry
 * carries {@code closeout=true}; closed projects have no RAG.
 *
 * @param derived  the log's RAG, or null for a closed project
 * @param reasons  why it is not Green, worst first (short phrases)
 * @param declared PROJECT_STATUS.md's RAG, or null
 */
public record ProjectHealth(
        String slug, String name, Rag derived, List<String> reasons, Rag declared, boolean closed, Entry last) {

    static final Duration RED_BLOCKED = Duration.ofHours(48);
    static final Duration RED_FAILED = Duration.ofHours(24);
    static final Duration AMBER_FAILED = Duration.ofDays(7);

    /** Declared and derived disagree (both known). */
    public boolean mismatch() {
        return declared != null && derived != null && declared != derived;
    }

    /** The RAG shown: the derived one (the log is the evidence). */
    public Rag rag() {
        return derived;
    }

    /** Every project: PROJECT_STATUS.md's in table order, then the log's others by slug. */
    public static List<ProjectHealth> of(LogState log, StatusFile status) {
        Map<String, List<Track>> tracks = new HashMap<>();
        for (Track t : log.tracks()) {
            tracks.computeIfAbsent(t.project(), k -> new ArrayList<>()).add(t);
        }
        Map<String, Entry> last = new HashMap<>();
        Map<String, Boolean> closeout = new HashMap<>();
        Map<String, List<Entry>> failures = new HashMap<>();
        LocalDateTime asOf = log.asOf();
        for (Entry e : log.entries()) {
            last.put(e.project(), e);
            if (log.sections().has(dev.atomizer.contract.Sections.Section.MILESTONES, e.event())
                    && "true".equals(e.metric("closeout"))) {
                closeout.put(e.project(), true);
            }
            if (e.is(Entry.FAILED)
                    && e.ref() == null
                    && Duration.between(e.time(), asOf).compareTo(AMBER_FAILED) <= 0) {
                failures.computeIfAbsent(e.project(), k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, StatusFile.Project> declared = new LinkedHashMap<>();
        for (StatusFile.Project p : status.projects()) {
            declared.put(p.slug(), p);
        }
        List<String> order = new ArrayList<>(declared.keySet());
        for (String p : new TreeSet<>(last.keySet())) {
            if (!declared.containsKey(p)) {
                order.add(p);
            }
        }
        List<ProjectHealth> out = new ArrayList<>();
        for (String slug : order) {
            StatusFile.Project d = declared.get(slug);
            boolean closed = d != null && d.completed() || closeout.containsKey(slug);
            Rag rag = null;
            List<String> reasons = new ArrayList<>();
            if (!closed) {
                rag = derive(log, tracks.getOrDefault(slug, List.of()), unrecovered(log, failures.get(slug)), reasons);
            }
            out.add(new ProjectHealth(
                    slug,
                    d == null ? "" : d.name(),
                    rag,
                    List.copyOf(reasons),
                    d == null ? null : d.rag(),
                    closed,
                    last.get(slug)));
        }
        return out;
    }

    private static Rag derive(LogState log, List<Track> tracks, List<Entry> failures, List<String> reasons) {
        LocalDateTime asOf = log.asOf();
        List<String> red = new ArrayList<>();
        List<String> amber = new ArrayList<>();
        for (Track t : tracks) {
            if (t.open() && log.isDecision(t)) {
                // a decision, blocked or not, waits on its approver: Amber however long (K5 tracks the age)
                amber.add(t.name() + " awaiting decision " + Format.age(t.age(asOf)));
            } else if (t.blocked()) {
                Duration d = Duration.between(t.blockedSince(), asOf);
                (d.compareTo(RED_BLOCKED) > 0 ? red : amber).add(t.name() + " blocked " + Format.age(d));
            } else if (t.failed()) {
                Duration d = Duration.between(t.latest().time(), asOf);
                if (d.compareTo(RED_FAILED) <= 0) {
                    red.add(t.name() + " failed " + Format.age(d) + " ago");
                } else if (d.compareTo(AMBER_FAILED) <= 0) {
                    amber.add(t.name() + " failed " + Format.age(d) + " ago");
                }
            }
        }
        for (Entry e : failures) {
            Duration d = Duration.between(e.time(), asOf);
            (d.compareTo(RED_FAILED) <= 0 ? red : amber)
                    .add(e.event() + " by " + e.agent() + " " + Format.age(d) + " ago");
        }
        reasons.addAll(red);
        reasons.addAll(amber);
        return !red.isEmpty() ? Rag.RED : !amber.isEmpty() ? Rag.AMBER : Rag.GREEN;
    }

    /**
     * Every failure nothing has recovered yet: the failed entry of a ref whose latest entry failed,
     * and a failure without a ref that no later completed entry of its agent on its project followed.
     */
    public static List<Entry> unrecoveredFailures(LogState log) {
        List<Entry> out = new ArrayList<>();
        for (Track t : log.tracks()) {
            if (t.failed()) {
                out.add(t.latest());
            }
        }
        for (Entry e : log.entries()) {
            if (e.is(Entry.FAILED) && e.ref() == null && !recovered(log, e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Failures without a ref that no later completed entry of the same agent on the project followed. */
    private static List<Entry> unrecovered(LogState log, List<Entry> failures) {
        if (failures == null) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        for (Entry f : failures) {
            if (!recovered(log, f)) {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean recovered(LogState log, Entry failure) {
        LocalDateTime completed = log.lastCompleted(failure.agent(), failure.project());
        return completed != null && completed.isAfter(failure.time());
    }
}
