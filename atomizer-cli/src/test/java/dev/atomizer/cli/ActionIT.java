package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitFixture.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The GitHub Action ({@code action.yml}): its shell steps run here as the runner would run them,
 * with this checkout as the action's folder (the jar is built) and a real status repository made
 * by {@code atomizer init}. What GitHub itself provides (setup-java, the cache) is not run.
 */
class ActionIT {

    static final Path ACTION_PATH = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> steps() throws Exception {
        Map<String, Object> action = new Yaml().load(Files.readString(ACTION_PATH.resolve("action.yml")));
        Map<String, Object> runs = (Map<String, Object>) action.get("runs");
        assertThat(runs.get("using")).isEqualTo("composite");
        return (List<Map<String, Object>>) runs.get("steps");
    }

    static String script(String name) throws Exception {
        return steps().stream()
                .filter(s -> String.valueOf(s.get("name")).startsWith(name))
                .findFirst()
                .map(s -> String.valueOf(s.get("run")))
                .orElseThrow(() -> new AssertionError("no step " + name))
                .replace("${{ runner.os }}", "Linux")
                .replace("${{ inputs.java-version }}", "17");
    }

    Run bash(GitFixture repo, String script, Map<String, String> env) throws Exception {
        Map<String, String> e = new HashMap<>(env);
        e.put("GITHUB_ACTION_PATH", ACTION_PATH.toString());
        return repo.run(e, "/bin/bash", "-e", "-c", script);
    }

    @Test
    void theCacheKeyIsTheHashOfAtomizersSourcesAndStable() throws Exception {
        GitFixture repo = GitFixture.init(tmp.resolve("status"));
        Path out = tmp.resolve("output");
        Run first = bash(repo, script("Atomizer's sources"), Map.of("GITHUB_OUTPUT", out.toString()));
        assertThat(first.code()).as(first.err()).isZero();
        String key = Files.readString(out).strip();
        assertThat(key).matches("key=atomizer-Linux-java17-[0-9a-f]{40}");
        Files.delete(out);
        bash(repo, script("Atomizer's sources"), Map.of("GITHUB_OUTPUT", out.toString()));
        assertThat(Files.readString(out).strip()).isEqualTo(key);
    }

    @Test
    void theCommandRunsInTheTeamsRepositoryWithItsArgumentsAndOutput() throws Exception {
        GitFixture repo = GitFixture.init(tmp.resolve("status"));
        Run init = repo.run(Map.of(), ACTION_PATH.resolve("hooks/atomizer").toString(), "init");
        assertThat(init.code()).as(init.err()).isZero();
        repo.git("add", "-A");
        repo.commit("Set up the status repository");
        String run = script("atomizer ");

        // a quoted argument stays one word
        Run dashboards = bash(
                repo,
                run,
                Map.of(
                        "ATOMIZER_COMMAND",
                        "dashboards",
                        "ATOMIZER_ARGS",
                        "--as-of \"2026-11-06 18:00\"",
                        "ATOMIZER_OUTPUT",
                        ""));
        assertThat(dashboards.code()).as(dashboards.err()).isZero();
        assertThat(repo.read("shared/dashboards/exec-summary.md")).contains("as of 2026-11-06 18:00");

        // standard output to a file: SARIF from verify
        Run sarif = bash(
                repo,
                run,
                Map.of(
                        "ATOMIZER_COMMAND",
                        "verify",
                        "ATOMIZER_ARGS",
                        "--base HEAD --format sarif",
                        "ATOMIZER_OUTPUT",
                        "atomizer.sarif"));
        assertThat(sarif.code()).as(sarif.err()).isZero();
        assertThat(Files.readString(repo.file("atomizer.sarif"), StandardCharsets.UTF_8))
                .contains("\"version\" : \"2.1.0\"");

        // a failing command fails the step, with its one-line message
        Run bad = bash(
                repo,
                run,
                Map.of("ATOMIZER_COMMAND", "verify", "ATOMIZER_ARGS", "--base no-such-commit", "ATOMIZER_OUTPUT", ""));
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("no-such-commit").doesNotContain("\tat ");
    }
}
