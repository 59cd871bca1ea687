package dev.atomizer.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The entry's JSON Schema, judged by a real JSON Schema validator (draft 2020-12). */
class EntrySchemaTest {

    static final String CONTRACT = """
            ## Event types

            | Type | Meaning | Required metrics |
            |---|---|---|
            | `milestone` | a milestone | |
            | `study-iteration` | one iteration | iteration, objective |

            ## Status values

            | Status | Meaning |
            |---|---|
            | `in-progress` | going |
            | `completed` | done |
            | `blocked` | waiting |

            ## Agents

            | Agent | Role |
            |---|---|
            | `tech-lead` | leads |
            | `optimizer` | optimizes |
            """;

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final String json = EntrySchema.json(parse(CONTRACT), List.of("alpha"), 200);
    private final Schema schema = REGISTRY.getSchema(json, InputFormat.JSON);

    private static Contract parse(String markdown) {
        try {
            return ContractLoader.parse(markdown, "schemas.md");
        } catch (dev.atomizer.api.AtomizerException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Error> problems(String entry) {
        return schema.validate(entry, InputFormat.JSON);
    }

    @Test
    void isAValidDraft202012Schema() throws Exception {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of(EntrySchema.DRAFT));
        JsonNode node = new ObjectMapper().readTree(json);
        assertThat(meta.validate(node)).isEmpty();
        assertThat(node.get("$schema").asText()).isEqualTo(EntrySchema.DRAFT);
        assertThat(node.at("/properties/agent/enum").toString()).isEqualTo("[\"tech-lead\",\"optimizer\"]");
        assertThat(node.at("/properties/project/enum").toString()).isEqualTo("[\"alpha\"]");
        assertThat(node.at("/properties/event_type/enum").toString()).isEqualTo("[\"milestone\",\"study-iteration\"]");
        assertThat(node.at("/properties/summary/maxLength").asInt()).isEqualTo(200);
    }

    @Test
    void acceptsWellFormedEntries() {
        assertThat(problems("""
                {"agent":"tech-lead","project":"alpha","event_type":"milestone","status":"completed",
                 "summary":"M1 reached","detail":"line one\\nline two"}""")).isEmpty();
        assertThat(problems("""
                {"agent":"optimizer","project":"alpha","event_type":"study-iteration","status":"in-progress",
                 "summary":"Iteration 4","metrics":{"iteration":4,"objective":0.031,"ref":"study-7"}}""")).isEmpty();
        assertThat(problems("""
                {"agent":"optimizer","project":"alpha","event_type":"milestone","status":"blocked",
                 "summary":"Stuck","blockers":"the licence server; IT can unblock"}""")).isEmpty();
    }

    @Test
    void refusesWhatTheContractRefuses() {
        String ok = "\"agent\":\"tech-lead\",\"project\":\"alpha\",\"summary\":\"s\"";
        assertThat(problems("{" + ok + ",\"event_type\":\"milestone\",\"status\":\"done\"}"))
                .anySatisfy(e -> assertThat(e.toString()).contains("status"));
        assertThat(problems("{" + ok + ",\"event_type\":\"launch\",\"status\":\"completed\"}"))
                .anySatisfy(e -> assertThat(e.toString()).contains("event_type"));
        assertThat(problems("{\"agent\":\"intern\",\"project\":\"alpha\",\"summary\":\"s\","
                        + "\"event_type\":\"milestone\",\"status\":\"completed\"}"))
                .anySatisfy(e -> assertThat(e.toString()).contains("agent"));
        assertThat(problems("{" + ok + ",\"event_type\":\"study-iteration\",\"status\":\"completed\","
                        + "\"metrics\":{\"iteration\":4}}"))
                .anySatisfy(e -> assertThat(e.toString()).contains("objective"));
        assertThat(problems("{" + ok + ",\"event_type\":\"study-iteration\",\"status\":\"completed\"}"))
                .anySatisfy(e -> assertThat(e.toString()).contains("metrics"));
        assertThat(problems("{" + ok + ",\"event_type\":\"milestone\",\"status\":\"blocked\"}"))
                .anySatisfy(e -> assertThat(e.toString()).contains("blockers"));
        assertThat(problems("{" + ok + ",\"event_type\":\"milestone\",\"status\":\"completed\","
                        + "\"metrics\":{\"Bad-Key\":1}}"))
                .isNotEmpty();
        assertThat(problems("{" + ok + ",\"event_type\":\"milestone\",\"status\":\"completed\","
                        + "\"metrics\":{\"note\":\"two words\"}}"))
                .isNotEmpty();
        assertThat(problems("{" + ok + ",\"event_type\":\"milestone\",\"status\":\"completed\",\"time\":\"x\"}"))
                .isNotEmpty();
        assertThat(problems("{\"agent\":\"tech-lead\",\"project\":\"alpha\",\"summary\":\"" + "x".repeat(201)
                        + "\",\"event_type\":\"milestone\",\"status\":\"completed\"}"))
                .anySatisfy(e -> assertThat(e.toString()).contains("summary"));
        assertThat(problems("{\"agent\":\"tech-lead\",\"project\":\"alpha\",\"summary\":\"one\\ntwo\","
                        + "\"event_type\":\"milestone\",\"status\":\"completed\"}"))
                .anySatisfy(e -> assertThat(e.toString()).contains("summary"));
        assertThat(problems("{\"agent\":\"tech-lead\",\"event_type\":\"milestone\",\"status\":\"completed\"}"))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void withoutRegistriesAnyKebabCaseIdGoes() throws Exception {
        // no PROJECT_STATUS.md: no slugs at all
        String open = EntrySchema.json(DefaultContract.get(), null, 200);
        JsonNode node = new ObjectMapper().readTree(open);
        assertThat(node.at("/properties/agent/enum").isMissingNode()).isTrue();
        Schema s = REGISTRY.getSchema(open, InputFormat.JSON);
        assertThat(s.validate(
                        "{\"agent\":\"any-agent\",\"project\":\"p-2\",\"event_type\":\"milestone\","
                                + "\"status\":\"completed\",\"summary\":\"s\"}",
                        InputFormat.JSON))
                .isEmpty();
        assertThat(s.validate(
                        "{\"agent\":\"Any_Agent\",\"project\":\"p\",\"event_type\":\"milestone\","
                                + "\"status\":\"completed\",\"summary\":\"s\"}",
                        InputFormat.JSON))
                .anySatisfy(e -> assertThat(e.toString()).contains("agent"));
    }
}
