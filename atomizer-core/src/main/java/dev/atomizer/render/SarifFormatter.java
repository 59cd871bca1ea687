package dev.atomizer.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileSummary;
import dev.atomizer.api.RuleCatalog;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * SARIF 2.1.0 (OASIS), valid against {@code sarif-schema-2.1.0.json}, streamed with jackson-core:
 * one run whose {@code tool.driver.rules} is the whole rule catalog (so {@code ruleIndex} is the
 * catalog position), then one result per diagnostic, in the order they arrive (file order).
 *
 * <p>Deterministic: no timestamps, no absolute paths of this machine, fixed indentation and line
 * breaks. Paths are URIs relative to {@code %SRCROOT%}, the repository root (GitHub code scanning
 * resolves them against the checkout).
 *
 * <p>Fingerprints ({@code partialFingerprints["atomizer/v1"]}) identify a finding across runs
 * without its line number: SHA-256 of the rule, the path, the entry heading above the line (the
 * nearest line starting with {@code ## }), the line's own text, and the occurrence count of that
 * combination so far in the file. Entries appended to the log therefore change no fingerprint
 * before them, and a finding keeps its fingerprint while its entry stays as it is. When the file
 * cannot be read (it is gone, or the path is not under the root), the message stands in for the
 * line and heading.
 *
 * <p>A run holds at most {@link #MAX_RESULTS} results, GitHub code scanning's limit per run (it
 * rejects a larger upload): the first ones in file order are kept, and a tool execution
 * notification says how many were left out (the run's {@code properties} count them all).
 */
public final class SarifFormatter implements Formatter {

    public static final String SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public static final String SRCROOT = "%SRCROOT%";
    public static final String FINGERPRINT = "atomizer/v1";
    /** GitHub code scanning's limit of results per run. */
    public static final int MAX_RESULTS = 25_000;

    private final JsonGenerator json;
    private final SourceLines sources;
    private final Map<String, Integer> ruleIndex = new HashMap<>();
    private final Map<String, Integer> occurrences = new HashMap<>();
    private final MessageDigest sha256;
    private int results;

    /**
     * @param root the directory the diagnostics' relative paths are relative to, read for
     *             fingerprints; null to fingerprint by message alone
     */
    public SarifFormatter(OutputStream out, java.nio.file.@Nullable Path root) throws IOException {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("SHA-256 is not available in this JVM", e);
        }
        sources = new SourceLines(root);
        json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // fixed "\n" line breaks: the default pretty printer would use the platform's
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        json.setPrettyPrinter(
                new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter));
        json.writeStartObject();
        json.writeStringField("$schema", SCHEMA);
        json.writeStringField("version", "2.1.0");
        json.writeArrayFieldStart("runs");
        json.writeStartObject();
        writeTool();
        json.writeStringField("columnKind", "utf16CodeUnits");
        json.writeArrayFieldStart("results");
    }

    private void writeTool() throws IOException {
        json.writeObjectFieldStart("tool");
        json.writeObjectFieldStart("driver");
        json.writeStringField("name", ToolInfo.NAME);
        json.writeStringField("version", ToolInfo.version());
        if (ToolInfo.home() != null) {
            json.writeStringField("informationUri", ToolInfo.home());
        }
        json.writeArrayFieldStart("rules");
        int i = 0;
        for (RuleInfo rule : RuleCatalog.all()) {
            ruleIndex.put(rule.id(), i++);
            json.writeStartObject();
            json.writeStringField("id", rule.id());
            json.writeStringField("name", rule.name());
            text("shortDescription", rule.fires());
            text("fullDescription", rule.fires() + ". Fix: " + rule.fix());
            text("help", rule.fix());
            json.writeObjectFieldStart("defaultConfiguration");
            json.writeStringField("level", level(rule.severity()));
            json.writeEndObject();
            json.writeObjectFieldStart("properties");
            json.writeArrayFieldStart("tags");
            json.writeString(rule.governance() ? "governance" : "log-contract");
            for (String tag : rule.tags()) {
                json.writeString(tag);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    private void text(String field, String text) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("text", text);
        json.writeEndObject();
    }

    @Override
    public void diagnostic(Diagnostic d) throws IOException {
        if (++results > MAX_RESULTS) {
            return; // counted, and said in finish
        }
        json.writeStartObject();
        json.writeStringField("ruleId", d.rule());
        Integer index = ruleIndex.get(d.rule());
        if (index != null) {
            json.writeNumberField("ruleIndex", index);
        }
        json.writeStringField("level", level(d.severity()));
        text("message", d.message());
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        boolean absolute = isAbsolute(d.path());
        json.writeStringField("uri", absolute ? fileUri(d.path()) : uri(d.path()));
        if (!absolute) {
            json.writeStringField("uriBaseId", SRCROOT);
        }
        json.writeEndObject();
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", Math.max(1, d.line()));
        json.writeNumberField("startColumn", Math.max(1, d.column()));
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        json.writeObjectFieldStart("partialFingerprints");
        json.writeStringField(FINGERPRINT, fingerprint(d));
        json.writeEndObject();
        json.writeEndObject();
    }

    @Override
    public void finish(FileSummary summary) throws IOException {
        sources.close();
        json.writeEndArray();
        int omitted = results - MAX_RESULTS;
        if (omitted > 0) {
            json.writeArrayFieldStart("invocations");
            json.writeStartObject();
            json.writeBooleanField("executionSuccessful", true);
            json.writeArrayFieldStart("toolExecutionNotifications");
            json.writeStartObject();
            json.writeStringField("level", "warning");
            text(
                    "message",
                    omitted + " of " + results + " results left out: GitHub code scanning accepts "
                            + MAX_RESULTS + " per run; the first " + MAX_RESULTS
                            + " (in file order) are here, the text or"
                            + " json format lists them all");
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
        }
        json.writeObjectFieldStart("properties");
        json.writeNumberField("entries", summary.entries());
        json.writeNumberField("errors", summary.errors());
        json.writeNumberField("warnings", summary.warnings());
        if (omitted > 0) {
            json.writeNumberField("omittedResults", omitted);
        }
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
        json.flush();
    }

    /** SARIF's result levels: error, warning, note. */
    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case OFF -> "none";
        };
    }

    /** The fingerprint of one finding; see the class comment. */
    String fingerprint(Diagnostic d) {
        SourceLines.Context c = sources.at(d.path(), d.line());
        List<String> parts = new ArrayList<>(5);
        parts.add(d.rule());
        parts.add(d.path());
        if (c != null) {
            parts.add(c.heading());
            parts.add(c.text());
        } else {
            parts.add("");
            parts.add("message:" + d.message());
        }
        String key = String.join("\u0000", parts);
        int n = occurrences.merge(key, 1, Integer::sum);
        sha256.reset();
        byte[] hash = sha256.digest((key + "\u0000" + n).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, 16);
    }

    static boolean isAbsolute(String path) {
        return path.startsWith("/") || path.matches("^[A-Za-z]:[/\\\\].*");
    }

    /**
     * A relative path as a URI reference: '/'-separated segments, each percent-encoded as RFC 3986
     * requires (UTF-8; spaces, '%', ':' and non-ASCII characters encoded).
     */
    public static String uri(String path) {
        StringBuilder b = new StringBuilder(path.length() + 8);
        for (byte x : path.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=@".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    private static String fileUri(String path) {
        String p = path.replace('\\', '/');
        if (p.startsWith("/")) {
            return "file://" + uri(p);
        }
        return "file:///" + p.substring(0, 2) + uri(p.substring(2)); // a drive letter keeps its colon
    }
}
