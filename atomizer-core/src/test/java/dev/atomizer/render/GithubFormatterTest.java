package dev.atomizer.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileSummary;
import dev.atomizer.api.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class GithubFormatterTest {

    static String github(List<Diagnostic> ds, FileSummary s) throws Exception {
        return Rendered.by(GithubFormatter::new, ds, s);
    }

    @Test
    void oneAnnotationPerDiagnosticAtTheStartOfALine() throws Exception {
        String out = github(
                List.of(
                        new Diagnostic(
                                "shared/project_log.md",
                                5,
                                13,
                                "status-invalid",
                                Severity.ERROR,
                                "status 'done' is bad"),
                        new Diagnostic(
                                "shared/project_log.md",
                                9,
                                1,
                                "field-order",
                                Severity.WARNING,
                                "Summary before Status")),
                new FileSummary(2, 1, 1));
        assertThat(out)
                .isEqualTo(
                        "::error file=shared/project_log.md,line=5,col=13,title=status-invalid::status 'done' is bad\n"
                                + "::warning file=shared/project_log.md,line=9,col=1,title=field-order::Summary before Status\n"
                                + "atomizer: 1 error, 1 warning in 2 entries\n");
    }

    @Test
    void escapesAsTheRunnerReadsThem() throws Exception {
        // message: control characters shown (one line, see Diagnostic.toText), % escaped, ':' and ',' kept;
        // properties (file, title): % CR LF ':' and ',' escaped
        String out = github(
                List.of(new Diagnostic(
                        "dir: a,b/100%\nx.md",
                        1, 2, "odd:rule,x%\r", Severity.ERROR, "50% done\r\n::warning::injected, a: b")),
                new FileSummary(1, 1, 0));
        assertThat(out.lines().toList())
                .containsExactly(
                        "::error file=dir%3A a%2Cb/100%25%0Ax.md,line=1,col=2,title=odd%3Arule%2Cx%25%0D"
                                + "::50%25 done\u240d\u240a::warning::injected, a: b",
                        "atomizer: 1 error, 0 warnings in 1 entry");
        assertThat(GithubFormatter.data("%0A")).isEqualTo("%250A");
        assertThat(GithubFormatter.property("a:b,c%")).isEqualTo("a%3Ab%2Cc%25");
        assertThat(GithubFormatter.data("plain")).isEqualTo("plain");
    }

    @Test
    void atMostTenAnnotationsPerSeverityTheRestCounted() throws Exception {
        List<Diagnostic> ds = new java.util.ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            ds.add(new Diagnostic("log.md", i, 1, "status-invalid", Severity.ERROR, "e" + i + "\n::error::x"));
        }
        for (int i = 1; i <= 13; i++) {
            ds.add(new Diagnostic("log.md", 100 + i, 1, "field-order", Severity.WARNING, "w" + i));
        }
        String out = github(ds, new FileSummary(470, 12, 13));
        List<String> lines = out.lines().toList();
        assertThat(lines.stream().filter(l -> l.startsWith("::error "))).hasSize(10);
        assertThat(lines.stream().filter(l -> l.startsWith("::warning "))).hasSize(10);
        // the rest stay in the log as plain, escaped lines, with commands stopped around them: no
        // message can open a command of its own
        assertThat(lines)
                .contains(
                        "log.md:11:1: error [status-invalid] e11\u240a::error::x",
                        "log.md:113:1: warning [field-order] w13");
        int stop = lines.indexOf(lines.stream()
                .filter(l -> l.startsWith("::stop-commands::atomizer-"))
                .findFirst()
                .orElseThrow());
        String token = lines.get(stop).substring("::stop-commands::".length());
        assertThat(token).matches("atomizer-[0-9a-f]{32}");
        assertThat(lines.get(stop + 6)).isEqualTo("::" + token + "::");
        assertThat(lines.subList(stop + 1, stop + 6))
                .noneMatch(l -> l.contains(token))
                .allMatch(l -> l.startsWith("log.md:"));
        assertThat(lines.stream().filter(l -> l.startsWith("::"))).hasSize(22);
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo(
                        "atomizer: 12 errors, 13 warnings in 470 entries (2 errors, 3 warnings not annotated: GitHub shows 10 per step)");
    }

    @Test
    void overflowLinesCannotRunACommandWhateverTheyHold() throws Exception {
        List<Diagnostic> ds = new java.util.ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            ds.add(new Diagnostic(
                    "log.md", i, 1, "status-invalid", Severity.ERROR, "  ::add-mask::x ##[set-env name=A]b"));
        }
        List<String> lines = github(ds, new FileSummary(11, 11, 0)).lines().toList();
        String token = lines.get(10).substring("::stop-commands::".length());
        assertThat(lines.get(11)).isEqualTo("log.md:11:1: error [status-invalid]   ::add-mask::x ##[set-env name=A]b");
        assertThat(lines.get(12)).isEqualTo("::" + token + "::");
    }

    @Test
    void onlyWarningsOverTheCap() throws Exception {
        List<Diagnostic> ds = new java.util.ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            ds.add(new Diagnostic("log.md", i, 1, "field-order", Severity.WARNING, "w"));
        }
        assertThat(github(ds, new FileSummary(11, 0, 11)))
                .endsWith(
                        "atomizer: 0 errors, 11 warnings in 11 entries (1 warning not annotated: GitHub shows 10 per step)\n");
        assertThat(github(List.of(), FileSummary.EMPTY)).isEqualTo("atomizer: 0 errors, 0 warnings in 0 entries\n");
    }
}
