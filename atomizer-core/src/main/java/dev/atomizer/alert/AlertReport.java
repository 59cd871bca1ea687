package dev.atomizer.alert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.atomizer.api.Alert;
import dev.atomizer.api.Alerts;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Severity;
import dev.atomizer.state.Format;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The watchdog's alerts as people and machines read them: text (one line each), JSON, markdown (a
 * job summary, an issue's body), GitHub annotations, and the message a Discord or Slack incoming
 * webhook accepts.
 */
public final class AlertReport implements Alerts {

    /** Discord refuses a message over 2,000 characters; Slack takes more. */
    static final int WEBHOOK_MAX = 1900;

    private final List<Alert> alerts;
    private final LocalDateTime now;

    public AlertReport(List<Alert> alerts, LocalDateTime now) {
        this.alerts = List.copyOf(alerts);
        this.now = now;
    }

    @Override
    public List<Alert> alerts() {
        return alerts;
    }

    @Override
    public long errors() {
        return alerts.stream().filter(a -> a.severity() == Severity.ERROR).count();
    }

    /** {@code 2 alerts (1 error, 1 warning) as of 2026-03-01 12:00} or {@code no alerts as of …}. */
    @Override
    public String summaryLine() {
        if (alerts.isEmpty()) {
            return "no alerts as of " + Format.timestamp(now);
        }
        long errors = errors();
        long warnings = alerts.size() - errors;
        return alerts.size() + " alert" + (alerts.size() == 1 ? "" : "s") + " (" + errors + " error"
                + (errors == 1 ? "" : "s") + ", " + warnings + " warning" + (warnings == 1 ? "" : "s") + ") as of "
                + Format.timestamp(now);
    }

    /** The alerts in {@code format}; an unknown format is a usage error naming the formats. */
    @Override
    public String render(String format) throws AtomizerException {
        return switch (format) {
            case "text" -> text();
            case "json" -> json();
            case "markdown" -> markdown();
            case "github" -> github();
            default ->
                throw new AtomizerException(
                        "unknown format '" + format + "'; use one of " + String.join(", ", FORMATS));
        };
    }

    private String text() {
        StringBuilder b = new StringBuilder();
        for (Alert a : alerts) {
            b.append(a.toText()).append('\n');
        }
        return b.toString();
    }

    private String json() {
        StringWriter w = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(w)) {
            json.writeStartObject();
            json.writeStringField("asOf", Format.timestamp(now));
            json.writeNumberField("errors", errors());
            json.writeArrayFieldStart("alerts");
            for (Alert a : alerts) {
                json.writeStartObject();
                json.writeStringField("id", a.id());
                json.writeStringField("severity", a.severity().label());
                json.writeStringField("subject", a.subject());
                json.writeStringField("reason", a.reason());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w + "\n";
    }

    private String markdown() {
        StringBuilder b = new StringBuilder();
        if (alerts.isEmpty()) {
            return "## ✅ Atomizer alerts: none as of " + Format.timestamp(now) + "\n";
        }
        b.append("## ")
                .append(errors() > 0 ? "🚨" : "⚠️")
                .append(" Atomizer alerts: ")
                .append(summaryLine())
                .append("\n\n| Alert | Severity | About | Why |\n|---|---|---|---|\n");
        for (Alert a : alerts) {
            b.append("| `")
                    .append(a.id())
                    .append("` | ")
                    .append(a.severity() == Severity.ERROR ? "❌ error" : "⚠️ warning")
                    .append(" | ")
                    .append(cell(a.subject()))
                    .append(" | ")
                    .append(cell(a.reason()))
                    .append(" |\n");
        }
        return b.toString();
    }

    /** A table cell of text from the log: escaped, and no {@code @mention} (an issue's body would ping). */
    private static String cell(String text) {
        return dev.atomizer.md.MarkdownText.escape(dev.atomizer.api.Diagnostic.visible(text))
                .replace("@", "\\@");
    }

    private String github() {
        StringBuilder b = new StringBuilder();
        for (Alert a : alerts) {
            b.append(a.severity() == Severity.ERROR ? "::error" : "::warning")
                    .append(" title=")
                    .append(property(a.id()))
                    .append("::")
                    .append(data(a.subject() + ": " + a.reason()))
                    .append('\n');
        }
        return b.toString();
    }

    // GitHub's workflow-command escaping
    private static String data(String s) {
        return dev.atomizer.api.Diagnostic.visible(
                s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"));
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    /**
     * The JSON body of a webhook post: the same short message under {@code content} (Discord) and
     * {@code text} (Slack), cut to fit Discord's limit; {@code where} names the repository.
     */
    @Override
    public String webhookBody(String where) {
        StringBuilder m = new StringBuilder();
        m.append(errors() > 0 ? "🚨" : "⚠️")
                .append(" Atomizer alerts")
                .append(where == null ? "" : " for " + where)
                .append(": ")
                .append(summaryLine());
        int shown = 0;
        for (Alert a : alerts) {
            String line = "\n- " + a.toText();
            if (m.length() + line.length() > WEBHOOK_MAX - 40) {
                break;
            }
            m.append(line);
            shown++;
        }
        if (shown < alerts.size()) {
            m.append("\n…and ").append(alerts.size() - shown).append(" more");
        }
        return payload(m.toString());
    }

    /**
     * What Discord and Slack incoming webhooks accept: the text under {@code content} (Discord) and
     * {@code text} (Slack). The text quotes the log, which any agent writes, so it must not ping
     * anyone: Discord is told to parse no mention ({@code allowed_mentions}), and Slack's control
     * characters ({@code <!channel>}, links) are escaped as Slack documents.
     */
    public static String payload(String text) {
        StringWriter w = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(w)) {
            json.writeStartObject();
            json.writeStringField("content", text);
            json.writeObjectFieldStart("allowed_mentions");
            json.writeArrayFieldStart("parse");
            json.writeEndArray();
            json.writeEndObject();
            json.writeStringField(
                    "text", text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
            json.writeEndObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w.toString();
    }
}
