package dev.atomizer.api;

import java.util.List;

/**
 * The watchdog's alerts at one moment ({@code alerts}), and their renderings: text (one line each),
 * JSON, markdown, GitHub annotations, and the message an incoming webhook accepts.
 */
public interface Alerts {

    /** The formats {@code atomizer alerts --format} takes. */
    List<String> FORMATS = List.of("text", "json", "markdown", "github");

    List<Alert> alerts();

    /** How many alerts are errors. */
    long errors();

    /** The closing line of a report: how many alerts, how many errors. */
    String summaryLine();

    /** The alerts in one of the {@link #FORMATS}. */
    String render(String format) throws AtomizerException;

    /** The webhook's message (see {@link Webhook}), naming {@code where} the log is (or null). */
    String webhookBody(String where);
}
