package dev.atomizer.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.RuleCatalog;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.git.GitFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The governance rules driven by examples, like the entry rules: {@code
 * src/test/resources/rules/<rule-id>/} of a change rule is a small scripted repository, run through
 * the real git binary and judged by {@code verify} of the base against the change, made on a branch
 * (a rule that only {@code check} runs: by {@code check} of the change's working tree):
 *
 * <ul>
 *   <li>{@code base/}: the files of the base commit, laid over {@code src/test/resources/change-base/}
 *       (a repository with the built-in contract, a log, a foundational document, a knowledge base
 *       and a weekly report);
 *   <li>{@code pass/} and {@code fail/}: a change of the base each: {@code files/} written over it,
 *       {@code deleted} (paths removed, one a line), {@code message} (the commit message with its
 *       trailers), and {@code shape} ({@code commit}, the default; {@code root-merge}: the change is
 *       a merge of the base with a root commit holding the same files, history that never reaches
 *       the base), and {@code run} (the generators run on the change before it is committed, one a
 *       line: {@code dashboards}, {@code weekly YYYY-Www}, {@code revise YYYY-Www}, which writes that
 *       week's revision);
 *   <li>{@code fail.expected}: every diagnostic {@code verify} gives the failing change, one a line
 *       ({@code path:line severity rule}); the passing change gives none.
 * </ul>
 *
 * {@link dev.atomizer.lint.RuleFixturesTest} requires such a folder for every rule of the catalog.
 */
class ChangeRuleFixturesTest {

    static final Path ROOT = Path.of("src/test/resources/rules");
    static final Path BASE = Path.of("src/test/resources/change-base");

    @TempDir
    Path tmp;

    static Stream<String> rules() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs
                    .filter(d -> Files.isDirectory(d.resolve("fail")))
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}: the passing change verifies clean")
    @MethodSource("rules")
    void passingChangeIsClean(String rule) throws Exception {
        assertThat(verify(rule, "pass")).as("diagnostics of %s/pass", rule).isEmpty();
    }

    @ParameterizedTest(name = "{0}: the failing change fires as expected")
    @MethodSource("rules")
    void failingChangeFiresAsExpected(String rule) throws Exception {
        List<String> expected = Files.readAllLines(ROOT.resolve(rule).resolve("fail.expected")).stream()
                .filter(l -> !l.isBlank())
                .toList();
        List<String> actual = verify(rule, "fail");
        assertThat(actual).as("diagnostics of %s/fail", rule).containsExactlyElementsOf(expected);
        assertThat(actual).as("%s/fail fires %s", rule, rule).anyMatch(l -> l.endsWith(" " + rule));
        RuleInfo info = RuleCatalog.info(rule);
        assertThat(info.governance()).as("%s is a governance rule", rule).isTrue();
    }

    /** Builds the base and the change in a new repository and verifies the change against the base. */
    List<String> verify(String rule, String variant) throws Exception {
        Path dir = ROOT.resolve(rule);
        GitFixture repo = GitFixture.init(tmp.resolve(variant)).date("2026-02-27T10:00:00Z");
        copy(BASE, repo.dir());
        copy(dir.resolve("base"), repo.dir());
        repo.git("add", "-A");
        String base = repo.commit("Base");
        repo.git("checkout", "-q", "-b", "change"); // a pull request's branch
        Path change = dir.resolve(variant);
        copy(change.resolve("files"), repo.dir());
        for (String step : lines(change.resolve("run"))) {
            generate(repo.dir(), step);
        }
        for (String path : lines(change.resolve("deleted"))) {
            repo.git("rm", "-q", "-r", "--", path);
        }
        repo.git("add", "-A");
        String message = Files.exists(change.resolve("message"))
                ? Files.readString(change.resolve("message"), StandardCharsets.UTF_8)
                : "Change";
        Path messageFile = tmp.resolve(variant + "-message");
        Files.writeString(messageFile, message, StandardCharsets.UTF_8);
        String shape = lines(change.resolve("shape")).stream().findFirst().orElse("commit");
        switch (shape) {
            case "commit" -> repo.git("commit", "-q", "--allow-empty", "--no-verify", "-F", messageFile.toString());
            case "root-merge" -> {
                String tree = repo.git("write-tree").strip();
                String root = repo.git("commit-tree", tree, "-m", "Import").strip();
                String merge = repo.git("commit-tree", tree, "-p", base, "-p", root, "-F", messageFile.toString())
                        .strip();
                repo.git("reset", "-q", "--hard", merge);
            }
            default -> throw new IllegalArgumentException(rule + "/" + variant + "/shape: unknown shape " + shape);
        }
        List<Diagnostic> diagnostics;
        if (RuleCatalog.info(rule).tags().contains("verify")) {
            // what 'atomizer verify --base <base>' runs
            diagnostics = dev.atomizer.Atomizer.at(repo.dir(), java.util.Map.of())
                    .verify(base, "HEAD", false, "--rule", c -> {})
                    .result()
                    .diagnostics();
        } else {
            // a rule of 'atomizer check' alone: the change's working tree
            diagnostics = dev.atomizer.Atomizer.open(dev.atomizer.api.Workspace.at(repo.dir()), java.util.Map.of())
                    .check()
                    .diagnostics();
        }
        List<String> found = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            found.add(d.path() + ":" + d.line() + " " + d.severity().label() + " " + d.rule());
        }
        return found;
    }

    /** One generator step of a change, as the command line would run it. */
    static void generate(Path root, String step) throws Exception {
        String[] words = step.split(" ");
        switch (words[0]) {
            case "dashboards" ->
                dev.atomizer.Atomizer.open(dev.atomizer.api.Workspace.at(root), java.util.Map.of())
                        .dashboards(null);
            case "weekly", "revise" ->
                dev.atomizer.report.Reports.weekly(
                        root,
                        dev.atomizer.report.IsoWeek.parse(words[1], "week"),
                        null,
                        null,
                        words[0].equals("revise") ? "Corrected figures" : null,
                        false);
            default -> throw new IllegalArgumentException("unknown step " + step);
        }
    }

    static List<String> lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
    }

    static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
