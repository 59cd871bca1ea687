package dev.atomizer.state;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The entries about one thing (a decision, a delegated task, a blocker), oldest first. With a
 * {@code ref=} metric every entry carrying that ref belongs to it; the latest entry gives its state.
 */
public final class Track {

    private final String ref;
    private final List<Entry> log;
    // the entries by their index in the log, an int each; what the fold and the pages ask most
    // (kind, project, the latest status, two times) is kept, the entries are decoded when asked for
    private int[] indexes = new int[2];
    private int count;
    private final String kind;
    private final String project;
    private final long since;
    private String status;
    private long latest;

    Track(String ref, List<Entry> log, int index, Entry first) {
        this.ref = ref;
        this.log = log;
        this.kind = first.event();
        this.project = first.project();
        this.since = first.time().toEpochSecond(ZoneOffset.UTC);
        add(index, first);
    }

    void add(int index, Entry e) {
        if (count == indexes.length) {
            indexes = Arrays.copyOf(indexes, count * 2);
        }
        indexes[count++] = index;
        status = e.status();
        latest = e.time().toEpochSecond(ZoneOffset.UTC);
    }

    /** The ref, or null for a track built without one. */
    public String ref() {
        return ref;
    }

    /** The ref, or (without one) the opening entry's event, agent and date: how the track is named in output. */
    public String name() {
        if (ref != null) {
            return ref;
        }
        Entry first = first();
        return first.event() + " by " + first.agent() + " "
                + Format.date(first.time().toLocalDate());
    }

    /** Its entries, oldest first (read from the log on each access). */
    public List<Entry> entries() {
        return new Entries();
    }

    private final class Entries extends AbstractList<Entry> implements RandomAccess {
        @Override
        public Entry get(int i) {
            if (i < 0 || i >= count) {
                throw new IndexOutOfBoundsException(i);
            }
            return log.get(indexes[i]);
        }

        @Override
        public int size() {
            return count;
        }
    }

    public Entry first() {
        return log.get(indexes[0]);
    }

    public Entry latest() {
        return log.get(indexes[count - 1]);
    }

    /** The latest entry's time, without reading the entry. */
    public LocalDateTime latestTime() {
        return LocalDateTime.ofEpochSecond(latest, 0, ZoneOffset.UTC);
    }

    /** The event type that opened it: decision-needed, task-delegated, ... */
    public String kind() {
        return kind;
    }

    public String project() {
        return project;
    }

    /** Open while its latest entry is neither completed nor failed. */
    public boolean open() {
        return !status.equals(Entry.COMPLETED) && !status.equals(Entry.FAILED);
    }

    public boolean blocked() {
        return status.equals(Entry.BLOCKED);
    }

    public boolean failed() {
        return status.equals(Entry.FAILED);
    }

    /** When it was opened: its first entry's time. */
    public LocalDateTime since() {
        return LocalDateTime.ofEpochSecond(since, 0, ZoneOffset.UTC);
    }

    /** Since when it has been blocked: the first entry of its final run of blocked entries. */
    public LocalDateTime blockedSince() {
        LocalDateTime t = latestTime();
        List<Entry> entries = entries();
        for (int i = entries.size() - 1; i >= 0 && entries.get(i).is(Entry.BLOCKED); i--) {
            t = entries.get(i).time();
        }
        return t;
    }

    public Duration age(LocalDateTime asOf) {
        return Duration.between(since(), asOf);
    }

    /** Whether any entry of the track has this event type. */
    public boolean has(String event) {
        for (Entry e : entries()) {
            if (e.event().equals(event)) {
                return true;
            }
        }
        return false;
    }
}
