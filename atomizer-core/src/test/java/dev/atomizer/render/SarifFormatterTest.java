package dev.atomizer.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomizer.Atomizer;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileSummary;
import dev.atomizer.api.RuleCatalog;
import dev.atomizer.api.Severity;
import dev.atomizer.api.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifFormatterTest {

    static final String ENTRY = "## [2026-02-16 %02d:00] manager | bracket-topopt | milestone\n\n"
            + "**Status:** %s\n**Summary:** Gate %d.\n\n---\n\n";

    @TempDir
    Path root;

    static String sarif(List<Diagnostic> diagnostics, FileSummary summary, Path root) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Formatter f = Formats.create("sarif", out, root);
        for (Diagnostic d : diagnostics) {
            f.diagnostic(d);
        }
        f.finish(summary);
        return out.toString(StandardCharsets.UTF_8);
    }

    static JsonNode parse(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    /**
     * The SHA-256 of the official schema, OASIS SARIF 2.1.0 errata 01
     * (https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json):
     * the copy in the test resources is checked against it on every machine, a fresh clone too.
     */
    static final String OFFICIAL_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e";

    @Test
    void theSchemaCopyIsTheOfficialOne() throws Exception {
        byte[] copy;
        try (InputStream in = SarifFormatterTest.class.getResourceAsStream(SarifSchema.RESOURCE)) {
            copy = in.readAllBytes();
        }
        assertThat(java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(copy)))
                .isEqualTo(OFFICIAL_SHA256);
        assertThat(new String(copy, StandardCharsets.UTF_8))
                .contains(
                        "\"id\": \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json\"");
        // and byte for byte, where the reference copy is beside this checkout
        Path repo = Path.of("").toAbsolutePath();
        while (repo != null && !Files.isDirectory(repo.resolve("atomizer-core"))) {
            repo = repo.getParent();
        }
        Path official = repo == null
                ? null
                : repo.resolve("../shared/reference/sarif-schema-2.1.0.json").normalize();
        if (official != null && Files.isRegularFile(official)) {
            assertThat(copy).isEqualTo(Files.readAllBytes(official));
        }
    }

    @Test
    void anEmptyReportIsValidAndDescribesEveryRule() throws Exception {
        String out = sarif(List.of(), FileSummary.EMPTY, root);
        assertThat(SarifSchema.problems(out)).isEmpty();
        JsonNode run = parse(out).path("runs").path(0);
        assertThat(parse(out).path("version").asText()).isEqualTo("2.1.0");
        JsonNode driver = run.path("tool").path("driver");
        assertThat(driver.path("name").asText()).isEqualTo("atomizer");
        assertThat(driver.path("version").asText()).isNotBlank();
        List<String> ids = new ArrayList<>();
        driver.path("rules").forEach(r -> ids.add(r.path("id").asText()));
        assertThat(ids).containsExactlyElementsOf(RuleCatalog.defaults().keySet());
        for (JsonNode r : driver.path("rules")) {
            assertThat(r.path("name").asText()).as(r.toString()).isNotBlank();
            assertThat(r.path("shortDescription").path("text").asText()).isNotBlank();
            assertThat(r.path("fullDescription").path("text").asText()).isNotBlank();
            assertThat(r.path("help").path("text").asText()).isNotBlank();
            Severity def = RuleCatalog.defaults().get(r.path("id").asText());
            assertThat(r.path("defaultConfiguration").path("level").asText()).isEqualTo(def.label());
        }
        assertThat(run.path("results").size()).isZero();
    }

    @Test
    void theValidatorRejectsWhatTheSchemaForbids() throws Exception {
        String out = sarif(
                List.of(new Diagnostic("a b.md", 1, 1, dev.atomizer.log.Encoding.ID, Severity.ERROR, "m")),
                FileSummary.EMPTY,
                null);
        assertThat(SarifSchema.problems(out.replace("\"level\" : \"error\"", "\"level\" : \"info\"")))
                .isNotEmpty();
        assertThat(SarifSchema.problems(out.replace("\"startLine\" : 1", "\"startLine\" : 0")))
                .isNotEmpty();
        assertThat(SarifSchema.problems(out.replace("a%20b.md", "a b.md")))
                .as("uri-reference format")
                .isNotEmpty();
    }

    @Test
    void everyCatalogRuleIsDocumented() {
        assertThat(RuleCatalog.all()).allSatisfy(r -> {
            assertThat(r.fires()).as(r.id()).isNotBlank();
            assertThat(r.fix()).as(r.id()).isNotBlank();
        });
        assertThat(RuleCatalog.info("heading-format").name()).isEqualTo("HeadingFormat");
        assertThat(RuleCatalog.info(RuleCatalog.CONFIG)).isNull();
    }

    @Test
    void aRunKeepsGithubsLimitOfResultsAndSaysHowManyItLeftOut() throws Exception {
        List<Diagnostic> ds = new ArrayList<>();
        for (int i = 1; i <= SarifFormatter.MAX_RESULTS + 3; i++) {
            ds.add(new Diagnostic("shared/project_log.md", i, 1, "status-invalid", Severity.ERROR, "bad " + i));
        }
        String out = sarif(ds, new FileSummary(ds.size(), ds.size(), 0), root);
        assertThat(SarifSchema.problems(out)).isEmpty();
        JsonNode run = parse(out).path("runs").path(0);
        assertThat(run.path("results").size()).isEqualTo(25_000);
        assertThat(run.path("results").path(24_999).path("message").path("text").asText())
                .isEqualTo("bad 25000");
        assertThat(run.path("properties").path("omittedResults").asInt()).isEqualTo(3);
        assertThat(run.path("invocations")
                        .path(0)
                        .path("toolExecutionNotifications")
                        .path(0)
                        .path("message")
                        .path("text")
                        .asText())
                .startsWith("3 of 25003 results left out: GitHub code scanning accepts 25000 per run");
        // below the limit nothing is said
        String small = sarif(ds.subList(0, 2), new FileSummary(2, 2, 0), root);
        assertThat(parse(small).path("runs").path(0).has("invocations")).isFalse();
    }

    @Test
    void manyDiagnosticsOfEverySeverityWithOddPathsAreValid() throws Exception {
        List<String> paths = List.of(
                "shared/project_log.md",
                "dir with spaces/log.md",
                "ünï/日本語/log.md",
                "100%/done.md",
                "a:b,c#d?e.md",
                "emoji 🚀/x.md");
        List<Diagnostic> ds = new ArrayList<>();
        int line = 1;
        for (String rule : RuleCatalog.defaults().keySet()) {
            for (String p : paths) {
                Severity s = line % 3 == 0 ? Severity.WARNING : Severity.ERROR;
                ds.add(new Diagnostic(
                        p,
                        line,
                        line % 7 + 1,
                        rule,
                        s,
                        "message " + line + " with \"quotes\", " + "a | pipe, 50% and a\nline break <id> \\ \u0007"));
                line++;
            }
        }
        ds.add(new Diagnostic("schemas.md", 7, 1, RuleCatalog.CONFIG, Severity.ERROR, "not a catalog rule"));
        ds.add(new Diagnostic(
                "/abs/path with space/log.md", 1, 1, dev.atomizer.log.Encoding.ID, Severity.ERROR, "absolute"));
        String out = sarif(ds, new FileSummary(470, 100, 20), root);
        assertThat(SarifSchema.problems(out)).isEmpty();

        JsonNode run = parse(out).path("runs").path(0);
        JsonNode rules = run.path("tool").path("driver").path("rules");
        JsonNode results = run.path("results");
        assertThat(results.size()).isEqualTo(ds.size());
        for (int i = 0; i < ds.size(); i++) {
            Diagnostic d = ds.get(i);
            JsonNode r = results.path(i);
            assertThat(r.path("ruleId").asText()).isEqualTo(d.rule());
            if (RuleCatalog.exists(d.rule())) {
                assertThat(rules.path(r.path("ruleIndex").asInt()).path("id").asText())
                        .isEqualTo(d.rule());
            } else {
                assertThat(r.has("ruleIndex")).isFalse();
            }
            assertThat(r.path("level").asText()).isEqualTo(d.severity() == Severity.ERROR ? "error" : "warning");
            assertThat(r.path("message").path("text").asText()).isEqualTo(d.message());
            JsonNode loc = r.path("locations").path(0).path("physicalLocation");
            assertThat(loc.path("region").path("startLine").asInt()).isEqualTo(d.line());
            assertThat(loc.path("region").path("startColumn").asInt()).isEqualTo(d.column());
            String uri = loc.path("artifactLocation").path("uri").asText();
            // a valid URI reference that decodes back to the path
            assertThat(java.net.URI.create(uri).getPath()).isEqualTo(d.path());
            if (d.path().startsWith("/")) {
                assertThat(uri).startsWith("file:///");
                assertThat(loc.path("artifactLocation").has("uriBaseId")).isFalse();
            } else {
                assertThat(loc.path("artifactLocation").path("uriBaseId").asText())
                        .isEqualTo("%SRCROOT%");
            }
            assertThat(r.path("partialFingerprints")
                            .path(SarifFormatter.FINGERPRINT)
                            .asText())
                    .hasSize(32);
        }
        assertThat(results.path(6)
                        .path("locations")
                        .path(0)
                        .path("physicalLocation")
                        .path("artifactLocation")
                        .path("uri")
                        .asText())
                .isEqualTo("shared/project_log.md");
        assertThat(SarifFormatter.uri("dir with spaces/100%/ü:x.md"))
                .isEqualTo("dir%20with%20spaces/100%25/%C3%BC%3Ax.md");
        assertThat(run.path("properties").path("entries").asInt()).isEqualTo(470);
    }

    @Test
    void outputIsDeterministicAndFingerprintsSurviveAppendedEntries() throws Exception {
        Path log = root.resolve("shared/project_log.md");
        Files.createDirectories(log.getParent());
        StringBuilder text = new StringBuilder("# Log\n\n");
        for (int i = 0; i < 6; i++) {
            // identical bad lines in several entries: each finding still gets its own fingerprint
            text.append(String.format(java.util.Locale.ROOT, ENTRY, i + 1, i % 2 == 0 ? "done" : "completed", i));
        }
        Files.writeString(log, text);
        String first = lintSarif();
        assertThat(lintSarif()).isEqualTo(first);
        assertThat(SarifSchema.problems(first)).isEmpty();
        List<String> before = fingerprints(first);
        assertThat(before).hasSize(3).doesNotHaveDuplicates();

        Files.writeString(log, text + String.format(java.util.Locale.ROOT, ENTRY, 9, "done", 9));
        List<String> after = fingerprints(lintSarif());
        assertThat(after).hasSize(4).doesNotHaveDuplicates().startsWith(before.toArray(String[]::new));

        // the same finding text on another line of the same entry heading would differ; a line number alone does not
        // decide
        Files.writeString(log, "\n\n" + text);
        List<String> shifted = fingerprints(lintSarif());
        assertThat(shifted).isEqualTo(before);
    }

    @Test
    void fingerprintsFallBackToTheMessageWhenTheFileCannotBeRead() throws Exception {
        Diagnostic d = new Diagnostic("gone.md", 3, 1, "status-invalid", Severity.ERROR, "status 'x'");
        List<String> a = fingerprints(sarif(List.of(d, d), FileSummary.EMPTY, root));
        List<String> b = fingerprints(sarif(List.of(d, d), FileSummary.EMPTY, null));
        assertThat(a).doesNotHaveDuplicates().isEqualTo(b);
        Diagnostic moved = new Diagnostic("gone.md", 30, 1, "status-invalid", Severity.ERROR, "status 'x'");
        assertThat(fingerprints(sarif(List.of(moved), FileSummary.EMPTY, root)).get(0))
                .isEqualTo(a.get(0));
    }

    private String lintSarif() throws Exception {
        Atomizer atomizer = Atomizer.open(Workspace.at(root), Map.of(), root);
        List<Diagnostic> ds = new ArrayList<>();
        FileSummary s = atomizer.lint(root.resolve(Workspace.LOG), ds::add);
        return sarif(ds, s, root);
    }

    private static List<String> fingerprints(String sarif) throws Exception {
        List<String> out = new ArrayList<>();
        parse(sarif)
                .path("runs")
                .path(0)
                .path("results")
                .forEach(r -> out.add(r.path("partialFingerprints")
                        .path(SarifFormatter.FINGERPRINT)
                        .asText()));
        assertThat(new HashSet<>(out)).hasSameSizeAs(out);
        return out;
    }
}
