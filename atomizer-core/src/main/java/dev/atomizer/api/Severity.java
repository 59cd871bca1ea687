package dev.atomizer.api;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How a rule's findings count: {@code off} drops them, {@code warning} reports them, {@code error} fails the run. */
public enum Severity {
    OFF,
    WARNING,
    ERROR;

    /** The lowercase name used in every output and configuration: {@code off}, {@code warning}, {@code error}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code off|warning|error} (case-insensitive); returns null for anything else. */
    public static @Nullable Severity parse(String text) {
        if (text == null) {
            return null;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "off":
                return OFF;
            case "warning":
            case "warn":
                return WARNING;
            case "error":
                return ERROR;
            default:
                return null;
        }
    }
}
