package dev.atomizer.cli.mcp;

import dev.atomizer.api.NewEntry;
import dev.atomizer.contract.EntrySchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The arguments of {@code append_entry} as an entry: the fields of {@link EntrySchema} by name, the
 * metrics object written as the log's {@code key=value} pairs. Only the arguments' shapes are
 * checked here (a string where a string goes); what they say is the contract's rules' to judge.
 */
final class EntryArguments {

    /** The entry, or why the arguments make none. */
    record Parsed(NewEntry entry, String problem) {}

    private EntryArguments() {}

    static Parsed parse(Map<String, Object> args, String timestamp) {
        List<String> problems = new ArrayList<>();
        for (String name : args.keySet()) {
            if (!EntrySchema.PROPERTIES.contains(name)) {
                problems.add("unknown argument '" + name + "' (the arguments are "
                        + String.join(", ", EntrySchema.PROPERTIES) + ")");
            }
        }
        String agent = string(args, "agent", problems);
        String project = string(args, "project", problems);
        String event = string(args, "event_type", problems);
        String status = string(args, "status", problems);
        String summary = string(args, "summary", problems);
        String detail = string(args, "detail", problems);
        String blockers = string(args, "blockers", problems);
        String metrics = metrics(args.get("metrics"), problems);
        if (!problems.isEmpty()) {
            return new Parsed(null, String.join("; ", problems));
        }
        return new Parsed(
                new NewEntry(
                        timestamp,
                        strip(agent),
                        strip(project),
                        strip(event),
                        status,
                        summary,
                        detail,
                        metrics,
                        blockers),
                null);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String string(Map<String, Object> args, String name, List<String> problems) {
        Object v = args.get(name);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        problems.add("the argument '" + name + "' must be a string, not " + v);
        return null;
    }

    /** {@code {"iteration": 4, "objective": 0.031}} as {@code iteration=4, objective=0.031}. */
    private static String metrics(Object v, List<String> problems) {
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> map)) {
            problems.add("the argument 'metrics' must be an object of key: value, e.g. {\"iteration\": 4}");
            return null;
        }
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object value = e.getValue();
            String text;
            if (value instanceof String s) {
                text = s;
            } else if (value instanceof Double || value instanceof Float) {
                text = BigDecimal.valueOf(((Number) value).doubleValue())
                        .stripTrailingZeros()
                        .toPlainString();
            } else if (value instanceof Number || value instanceof Boolean) {
                text = value.toString();
            } else {
                problems.add("the metric '" + e.getKey() + "' must be a number or a string, not " + value);
                continue;
            }
            pairs.add(e.getKey() + "=" + text);
        }
        return pairs.isEmpty() ? null : String.join(", ", pairs);
    }
}
