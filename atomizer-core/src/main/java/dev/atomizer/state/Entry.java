package dev.atomizer.state;

import dev.atomizer.log.FieldLine;
import dev.atomizer.log.Metric;
import dev.atomizer.log.RawEntry;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One log entry as the derived artifacts see it: a well-formed heading, its status, summary,
 * blockers and metrics. Compact on purpose; the log keeps its entries encoded ({@link EntryStore}) and
 * makes one of these on each read.
 *
 * @param line     the heading's line in the log
 * @param time     the heading's timestamp
 * @param status   the Status field's value (lowercase), or "" when absent or not one word
 * @param summary  the Summary field's first line, or ""
 * @param blockers the Blockers field's whole value, or null
 * @param metrics  well-formed metric pairs in order: key, value, key, value...
 */
public record Entry(
        int line,
        LocalDateTime time,
        String agent,
        String project,
        String event,
        String status,
        String summary,
        String blockers,
        String[] metrics) {

    public static final String IN_PROGRESS = "in-progress";
    public static final String COMPLETED = "completed";
    public static final String BLOCKED = "blocked";
    public static final String FAILED = "failed";

    /** The entry of a raw one, or null when its heading is malformed or its date not a real one. */
    static Entry of(RawEntry raw, Map<String, String> interned) {
        if (!raw.header().wellFormed() || raw.header().dateTime() == null) {
            return null;
        }
        String status = "";
        String summary = "";
        String blockers = null;
        for (FieldLine f : raw.fields()) {
            switch (f.name()) {
                case "Status" -> status = status.isEmpty() ? statusWord(f.value()) : status;
                case "Summary" -> summary = summary.isEmpty() ? f.value() : summary;
                case "Blockers" -> blockers = blockers == null && f.hasContent() ? f.fullValue() : blockers;
                default -> {}
            }
        }
        List<String> pairs = new ArrayList<>();
        for (Metric m : raw.metrics()) {
            if (m.problem() == null) {
                pairs.add(intern(interned, m.key()));
                pairs.add(m.value());
            }
        }
        var h = raw.header();
        return new Entry(
                raw.line(),
                h.dateTime(),
                intern(interned, h.agent()),
                intern(interned, h.project()),
                intern(interned, h.event()),
                intern(interned, status),
                summary,
                blockers,
                pairs.toArray(new String[0]));
    }

    private static String statusWord(String value) {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        return v.indexOf(' ') < 0 ? v : "";
    }

    private static String intern(Map<String, String> interned, String s) {
        String old = interned.putIfAbsent(s, s);
        return old == null ? s : old;
    }

    /** The first value of metric {@code key}, or null. */
    public String metric(String key) {
        for (int i = 0; i < metrics.length; i += 2) {
            if (metrics[i].equals(key)) {
                return metrics[i + 1];
            }
        }
        return null;
    }

    /** The {@code ref} metric, or null. */
    public String ref() {
        return metric("ref");
    }

    /** A metric as a decimal number, or null when absent, text or out of bounds ({@link dev.atomizer.log.Metric#number}). */
    public BigDecimal decimal(String key) {
        return dev.atomizer.log.Metric.number(metric(key));
    }

    /** A metric as a whole number, or 0 when absent or not one. */
    public long count(String key) {
        BigDecimal d = decimal(key);
        if (d == null) {
            return 0;
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            return 0;
        }
    }

    public boolean is(String status) {
        return this.status.equals(status);
    }

    /**
     * Equal when every part is, the metrics compared by content: the log keeps its entries encoded
     * and hands out a new object on each read, so two reads of one entry must be equal.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Entry e
                && line == e.line
                && time.equals(e.time)
                && agent.equals(e.agent)
                && project.equals(e.project)
                && event.equals(e.event)
                && status.equals(e.status)
                && summary.equals(e.summary)
                && java.util.Objects.equals(blockers, e.blockers)
                && java.util.Arrays.equals(metrics, e.metrics);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * line + time.hashCode()) + java.util.Arrays.hashCode(metrics);
    }

    @Override
    public String toString() {
        return "Entry[line=" + line + ", " + heading() + "]";
    }

    /** The entry's heading as written in the log, rebuilt from its parts. */
    public String heading() {
        return "[" + Format.timestamp(time) + "] " + agent + " | " + project + " | " + event;
    }
}
