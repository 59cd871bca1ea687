package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.atomizer.git.GitFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atomizer contract --format json-schema}: the entry's schema of the repository's contract. */
class ContractCommandTest {

    @TempDir
    Path tmp;

    @Test
    void printsTheSchemaOfTheRepositorysContractAndStatusFile() throws Exception {
        GitFixture repo = GitFixture.init(tmp.resolve("repo"));
        repo.write("shared/data-contracts/schemas.md", """
                ## Event types

                | Type | Meaning | Required metrics |
                |---|---|---|
                | `launch` | a launch | rocket |

                ## Agents

                | Agent | Role |
                |---|---|
                | `pilot` | flies |
                """);
        repo.write("shared/PROJECT_STATUS.md", McpServerIT.STATUS);
        CliRun r = CliRun.of(repo.dir(), "contract", "--format", "json-schema");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode schema = new ObjectMapper().readTree(r.out());
        assertThat(schema.at("/properties/agent/enum").toString()).isEqualTo("[\"pilot\"]");
        assertThat(schema.at("/properties/project/enum").toString()).isEqualTo("[\"bracket-topopt\"]");
        assertThat(schema.at("/properties/event_type/enum").toString()).isEqualTo("[\"launch\"]");
        Schema s = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(r.out(), InputFormat.JSON);
        String entry = "{\"agent\":\"pilot\",\"project\":\"bracket-topopt\",\"event_type\":\"launch\","
                + "\"status\":\"completed\",\"summary\":\"Lift-off\"";
        assertThat(s.validate(entry + ",\"metrics\":{\"rocket\":\"r-1\"}}", InputFormat.JSON))
                .isEmpty();
        assertThat(s.validate(entry + "}", InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void withoutAStatusFileAnySlugAndAnUnknownFormatIsAUsageError() throws Exception {
        GitFixture repo = GitFixture.init(tmp.resolve("bare"));
        repo.write("shared/project_log.md", "# Project log\n");
        CliRun r = CliRun.of(repo.dir(), "contract");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(new ObjectMapper()
                        .readTree(r.out())
                        .at("/properties/project/pattern")
                        .asText())
                .isNotEmpty();
        CliRun bad = CliRun.of(repo.dir(), "contract", "--format", "yaml");
        assertThat(bad.code()).isEqualTo(Main.USAGE);
        assertThat(bad.err()).isEqualTo("atomizer: unknown format 'yaml'; use one of json-schema\n");
    }

    @Test
    void mcpRefusesToStartOnABrokenContractWithOneLinePerProblem() throws Exception {
        GitFixture repo = GitFixture.init(tmp.resolve("broken"));
        repo.write("shared/project_log.md", "# Project log\n");
        repo.write(
                "shared/data-contracts/schemas.md",
                "## Rules\n\n| Rule | Severity |\n|---|---|\n| `field-order` | loud |\n");
        for (String command : new String[] {"mcp", "contract"}) {
            CliRun r = CliRun.of(repo.dir(), command);
            assertThat(r.code()).as(command).isEqualTo(Main.USAGE);
            assertThat(r.out()).as(command).isEmpty();
            assertThat(r.err())
                    .as(command)
                    .startsWith("atomizer: shared/data-contracts/schemas.md:5:")
                    .contains("[config]")
                    .doesNotContain("Exception");
        }
    }
}
