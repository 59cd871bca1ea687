package dev.atomizer.api;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An entry to append, rendered exactly as the contract writes it (README, "The log entry contract").
 * Optional parts are null or blank.
 */
public record NewEntry(
        String timestamp,
        String agent,
        String project,
        String event,
        @Nullable String status,
        @Nullable String summary,
        @Nullable String detail,
        @Nullable String metrics,
        @Nullable String blockers) {

    /** The same entry, stamped {@code at} ({@code YYYY-MM-DD HH:MM}). */
    public NewEntry at(String at) {
        return new NewEntry(at, agent, project, event, status, summary, detail, metrics, blockers);
    }

    /** The entry's lines, from its heading to its closing {@code ---}. */
    public List<String> lines() {
        List<String> l = new ArrayList<>();
        l.add("## [" + timestamp + "] " + agent + " | " + project + " | " + event);
        l.add("");
        l.add("**Status:** " + nullToEmpty(status));
        l.add("**Summary:** " + nullToEmpty(summary));
        field(l, "Detail", detail);
        field(l, "Metrics", metrics);
        field(l, "Blockers", blockers);
        l.add("");
        l.add("---");
        return l;
    }

    private static void field(List<String> l, String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        List<String> lines = value.strip().lines().toList();
        if (lines.size() == 1) {
            l.add("**" + name + ":** " + lines.get(0));
        } else {
            l.add("**" + name + ":**");
            l.addAll(lines);
        }
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s.strip();
    }
}
