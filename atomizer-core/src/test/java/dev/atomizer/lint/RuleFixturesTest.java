package dev.atomizer.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileSummary;
import dev.atomizer.api.RuleCatalog;
import dev.atomizer.api.Severities;
import dev.atomizer.contract.Contract;
import dev.atomizer.contract.ContractLoader;
import dev.atomizer.contract.DefaultContract;
import dev.atomizer.status.ProjectStatus;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule catalog driven by examples: {@code src/test/resources/rules/<rule-id>/} holds a
 * {@code pass.md} that must lint clean, a {@code fail.md}, and {@code fail.expected} listing every
 * diagnostic the failing file must produce ({@code line:col severity rule}); optional
 * {@code schemas.md} and {@code PROJECT_STATUS.md} set the contract and projects. Every fixture is
 * checked at {@link #NOW} in the contract's time zone ({@code timestamp-future}).
 */
class RuleFixturesTest {

    static final Path ROOT = Path.of("src/test/resources/rules");
    static final java.time.LocalDateTime NOW = java.time.LocalDateTime.of(2026, 3, 1, 12, 0);

    static Stream<String> rules() throws Exception {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs
                    .filter(d -> Files.isRegularFile(d.resolve("pass.md")))
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void everyLogRuleOfTheCatalogHasFixtures() throws Exception {
        List<String> expected = new ArrayList<>();
        RuleCatalog.rules(EntryRule.class).forEach(r -> expected.add(r.id()));
        expected.add(dev.atomizer.log.Encoding.ID);
        expected.add(LogSizeRender.INFO.id());
        expected.add(LogSizeLimit.INFO.id());
        assertThat(rules().toList()).containsExactlyInAnyOrderElementsOf(expected);
    }

    /**
     * Every rule of the catalog, of the log and of governance alike, has its folder of examples:
     * an entry rule's {@code pass.md} and {@code fail.md} (run here), a change rule's scripted
     * repository (run by {@code ChangeRuleFixturesTest}).
     */
    @Test
    void everyRuleOfTheCatalogHasFixtures() throws Exception {
        List<String> folders;
        try (Stream<Path> dirs = Files.list(ROOT)) {
            folders = dirs.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .toList();
        }
        List<String> ids = new ArrayList<>();
        dev.atomizer.api.RuleCatalog.all().forEach(r -> ids.add(r.id()));
        assertThat(folders).as("a fixture folder per rule of the catalog").containsExactlyInAnyOrderElementsOf(ids);
        for (var r : dev.atomizer.api.RuleCatalog.all()) {
            Path dir = ROOT.resolve(r.id());
            boolean entryFixture = Files.isRegularFile(dir.resolve("pass.md"));
            boolean changeFixture = Files.isDirectory(dir.resolve("pass")) && Files.isDirectory(dir.resolve("fail"));
            assertThat(entryFixture || changeFixture)
                    .as("%s has pass.md/fail.md or a scripted change (pass/, fail/)", r.id())
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0} pass.md lints clean")
    @MethodSource("rules")
    void passingFixtureIsClean(String rule) throws Exception {
        FileSummary s = lint(rule, "pass.md", new ArrayList<>());
        assertThat(s.errors() + s.warnings())
                .as("diagnostics of %s/pass.md", rule)
                .isZero();
        assertThat(s.entries()).isPositive();
    }

    @ParameterizedTest(name = "{0} fail.md fires at the expected lines")
    @MethodSource("rules")
    void failingFixtureFiresAtTheRightLines(String rule) throws Exception {
        List<Diagnostic> found = new ArrayList<>();
        lint(rule, "fail.md", found);
        List<String> actual = found.stream()
                .map(d -> d.line() + ":" + d.column() + " " + d.severity().label() + " " + d.rule())
                .toList();
        List<String> expected = Files.readAllLines(ROOT.resolve(rule).resolve("fail.expected")).stream()
                .filter(l -> !l.isBlank())
                .toList();
        assertThat(actual).as("diagnostics of %s/fail.md", rule).containsExactlyElementsOf(expected);
        assertThat(found).anySatisfy(d -> assertThat(d.rule()).isEqualTo(rule));
        assertThat(found).allSatisfy(d -> {
            assertThat(d.path()).isEqualTo(rule + "/fail.md");
            assertThat(d.message()).isNotBlank();
        });
    }

    @Test
    void aLooseMetricsLineIsOneErrorThatSaysWhatWasMeant() throws Exception {
        List<Diagnostic> found = new ArrayList<>();
        lint("metrics-format", "fail.md", found);
        assertThat(found.stream().filter(d -> d.line() == 23).map(Diagnostic::message))
                .singleElement()
                .asString()
                .contains("(and 4 more on this line)")
                .contains("did you mean 'tokens=12, cost_usd=0.4'?");
        assertThat(found.stream().filter(d -> d.line() == 31).map(Diagnostic::message))
                .singleElement()
                .asString()
                .contains("holds '='")
                .contains("did you mean 'tokens=12, cost_usd=0.4'?");
    }

    private static FileSummary lint(String rule, String file, List<Diagnostic> sink) throws Exception {
        Path dir = ROOT.resolve(rule);
        Contract contract = Files.exists(dir.resolve("schemas.md"))
                ? ContractLoader.parse(
                        Files.readString(dir.resolve("schemas.md"), StandardCharsets.UTF_8), "schemas.md")
                : DefaultContract.get();
        ProjectStatus status = Files.exists(dir.resolve("PROJECT_STATUS.md"))
                ? ProjectStatus.parse(Files.readString(dir.resolve("PROJECT_STATUS.md")), "PROJECT_STATUS.md")
                : ProjectStatus.none();
        Linter linter = new Linter(contract, status.slugs(), Severities.of(contract.severities()), NOW);
        FileSummary entries;
        try (InputStream in = Files.newInputStream(dir.resolve(file))) {
            entries = linter.lint(rule + "/" + file, in, sink::add);
        }
        // the file-level rules of the live log: each fixture is linted as the log
        return entries.plus(linter.size(dir.resolve(file), rule + "/" + file, sink::add));
    }
}
