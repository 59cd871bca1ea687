package dev.atomizer.state;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A study: from its start (by default {@code study-start}) through its iterations
 * ({@code study-iteration}) to its end ({@code study-complete}), tied together by {@code ref=} or,
 * without one, per project. The contract's {@code studies} section names the three.
 */
public final class Study {

    private final String id;
    private final String project;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Entry> iterations = new ArrayList<>();
    private Entry complete;

    Study(String id, String project) {
        this.id = id;
        this.project = project;
    }

    /** Adds an entry; {@code role} is its part in the study (null: another entry with the study's ref). */
    void add(Entry e, dev.atomizer.contract.Sections.StudyRole role) {
        entries.add(e);
        if (role == dev.atomizer.contract.Sections.StudyRole.ITERATION) {
            iterations.add(e);
        } else if (role == dev.atomizer.contract.Sections.StudyRole.END) {
            complete = e;
        }
    }

    /** The ref, or {@code <project> study from <date>} without one. */
    public String id() {
        return id;
    }

    public String project() {
        return project;
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public List<Entry> iterations() {
        return Collections.unmodifiableList(iterations);
    }

    public Entry start() {
        return entries.get(0);
    }

    public Entry latest() {
        return entries.get(entries.size() - 1);
    }

    /** The study-complete entry, or null while the study runs. */
    public Entry complete() {
        return complete;
    }

    /** Active: not completed, and its latest entry has not failed. */
    public boolean active() {
        return complete == null && !latest().is(Entry.FAILED);
    }

    /** The latest iteration number: the {@code iteration} metric, else the count of iteration entries. */
    public long iterationCount() {
        long n = 0;
        for (Entry e : iterations) {
            n = Math.max(n, e.count("iteration"));
        }
        if (complete != null) {
            n = Math.max(n, complete.count("iterations"));
        }
        return Math.max(n, iterations.size());
    }

    /** The planned maximum, {@code max_iter} of any entry, or 0. */
    public long maxIterations() {
        long n = 0;
        for (Entry e : entries) {
            n = Math.max(n, e.count("max_iter"));
        }
        return n;
    }

    /**
     * The best (lowest) {@code objective} among iterations whose constraints hold
     * ({@code constraint_ok} not {@code false}); null when there is none.
     */
    public Entry best() {
        Entry best = null;
        for (Entry e : iterations) {
            BigDecimal o = e.decimal("objective");
            if (o == null || "false".equals(e.metric("constraint_ok"))) {
                continue;
            }
            if (best == null || o.compareTo(best.decimal("objective")) < 0) {
                best = e;
            }
        }
        return best;
    }

    /** The latest {@code convergence} metric (percent), or null. */
    public BigDecimal convergence() {
        for (int i = entries.size() - 1; i >= 0; i--) {
            BigDecimal c = entries.get(i).decimal("convergence");
            if (c != null) {
                return c;
            }
        }
        return null;
    }
}
