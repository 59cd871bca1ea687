package dev.atomizer.state;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The entries about one thing (a decision, a delegated task, a blocker), oldest first. With a
 * {@code ref=} metric every entry carrying that ref belongs to it; the latest entry gives its state.
 */
public final class Track {

    private final String ref;
    private final List<Entry> entries = new ArrayList<>(2);

    Track(String ref, Entry first) {
        this.ref = ref;
        entries.add(first);
    }

    void add(Entry e) {
        entries.add(e);
    }

    /** The ref, or null for a track built without one. */
    public String ref() {
        return ref;
    }

    /** The ref, or (without one) the opening entry's event, agent and date: how the track is named in output. */
    public String name() {
        return ref != null
                ? ref
                : first().event() + " by " + first().agent() + " "
                        + Format.date(first().time().toLocalDate());
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public Entry first() {
        return entries.get(0);
    }

    public Entry latest() {
        return entries.get(entries.size() - 1);
    }

    /** The event type that opened it: decision-needed, task-delegated, ... */
    public String kind() {
        return first().event();
    }

    public String project() {
        return first().project();
    }

    /** Open while its latest entry is neither completed nor failed. */
    public boolean open() {
        String s = latest().status();
        return !s.equals(Entry.COMPLETED) && !s.equals(Entry.FAILED);
    }

    public boolean blocked() {
        return latest().is(Entry.BLOCKED);
    }

    public boolean failed() {
        return latest().is(Entry.FAILED);
    }

    /** When it was opened: its first entry's time. */
    public LocalDateTime since() {
        return first().time();
    }

    /** Since when it has been blocked: the first entry of its final run of blocked entries. */
    public LocalDateTime blockedSince() {
        LocalDateTime t = latest().time();
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
        for (Entry e : entries) {
            if (e.event().equals(event)) {
                return true;
            }
        }
        return false;
    }
}
