package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomizer.git.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atomizer mcp} under another client than the Java SDK's: the MCP inspector's CLI mode
 * (Node), installed in bench/node_modules by atomizer-core's build ({@code npm ci}, bench/package.json).
 */
class McpInspectorIT {

    static final Path INSPECTOR =
            Path.of("../bench/node_modules/.bin/mcp-inspector").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    GitFixture repo;

    @BeforeEach
    void repository() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(INSPECTOR),
                "the MCP inspector is not installed (run 'npm ci' in bench/ to enable this test)");
        repo = GitFixture.init(tmp.resolve("repo"));
        repo.write("shared/PROJECT_STATUS.md", McpServerIT.STATUS);
        repo.write(McpServerIT.LOG, HooksEndToEndIT.BASE);
        repo.git("add", "-A");
        repo.commit("Start");
    }

    private JsonNode inspect(String... args) throws Exception {
        GitFixture.Run r = run(args);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    /** The inspector's run: it prints the result on stdout, and exits non-zero on a tool error. */
    private GitFixture.Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                INSPECTOR.toString(),
                "--cli",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                HooksEndToEndIT.JAR.toString(),
                "mcp"));
        command.addAll(List.of(args));
        return repo.run(command.toArray(String[]::new));
    }

    @Test
    void listsTheToolsAppendsAndRefuses() throws Exception {
        JsonNode tools = inspect("--method", "tools/list");
        assertThat(tools.get("tools").findValuesAsText("name"))
                .containsExactly("append_entry", "lint", "project_status", "open_decisions", "alerts");

        String before = repo.read(McpServerIT.LOG);
        JsonNode ok = inspect(
                "--method",
                "tools/call",
                "--tool-name",
                "append_entry",
                "--tool-arg",
                "agent=optimizer",
                "--tool-arg",
                "project=bracket-topopt",
                "--tool-arg",
                "event_type=study-iteration",
                "--tool-arg",
                "status=in-progress",
                "--tool-arg",
                "summary=Iteration 9",
                "--tool-arg",
                "metrics={\"iteration\":9,\"objective\":0.5}");
        assertThat(ok.get("isError").asBoolean()).as(ok.toString()).isFalse();
        String after = repo.read(McpServerIT.LOG);
        assertThat(after).startsWith(before);
        assertThat(after.substring(before.length()))
                .contains("] optimizer | bracket-topopt | study-iteration\n")
                .contains("**Metrics:** iteration=9, objective=0.5\n");

        GitFixture.Run bad = run(
                "--method",
                "tools/call",
                "--tool-name",
                "append_entry",
                "--tool-arg",
                "agent=optimizer",
                "--tool-arg",
                "project=bracket-topopt",
                "--tool-arg",
                "event_type=milestone",
                "--tool-arg",
                "status=done",
                "--tool-arg",
                "summary=Done");
        assertThat(bad.code()).as(bad.err()).isNotZero();
        assertThat(bad.err()).contains("isError");
        JsonNode refused = new ObjectMapper().readTree(bad.out());
        assertThat(refused.get("isError").asBoolean()).isTrue();
        assertThat(refused.at("/content/0/text").asText())
                .contains("[status-invalid]")
                .contains("fix: ");
        assertThat(repo.read(McpServerIT.LOG)).isEqualTo(after);
    }

    @Test
    void readsTheLatestWeeklyReport() throws Exception {
        String week = "shared/reports/weekly/2026-W07-report.md";
        repo.write(week, "# Weekly report 2026-W07\n");
        repo.write("shared/reports/weekly/2026-W06-report.md", "# Weekly report 2026-W06\n");
        JsonNode read = inspect("--method", "resources/read", "--uri", "atomizer:///reports/weekly/latest");
        assertThat(read.at("/contents/0/uri").asText()).isEqualTo("atomizer:///" + week);
        assertThat(read.at("/contents/0/text").asText()).isEqualTo("# Weekly report 2026-W07\n");
    }
}
