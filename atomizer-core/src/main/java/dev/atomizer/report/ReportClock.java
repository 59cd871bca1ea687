package dev.atomizer.report;

import dev.atomizer.api.AtomizerException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The wall clock the report commands judge "now" by: a report is never written before its
 * cut-off has come. The one place the clock may be fixed, for tests that need a given Monday or
 * Friday: the environment variable {@value #FIXED}, an ISO-8601 instant
 * ({@code 2026-12-07T14:00:00Z}). It is not an option of any command.
 */
public final class ReportClock {

    /** The environment variable that fixes the clock, for tests. */
    static final String FIXED = "ATOMIZER_TEST_CLOCK";

    private ReportClock() {}

    /** Now: the system clock, or the instant {@value #FIXED} gives in {@code env}. */
    public static Instant now(Map<String, String> env) throws AtomizerException {
        String fixed = env == null ? null : env.get(FIXED);
        if (fixed == null || fixed.isBlank()) {
            return Instant.now();
        }
        try {
            return Instant.parse(fixed.strip());
        } catch (DateTimeParseException e) {
            throw new AtomizerException(
                    FIXED + " '" + fixed + "' is not an ISO-8601 instant (2026-12-07T14:00:00Z)", e);
        }
    }
}
