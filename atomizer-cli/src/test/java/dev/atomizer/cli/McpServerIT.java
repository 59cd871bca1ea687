package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomizer.git.GitFixture;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atomizer mcp} as an agent meets it: the packaged jar spawned by the MCP SDK's own client
 * over stdio, in a real git repository.
 */
class McpServerIT {

    static final String LOG = HooksEndToEndIT.LOG;
    static final String DASHBOARD = "shared/dashboards/exec-summary.md";
    static final String STATUS = "# Project status\n\n## Projects\n\n| Slug | Name | RAG | Status | Phase | Owner |"
            + " Next milestone |\n|---|---|---|---|---|---|---|\n| `bracket-topopt` | Bracket | Green | active | one"
            + " | manager | M1 |\n";

    @TempDir
    Path tmp;

    GitFixture repo;
    McpSyncClient client;

    @BeforeEach
    void serve() throws Exception {
        repo = GitFixture.init(tmp.resolve("repo"));
        repo.write("shared/PROJECT_STATUS.md", STATUS);
        repo.write(LOG, HooksEndToEndIT.BASE);
        GitFixture.Run dashboards = repo.run(java(), "-jar", HooksEndToEndIT.JAR.toString(), "dashboards");
        assertThat(dashboards.code()).as(dashboards.err()).isZero();
        repo.git("add", "-A");
        repo.commit("Start");
        // the repository named with --repo: an agent's MCP configuration may start the server anywhere
        ServerParameters params = ServerParameters.builder(java())
                .args(
                        "-jar",
                        HooksEndToEndIT.JAR.toString(),
                        "mcp",
                        "--repo",
                        repo.dir().toString())
                .build();
        client = McpClient.sync(new StdioClientTransport(params, new JacksonMcpJsonMapper(new ObjectMapper())))
                .requestTimeout(Duration.ofMinutes(2))
                .initializationTimeout(Duration.ofMinutes(2))
                .build();
        client.initialize();
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.closeGracefully();
        }
    }

    @Test
    void listsTheToolsWithTheEntrySchemaOfTheContract() throws Exception {
        List<McpSchema.Tool> tools = client.listTools().tools();
        assertThat(tools)
                .extracting(McpSchema.Tool::name)
                .containsExactly("append_entry", "lint", "project_status", "open_decisions", "alerts");
        Map<String, Object> schema = tools.get(0).inputSchema();
        GitFixture.Run printed = repo.run(java(), "-jar", HooksEndToEndIT.JAR.toString(), "contract");
        assertThat(printed.code()).as(printed.err()).isZero();
        // the same generator: the tool's input is the schema 'atomizer contract --format json-schema' prints
        assertThat(new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(schema)))
                .isEqualTo(new ObjectMapper().readTree(printed.out()));
        assertThat(new ObjectMapper().writeValueAsString(schema))
                .contains("\"project\":{\"description\"")
                .contains("\"enum\":[\"bracket-topopt\"]")
                .contains("\"required\":[\"iteration\",\"objective\"]");
    }

    @Test
    void appendsAValidEntryAndNothingElse() throws Exception {
        String before = repo.read(LOG);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("iteration", 4);
        metrics.put("objective", 0.031);
        CallToolResult r = call(
                "append_entry",
                entry("study-iteration", "in-progress", "Iteration 4 of study-bracket-03 — AlSi10Mg"),
                "metrics",
                metrics);
        assertThat(r.isError()).as(text(r)).isFalse();
        String after = repo.read(LOG);
        assertThat(after).startsWith(before);
        String added = after.substring(before.length());
        assertThat(Pattern.compile("(?m)^## \\[").matcher(added).results().count())
                .isEqualTo(1);
        assertThat(added)
                .containsPattern("(?m)^## \\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\] optimizer \\| bracket-topopt \\|"
                        + " study-iteration$")
                .contains("**Status:** in-progress\n**Summary:** Iteration 4 of study-bracket-03 — AlSi10Mg\n")
                .contains("**Metrics:** iteration=4, objective=0.031\n")
                .endsWith("---\n");
        assertThat(text(r)).contains("appended [").contains(LOG);
        // the log lints clean afterwards, and the dashboards were not touched
        CallToolResult lint = call("lint", Map.of());
        assertThat(lint.isError()).isFalse();
        assertThat(text(lint)).contains("\"entries\":2,\"errors\":0");
        assertThat(repo.git("status", "--porcelain")).isEqualTo(" M " + LOG + "\n");
    }

    @Test
    void refusesABadEntryWithTheRuleAndItsFixAndWritesNothing() throws Exception {
        String before = repo.read(LOG);
        CallToolResult r = call("append_entry", entry("milestone", "done", "Bad status"));
        assertThat(r.isError()).isTrue();
        assertThat(text(r))
                .contains("nothing was written to " + LOG)
                .contains("[status-invalid]")
                .contains("[status-invalid] status 'done' is not one of in-progress, completed, blocked, failed\n"
                        + "  fix: Use one status value of the contract");

        CallToolResult missing = call(
                "append_entry",
                entry("study-iteration", "in-progress", "Iteration 5"),
                "metrics",
                Map.of("iteration", 5));
        assertThat(missing.isError()).isTrue();
        assertThat(text(missing)).contains("[metric-required]").contains("objective");

        CallToolResult shape = call("append_entry", entry("milestone", "completed", "x"), "metrics", "iteration=1");
        assertThat(shape.isError()).isTrue();
        assertThat(text(shape)).contains("'metrics' must be an object");

        assertThat(repo.read(LOG)).isEqualTo(before);
        assertThat(repo.git("status", "--porcelain")).isEmpty();
    }

    @Test
    void readsTheDashboardsAsTheyAre() throws Exception {
        assertThat(client.listResources().resources())
                .extracting(McpSchema.Resource::uri)
                .contains("atomizer:///" + DASHBOARD, "atomizer:///reports/weekly/latest");
        TextResourceContents c = (TextResourceContents) client.readResource(
                        ReadResourceRequest.builder("atomizer:///" + DASHBOARD).build())
                .contents()
                .get(0);
        assertThat(c.text()).isEqualTo(Files.readString(repo.file(DASHBOARD)));
        assertThatThrownBy(() -> client.readResource(ReadResourceRequest.builder("atomizer:///reports/weekly/latest")
                        .build()))
                .isInstanceOf(McpError.class)
                .hasMessageContaining("no weekly report is written yet");
    }

    @Test
    void answersTheReadingTools() throws Exception {
        CallToolResult status = call("project_status", Map.of("project", "bracket-topopt"));
        assertThat(status.isError()).as(text(status)).isFalse();
        assertThat(text(status)).contains("bracket-topopt");
        CallToolResult unknown = call("project_status", Map.of("project", "no-such-project"));
        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown)).contains("no-such-project");
        CallToolResult decisions = call("open_decisions", Map.of());
        assertThat(decisions.isError()).isFalse();
        assertThat(text(decisions)).isEqualTo("[ ]");
        CallToolResult alerts = call("alerts", Map.of());
        assertThat(alerts.isError()).as(text(alerts)).isFalse();
        assertThat(text(alerts)).contains("\"alerts\"");
    }

    private static Map<String, Object> entry(String event, String status, String summary) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agent", "optimizer");
        m.put("project", "bracket-topopt");
        m.put("event_type", event);
        m.put("status", status);
        m.put("summary", summary);
        return m;
    }

    private CallToolResult call(String tool, Map<String, Object> args, Object... more) {
        Map<String, Object> all = new LinkedHashMap<>(args);
        for (int i = 0; i < more.length; i += 2) {
            all.put((String) more[i], more[i + 1]);
        }
        return client.callTool(CallToolRequest.builder(tool).arguments(all).build());
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
