package dev.atomizer.state;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A study: from its start (by default {@code study-start}) through its iterations
 * ({@code study-iteration}) to its end ({@code study-complete}), tied together by {@code ref=} or,
 * without one, per project. The contract's {@code studies} section names the three.
 */
public final class Study {

    private final String id;
    private final String project;
    private final List<Entry> log;
    // entries by their index in the log (an int each, not an object); the folds kept as they come
    private final Indexes entries = new Indexes();
    private final Indexes iterations = new Indexes();
    // the entries the pages ask for, by index (decoded when asked for); -1: none
    private int complete = -1;
    private long maxIteration;
    private long maxIterations;
    private long completeIterations;
    private boolean failed;
    private int best = -1;
    private BigDecimal bestObjective;
    private BigDecimal convergence;

    Study(String id, String project, List<Entry> log) {
        this.id = id;
        this.project = project;
        this.log = log;
    }

    /** Adds an entry; {@code role} is its part in the study (null: another entry with the study's ref). */
    void add(int index, Entry e, dev.atomizer.contract.Sections.StudyRole role) {
        entries.append(index, e);
        failed = e.is(Entry.FAILED);
        maxIterations = Math.max(maxIterations, e.count("max_iter"));
        BigDecimal c = e.decimal("convergence");
        if (c != null) {
            convergence = c;
        }
        if (role == dev.atomizer.contract.Sections.StudyRole.ITERATION) {
            iterations.append(index, e);
            maxIteration = Math.max(maxIteration, e.count("iteration"));
            BigDecimal o = e.decimal("objective");
            if (o != null
                    && !"false".equals(e.metric("constraint_ok"))
                    && (best < 0 || o.compareTo(bestObjective) < 0)) {
                best = index;
                bestObjective = o;
            }
        } else if (role == dev.atomizer.contract.Sections.StudyRole.END) {
            complete = index;
            completeIterations = e.count("iterations");
        }
    }

    /** Entries of the log by index, read back on access. */
    private final class Indexes extends AbstractList<Entry> implements RandomAccess {
        private int[] at = new int[4];
        private int count;
        private Entry last;

        void append(int index, Entry e) {
            if (count == at.length) {
                at = Arrays.copyOf(at, count * 2);
            }
            at[count++] = index;
            last = e;
        }

        @Override
        public Entry get(int i) {
            if (i < 0 || i >= count) {
                throw new IndexOutOfBoundsException(i);
            }
            return i == count - 1 ? last : log.get(at[i]);
        }

        @Override
        public int size() {
            return count;
        }
    }

    /** The ref, or {@code <project> study from <date>} without one. */
    public String id() {
        return id;
    }

    public String project() {
        return project;
    }

    /** Its entries, oldest first (read from the log on each access). */
    public List<Entry> entries() {
        return java.util.Collections.unmodifiableList(entries);
    }

    /** Its iterations, oldest first (read from the log on each access). */
    public List<Entry> iterations() {
        return java.util.Collections.unmodifiableList(iterations);
    }

    public Entry start() {
        return entries.get(0);
    }

    public Entry latest() {
        return entries.get(entries.size() - 1);
    }

    /** The study-complete entry, or null while the study runs. */
    public Entry complete() {
        return complete < 0 ? null : log.get(complete);
    }

    /** Active: not completed, and its latest entry has not failed. */
    public boolean active() {
        return complete < 0 && !failed;
    }

    /** The latest iteration number: the {@code iteration} metric, else the count of iteration entries. */
    public long iterationCount() {
        long n = maxIteration;
        if (complete >= 0) {
            n = Math.max(n, completeIterations);
        }
        return Math.max(n, iterations.size());
    }

    /** The planned maximum, {@code max_iter} of any entry, or 0. */
    public long maxIterations() {
        return maxIterations;
    }

    /**
     * The best (lowest) {@code objective} among iterations whose constraints hold
     * ({@code constraint_ok} not {@code false}); null when there is none.
     */
    public Entry best() {
        return best < 0 ? null : log.get(best);
    }

    /** The latest {@code convergence} metric (percent), or null. */
    public BigDecimal convergence() {
        return convergence;
    }
}
