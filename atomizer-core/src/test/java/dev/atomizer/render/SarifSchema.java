package dev.atomizer.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
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

    private static final Schema SCHEMA = load();

    private SarifSchema() {}

    private static Schema load() {
        // the schema declares draft-04; "format" (uri, uri-reference, date-time) is asserted, not just noted
        SchemaRegistryConfig config =
                SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        SchemaRegistry registry =
                SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4, b -> b.schemaRegistryConfig(config));
        try (InputStream in = SarifSchema.class.getResourceAsStream(RESOURCE)) {
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's complaints about {@code json}: empty when it is valid SARIF 2.1.0. */
    public static List<String> problems(String json) throws IOException {
        JsonNode node = new ObjectMapper().readTree(json);
        return SCHEMA.validate(node).stream().map(Error::toString).sorted().toList();
    }
}
