package dev.atomizer.contract;

import java.util.Locale;

/** What may happen to a governed path (docs/governance.md). */
public enum Policy {
    /** Existing bytes never change; new content goes at the end (the log). */
    APPEND_ONLY("append-only"),
    /** Foundational: any change needs Change-Request and Approved-by trailers. */
    IMMUTABLE("immutable"),
    /** Generated once (reports), then never modified, renamed or deleted. */
    WRITE_ONCE("write-once"),
    /** Accumulative (knowledge base): may grow, never be deleted or truncated without approval. */
    NO_DELETE("no-delete"),
    /** Derived by the generator; never edited by hand. */
    GENERATED("generated"),
    /** Changed freely by its owner (the row's Owner); anyone else needs an approval ({@code path-owner}). */
    OWNED("owned");

    private final String label;

    Policy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Policy parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Policy p : values()) {
            if (p.label.equals(t)) {
                return p;
            }
        }
        return null;
    }
}
