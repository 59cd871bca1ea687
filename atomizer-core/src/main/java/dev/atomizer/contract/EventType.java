package dev.atomizer.contract;

import java.util.List;

/** One row of the Event types table: the type, what it means, and the metrics an entry of that type must carry. */
public record EventType(String name, String meaning, List<String> requiredMetrics) {
    public EventType {
        requiredMetrics = List.copyOf(requiredMetrics);
    }
}
