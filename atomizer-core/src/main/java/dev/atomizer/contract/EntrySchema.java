package dev.atomizer.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.atomizer.log.Metric;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;

/**
 * The JSON Schema (draft 2020-12) of an entry as a writer gives it, made from a contract: the
 * agents, the event types with their required metrics, the statuses, the projects of
 * {@code PROJECT_STATUS.md} and the longest summary. What {@code atomizer contract --format
 * json-schema} prints and what the MCP server's {@code append_entry} tool declares as its input.
 *
 * <p>The schema tells a writer what the contract accepts before it writes; the contract's rules
 * still judge the entry when it is appended (a warning-only rule such as {@code unknown-project}
 * lets an entry through that the schema's enum would refuse). The timestamp is not part of it: an
 * entry is stamped with the clock when it is appended. Metrics are an object of {@code key: value}
 * (a number or a one-token text), written as the {@code key=value} pairs of the log's grammar.
 */
public final class EntrySchema {

    /** The draft the schema declares. */
    public static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";

    /** The properties, in the order an entry writes its fields. */
    public static final List<String> PROPERTIES =
            List.of("agent", "project", "event_type", "status", "summary", "detail", "metrics", "blockers");

    /** Lowercase kebab-case, as {@code agent-id-format} and {@code project-slug-format} check it. */
    static final String KEBAB = "^[a-z0-9]+(-[a-z0-9]+)*$";

    /** One line with something on it, as {@code summary-missing} and {@code summary-multiline} want it. */
    static final String ONE_LINE = "^[^\\r\\n]*\\S[^\\r\\n]*$";

    /** The status whose entry must say what blocks it ({@code blockers-missing}). */
    static final String BLOCKED = "blocked";

    private EntrySchema() {}

    /**
     * The schema as JSON text (two-space indented, one trailing newline).
     *
     * @param contract   the contract
     * @param projects   the slugs of {@code PROJECT_STATUS.md}; null or empty when it lists none (any kebab-case slug)
     * @param maxSummary the longest summary, in characters
     */
    public static String json(Contract contract, Collection<String> projects, int maxSummary) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("$schema", DRAFT);
            g.writeStringField("title", "Atomizer log entry");
            g.writeStringField(
                    "description",
                    "One entry of the project log, as the contract "
                            + (contract.source() == null ? "(built-in default)" : contract.source())
                            + " accepts it; the time is the clock's when it is appended.");
            g.writeStringField("type", "object");
            g.writeArrayFieldStart("required");
            for (String p : List.of("agent", "project", "event_type", "status", "summary")) {
                g.writeString(p);
            }
            g.writeEndArray();
            g.writeBooleanField("additionalProperties", false);
            g.writeObjectFieldStart("properties");
            names(g, "agent", "The agent's id", contract.agents());
            names(
                    g,
                    "project",
                    "The project's slug (the Projects table of PROJECT_STATUS.md)",
                    projects == null ? List.of() : projects);
            names(
                    g,
                    "event_type",
                    "The event type (the contract's Event types table)",
                    contract.eventTypes().keySet());
            g.writeObjectFieldStart("status");
            g.writeStringField("description", "The status of the work the entry reports");
            g.writeStringField("type", "string");
            strings(g, "enum", contract.statuses());
            g.writeEndObject();
            g.writeObjectFieldStart("summary");
            g.writeStringField("description", "One line; the rest of the story goes to detail");
            g.writeStringField("type", "string");
            g.writeNumberField("minLength", 1);
            g.writeNumberField("maxLength", maxSummary);
            g.writeStringField("pattern", ONE_LINE);
            g.writeEndObject();
            text(g, "detail", "Detail, markdown; may span lines");
            g.writeObjectFieldStart("metrics");
            g.writeStringField("description", "Metrics as key: value, written as key=value pairs");
            g.writeStringField("type", "object");
            g.writeObjectFieldStart("propertyNames");
            g.writeStringField("pattern", Metric.KEY_PATTERN);
            g.writeEndObject();
            g.writeObjectFieldStart("additionalProperties");
            g.writeArrayFieldStart("anyOf");
            g.writeStartObject();
            g.writeStringField("type", "number");
            g.writeEndObject();
            g.writeStartObject();
            g.writeStringField("type", "string");
            g.writeStringField("pattern", Metric.VALUE_PATTERN);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            text(g, "blockers", "What blocks the work, and who can unblock it");
            g.writeEndObject();
            conditions(g, contract);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w + "\n";
    }

    /** An id of a table: one of its values, or any kebab-case id when the table is empty. */
    private static void names(JsonGenerator g, String name, String description, Collection<String> values)
            throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("description", description);
        g.writeStringField("type", "string");
        if (values.isEmpty()) {
            g.writeStringField("pattern", KEBAB);
        } else {
            strings(g, "enum", values);
        }
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, String name, String description) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("description", description);
        g.writeStringField("type", "string");
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, Collection<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** What depends on another property: an event type's required metrics, a blocked entry's blockers. */
    private static void conditions(JsonGenerator g, Contract contract) throws IOException {
        List<EventType> needing = contract.eventTypes().values().stream()
                .filter(t -> !t.requiredMetrics().isEmpty())
                .toList();
        boolean blocked = contract.statuses().contains(BLOCKED);
        if (needing.isEmpty() && !blocked) {
            return;
        }
        g.writeArrayFieldStart("allOf");
        for (EventType t : needing) {
            when(g, "event_type", t.name());
            g.writeObjectFieldStart("then");
            strings(g, "required", List.of("metrics"));
            g.writeObjectFieldStart("properties");
            g.writeObjectFieldStart("metrics");
            strings(g, "required", t.requiredMetrics());
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        }
        if (blocked) {
            when(g, "status", BLOCKED);
            g.writeObjectFieldStart("then");
            strings(g, "required", List.of("blockers"));
            g.writeObjectFieldStart("properties");
            g.writeObjectFieldStart("blockers");
            g.writeStringField("pattern", "\\S");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Opens an {@code if/then} item whose condition is {@code property} equal to {@code value}. */
    private static void when(JsonGenerator g, String property, String value) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("if");
        strings(g, "required", List.of(property));
        g.writeObjectFieldStart("properties");
        g.writeObjectFieldStart(property);
        g.writeStringField("const", value);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }
}
