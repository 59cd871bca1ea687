package dev.atomizer.api;

import java.util.List;

/**
 * What a fold of the inbox did.
 *
 * @param folded the inbox files folded, in the order their entries were appended
 * @param log    the log they went to
 */
public record Folded(List<String> folded, String log) {
    public Folded {
        folded = List.copyOf(folded);
    }
}
