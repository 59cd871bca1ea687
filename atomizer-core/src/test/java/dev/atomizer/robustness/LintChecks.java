package dev.atomizer.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileSummary;
import dev.atomizer.api.RuleCatalog;
import dev.atomizer.api.Severities;
import dev.atomizer.api.Severity;
import dev.atomizer.contract.Contract;
import dev.atomizer.contract.ContractLoader;
import dev.atomizer.contract.DefaultContract;
import dev.atomizer.lint.Linter;
import dev.atomizer.log.LogParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Lints bytes and checks what every lint result must satisfy, whatever the input. */
final class LintChecks {

    static final String PATH = "shared/project_log.md";

    private LintChecks() {}

    record Result(FileSummary summary, List<Diagnostic> diagnostics) {}

    static Linter linter() {
        return new Linter(DefaultContract.get(), null, Severities.defaults());
    }

    static final Linter REGISTRY_LINTER;
    static final Linter SILENT_LINTER;

    static {
        try {
            Contract withAgents = ContractLoader.parse("""
                    ## Agents

                    | Agent | Role |
                    |---|---|
                    | a | x |
                    | manager | y |
                    """, "schemas.md");
            REGISTRY_LINTER = new Linter(withAgents, Set.of("b", "wing-opt"), Severities.defaults());
        } catch (AtomizerException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Severity> off = new HashMap<>();
        RuleCatalog.defaults().keySet().forEach(rule -> off.put(rule, Severity.OFF));
        SILENT_LINTER = new Linter(DefaultContract.get(), null, Severities.of(off));
    }

    static Result lint(InputStream in) {
        return lint(linter(), in);
    }

    static Result lint(Linter linter, InputStream in) {
        List<Diagnostic> found = new ArrayList<>();
        FileSummary s;
        try {
            s = linter.lint(PATH, in, found::add);
        } catch (IOException e) {
            throw new AssertionError("lint threw an IOException on in-memory input", e);
        }
        assertThat(s).as("lint returns a summary").isNotNull();
        return new Result(s, List.copyOf(found));
    }

    /**
     * Lints {@code input} and checks the diagnostics' sanity; also that a stream handing the same
     * bytes out a few at a time gives the same result, and (for valid UTF-8) that the entry count
     * agrees with {@link LogParser#parse(String)}.
     */
    static Result lintAndCheck(byte[] input, long trickleSeed) {
        Result r = lint(new ByteArrayInputStream(input));
        checkSane(r, input);
        Result trickled = lint(new TrickleInputStream(input, new Random(trickleSeed)));
        assertThat(trickled)
                .as("same result when the input arrives a few bytes at a time")
                .isEqualTo(r);
        // a contract with an agent registry and a project list: unknown-agent and unknown-project can fire too
        Result registry = lint(REGISTRY_LINTER, new ByteArrayInputStream(input));
        checkSane(registry, input);
        assertThat(registry.summary().entries()).isEqualTo(r.summary().entries());
        // every rule off: nothing is reported, the entries are still counted
        Result silent = lint(SILENT_LINTER, new ByteArrayInputStream(input));
        assertThat(silent.diagnostics()).isEmpty();
        assertThat(silent.summary()).isEqualTo(new FileSummary(r.summary().entries(), 0, 0));
        String text = strictUtf8(input);
        if (text != null) {
            assertThat(r.diagnostics()).extracting(Diagnostic::rule).doesNotContain(dev.atomizer.log.Encoding.ID);
            assertThat(LogParser.parse(text))
                    .as("LogParser.parse entry count")
                    .hasSize(r.summary().entries());
        } else {
            assertThat(r.diagnostics())
                    .extracting(Diagnostic::rule)
                    .as("invalid UTF-8 gives one encoding diagnostic")
                    .containsOnlyOnce(dev.atomizer.log.Encoding.ID);
            assertThat(r.diagnostics().get(r.diagnostics().size() - 1).rule())
                    .as("the encoding diagnostic comes last (reading stops there)")
                    .isEqualTo(dev.atomizer.log.Encoding.ID);
        }
        return r;
    }

    static void checkSane(Result r, byte[] input) {
        int lines = lineCount(input);
        int errors = 0;
        int warnings = 0;
        int previousLine = 0;
        for (Diagnostic d : r.diagnostics()) {
            assertThat(d.path()).as("path of %s", d).isEqualTo(PATH);
            assertThat(d.line()).as("line of %s", d).isBetween(1, Math.max(1, lines));
            assertThat(d.column()).as("column of %s", d).isGreaterThanOrEqualTo(1);
            assertThat(RuleCatalog.defaults()).as("rule of %s", d).containsKey(d.rule());
            assertThat(d.message()).as("message of %s", d).isNotBlank();
            assertThat(d.severity())
                    .as("severity of %s", d)
                    .isNotNull()
                    .isNotEqualTo(Severity.OFF)
                    .isEqualTo(Severities.defaults().of(d.rule()));
            assertThat(d.line()).as("diagnostics in line order: %s", d).isGreaterThanOrEqualTo(previousLine);
            previousLine = d.line();
            if (d.severity() == Severity.ERROR) {
                errors++;
            } else {
                warnings++;
            }
        }
        assertThat(r.summary().errors()).as("errors counted").isEqualTo(errors);
        assertThat(r.summary().warnings()).as("warnings counted").isEqualTo(warnings);
        assertThat(r.summary().entries()).as("entries").isBetween(0, Math.max(0, lines));
    }

    /** Lines as CommonMark (and Utf8LineReader) count them: LF, CRLF or a lone CR ends one. */
    static int lineCount(byte[] b) {
        int n = 0;
        int lineStart = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n' || b[i] == '\r') {
                n++;
                if (b[i] == '\r' && i + 1 < b.length && b[i + 1] == '\n') {
                    i++;
                }
                lineStart = i + 1;
            }
        }
        return lineStart < b.length ? n + 1 : n;
    }

    /** The text of strictly valid UTF-8 bytes, or null. */
    static String strictUtf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static String describe(byte[] b) {
        String t = strictUtf8(b);
        if (t != null && t.length() < 4000) {
            return t.replace("\r", "\\r");
        }
        StringBuilder sb = new StringBuilder(b.length + " bytes: ");
        for (int i = 0; i < Math.min(b.length, 2000); i++) {
            int c = b[i] & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02X", c));
            }
        }
        return sb.toString();
    }

    /** Hands out 1..7 bytes per read, so line terminators and UTF-8 sequences split across reads. */
    static final class TrickleInputStream extends InputStream {
        private final byte[] data;
        private final Random random;
        private int pos;

        TrickleInputStream(byte[] data, Random random) {
            this.data = data;
            this.random = random;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, data.length - pos), 1 + random.nextInt(7));
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
