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
 *
 * <p>The action's Maven path runs too: its install of the Maven plugin, from a copy of this
 * checkout's sources into an empty local Maven repository under {@code target/} (the libraries come
 * from the developer's own local repository, read as a remote one, which nothing writes to), then
 * the {@code mvn -B atomizer:dashboards} step {@code action.yml} shows for it, in a repository made
 * by {@code init} with sample-repo's {@code pom.xml}.
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

    static final List<String> DERIVED = List.of(
            "shared/dashboards/exec-summary.md",
            "shared/dashboards/technical.md",
            "shared/dashboards/operations.md",
            "shared/kpi/metrics.md");

    /** The sources of the action's checkout the Maven plugin is built from (no build output, no tests). */
    static void copySources(Path to) throws Exception {
        Files.createDirectories(to);
        Files.copy(ACTION_PATH.resolve("pom.xml"), to.resolve("pom.xml"));
        for (String module : List.of("atomizer-core", "atomizer-cli", "atomizer-maven-plugin")) {
            Path from = ACTION_PATH.resolve(module);
            Files.createDirectories(to.resolve(module));
            Files.copy(from.resolve("pom.xml"), to.resolve(module).resolve("pom.xml"));
            Path main = from.resolve("src/main");
            if (module.equals("atomizer-cli") || !Files.isDirectory(main)) {
                continue; // the reactor reads its pom; the plugin does not need it built
            }
            try (java.util.stream.Stream<Path> files = Files.walk(main)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path target = to.resolve(module).resolve(from.relativize(f).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target);
                }
            }
        }
    }

    /** {@code mvn} as the runner has it, with an empty local repository under target/ and no network. */
    static Path maven(Path bin, Path localRepo) throws Exception {
        Path real = java.util.Arrays.stream(System.getenv("PATH").split(java.io.File.pathSeparator))
                .map(d -> Path.of(d, "mvn"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no mvn on the PATH"));
        Path userRepo = Path.of(System.getProperty("user.home"), ".m2", "repository");
        Files.createDirectories(bin);
        Path settings = Files.writeString(
                bin.resolveSibling("settings.xml"),
                "<settings>\n  <mirrors>\n    <mirror>\n      <id>developer-repository</id>\n"
                        + "      <mirrorOf>*</mirrorOf>\n      <url>" + userRepo.toUri() + "</url>\n"
                        + "    </mirror>\n  </mirrors>\n</settings>\n");
        Path mvn = Files.writeString(
                bin.resolve("mvn"),
                "#!/bin/sh\nexec '" + real + "' -s '" + settings + "' -Dmaven.repo.local='" + localRepo + "' \"$@\"\n");
        mvn.toFile().setExecutable(true);
        return mvn;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMavenPluginInstalledByTheActionRegeneratesWhatTheCommandLineDoes() throws Exception {
        // the action's checkout and the runner's empty local repository
        Path action = tmp.resolve("action");
        copySources(action);
        Path localRepo = Path.of("target/action-it-m2").toAbsolutePath();
        if (Files.exists(localRepo)) {
            try (java.util.stream.Stream<Path> all = Files.walk(localRepo)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(localRepo);
        Path bin = tmp.resolve("runner/bin");
        maven(bin, localRepo);
        String path = bin + java.io.File.pathSeparator + System.getenv("PATH");

        // a status repository made by init, with the sample's pom.xml and a few entries
        GitFixture repo = GitFixture.init(tmp.resolve("status"));
        Run init = repo.run(Map.of(), ACTION_PATH.resolve("hooks/atomizer").toString(), "init");
        assertThat(init.code()).as(init.err()).isZero();
        Files.copy(ACTION_PATH.resolve("sample-repo/pom.xml"), repo.file("pom.xml"));
        repo.git("add", "-A");
        repo.commit("Set up the status repository");
        repo.append(
                "shared/project_log.md",
                "\n## [2026-02-16 09:00] manager | bracket-topopt | milestone\n\n**Status:** completed\n"
                        + "**Summary:** Kick-off held\n**Metrics:** tokens=1000, cost_usd=0.02\n\n---\n\n"
                        + "## [2026-02-16 10:00] manager | bracket-topopt | decision-needed\n\n**Status:** in-progress\n"
                        + "**Summary:** Antoine: approve the print order\n**Metrics:** ref=dec-001, tokens=1200, "
                        + "cost_usd=0.01\n\n---\n\n");
        repo.git("add", "-A");
        repo.commit("Two entries");

        // what the command line makes of it
        Run cli = repo.run(Map.of(), ACTION_PATH.resolve("hooks/atomizer").toString(), "dashboards");
        assertThat(cli.code()).as(cli.err()).isZero();
        Map<String, byte[]> expected = new HashMap<>();
        for (String d : DERIVED) {
            expected.put(d, Files.readAllBytes(repo.file(d)));
        }
        assertThat(repo.git("status", "--porcelain")).contains("exec-summary.md"); // something to regenerate
        repo.git("checkout", "--", "shared");

        // the action's step: the plugin installed from its checkout, its version an output; without a
        // command, the action builds and runs no command line
        for (Map<String, Object> st : steps()) {
            String name = String.valueOf(st.get("name"));
            if (name.startsWith("Install the Maven plugin")) {
                assertThat(st.get("if")).isEqualTo("inputs.install-maven-plugin == 'true'");
            } else if (!String.valueOf(st.get("uses")).startsWith("actions/setup-java@")) {
                assertThat(String.valueOf(st.get("if"))).as(name).startsWith("inputs.command != ''");
            }
        }
        Path output = tmp.resolve("github-output");
        Files.writeString(output, "");
        Run install = repo.run(
                Map.of("GITHUB_ACTION_PATH", action.toString(), "GITHUB_OUTPUT", output.toString(), "PATH", path),
                "/bin/bash",
                "-e",
                "-c",
                script("Install the Maven plugin"));
        assertThat(install.code()).as(install.out() + install.err()).isZero();
        String version = Files.readString(output).strip();
        assertThat(version).isEqualTo("version=" + pomVersion());
        version = version.substring("version=".length());
        assertThat(localRepo.resolve(
                        "dev/atomizer/atomizer-maven-plugin/" + version + "/atomizer-maven-plugin-" + version + ".jar"))
                .isRegularFile();

        // the step action.yml shows for it, with the output the step before gave it (the team's
        // workflow regenerates with publish; a repository's own build may run the goals)
        String run = "mvn -B -Datomizer.version=\"$ATOMIZER_VERSION\" atomizer:dashboards";
        assertThat(Files.readString(ACTION_PATH.resolve("action.yml")))
                .contains("#   - run: " + run + "\n")
                .contains("#       ATOMIZER_VERSION: ${{ steps.atomizer-plugin.outputs.maven-plugin-version }}\n");
        Map<String, String> env = new HashMap<>(Map.of("PATH", path, "ATOMIZER_VERSION", version));
        Run mvn = repo.run(env, "/bin/bash", "-e", "-c", run);
        assertThat(mvn.code()).as(mvn.out() + mvn.err()).isZero();
        assertThat(mvn.out())
                .contains("Wrote shared/dashboards/exec-summary.md")
                .contains("BUILD SUCCESS");
        for (String d : DERIVED) {
            assertThat(new String(Files.readAllBytes(repo.file(d)), StandardCharsets.UTF_8))
                    .as(d)
                    .isEqualTo(new String(expected.get(d), StandardCharsets.UTF_8));
        }
        assertThat(Files.readString(repo.file("shared/dashboards/exec-summary.md")))
                .contains("**dec-001** bracket-topopt");
    }

    /** The version of this checkout (atomizer-parent's). */
    static String pomVersion() throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "<artifactId>atomizer-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ACTION_PATH.resolve("pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
