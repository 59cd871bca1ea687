package dev.atomizer.report;

import dev.atomizer.derive.Sources;
import dev.atomizer.state.Entry;
import java.util.ArrayList;
import java.util.List;

/**
 * One report week as a report sees it: the sources folded to the end of the week being reported
 * (its cut-off, so nothing later can change the report) and the entries of its period.
 */
public record WeekData(ReportWeek week, Sources sources, List<Entry> entries) {

    /** The week's entries out of sources folded to (at least) the week's end. */
    public static WeekData of(ReportWeek week, Sources sources) {
        List<Entry> in = new ArrayList<>();
        for (Entry e : sources.log().entries()) {
            if (week.contains(e.time())) {
                in.add(e);
            }
        }
        return new WeekData(week, sources, List.copyOf(in));
    }

    /** An entry that reports an error: an {@code errors} event type or a {@code failed} status. */
    public boolean isError(Entry e) {
        return sources.log().isError(e);
    }

    /** A task done: a completed entry of a {@code completions} type. */
    public boolean isTaskDone(Entry e) {
        return sources.log().isTaskDone(e);
    }
}
