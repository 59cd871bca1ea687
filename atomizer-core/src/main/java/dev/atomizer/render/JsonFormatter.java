package dev.atomizer.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileSummary;
import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code {"diagnostics":[{"path","line","column","rule","severity","message"}],"summary":{"entries","errors","warnings"}}},
 * streamed, so a log with a million findings needs no more memory than one with none.
 */
public final class JsonFormatter implements Formatter {

    private final JsonGenerator json;

    public JsonFormatter(OutputStream out) throws IOException {
        json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartObject();
        json.writeArrayFieldStart("diagnostics");
    }

    @Override
    public void diagnostic(Diagnostic d) throws IOException {
        json.writeStartObject();
        json.writeStringField("path", d.path());
        json.writeNumberField("line", d.line());
        json.writeNumberField("column", d.column());
        json.writeStringField("rule", d.rule());
        json.writeStringField("severity", d.severity().label());
        json.writeStringField("message", d.message());
        json.writeEndObject();
    }

    @Override
    public void finish(FileSummary summary) throws IOException {
        json.writeEndArray();
        json.writeObjectFieldStart("summary");
        json.writeNumberField("entries", summary.entries());
        json.writeNumberField("errors", summary.errors());
        json.writeNumberField("warnings", summary.warnings());
        json.writeEndObject();
        json.writeEndObject();
        json.writeRaw('\n');
        json.flush();
    }
}
