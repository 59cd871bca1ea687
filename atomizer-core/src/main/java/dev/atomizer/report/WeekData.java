package dev.atomizer.report;

import dev.atomizer.derive.Sources;
import dev.atomizer.state.Entry;
import java.util.ArrayList;
import java.util.List;

/**
 * One ISO week as a report sees it: the sources folded to the end of the week being reported
 * (so nothing later can change the report) and the entries that fall in this week.
 */
public record WeekData(IsoWeek week, Sources sources, List<Entry> entries) {

    /** The week's entries out of sources folded to (at least) the week's end. */
    public static WeekData of(IsoWeek week, Sources sources) {
        List<Entry> in = new ArrayList<>();
        for (Entry e : sources.log().entries()) {
            if (week.contains(e.time())) {
                in.add(e);
            }
        }
        return new WeekData(week, sources, List.copyOf(in));
    }

    /** An entry that reports an error: an {@code error} event or a {@code failed} status. */
    public static boolean isError(Entry e) {
        return e.event().equals("error") || e.is(Entry.FAILED);
    }

    /** A task done: a completed {@code task-completed} entry. */
    public static boolean isTaskDone(Entry e) {
        return e.event().equals("task-completed") && e.is(Entry.COMPLETED);
    }
}
