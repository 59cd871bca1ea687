package dev.atomizer.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The official SARIF 2.1.0 schema (a copy in the test resources), as a validator. Public: the
 * command line's end-to-end tests use it through the core test-jar.
 */
public final class SarifSchema {

    static final String RESOURCE = "/sarif/sarif-schema-2.1.0.json";

    private static final JsonSchema SCHEMA = load();

    private SarifSchema() {}

    private static JsonSchema load() {
        // the schema declares draft-04; "format" (uri, uri-reference, date-time) is asserted, not just noted
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = SarifSchema.class.getResourceAsStream(RESOURCE)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's complaints about {@code json}: empty when it is valid SARIF 2.1.0. */
    public static List<String> problems(String json) throws IOException {
        JsonNode node = new ObjectMapper().readTree(json);
        return SCHEMA.validate(node).stream()
                .map(ValidationMessage::toString)
                .sorted()
                .toList();
    }
}
