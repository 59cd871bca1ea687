package dev.atomizer.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.RuleCatalog;
import dev.atomizer.contract.Contract;
import dev.atomizer.contract.ContractLoader;
import dev.atomizer.status.ProjectStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;

/**
 * Arbitrary bytes (raw, or biased toward markdown and log syntax) never crash the linter, and the
 * contract and project-status readers either return or throw {@link AtomizerException} with
 * located problems: never another exception.
 */
class RandomBytesProperties {

    private static final String MARKDOWNISH = "#*-`\n\r|[]: \t~>_=0123456789abcAZ";

    /** Log-shaped tokens, so random input often gets past the heading and into the field rules. */
    private static final List<String> LOG_TOKENS = List.of(
            "## ",
            "## [2026-01-01 00:00] a | b | c\n",
            "## [2026-01-0",
            "] ",
            " | ",
            "\n",
            "\r\n",
            "\r",
            "\n\n",
            "**Status:** ",
            "blocked",
            "completed",
            "**Summary:** ",
            "**Detail:** ",
            "**Metrics:** ",
            "iteration=1",
            "objective=",
            "a=b,",
            "**Blockers:** ",
            "**X:**",
            "**Status**:",
            "---",
            "\n---\n",
            "```",
            "~~~",
            "    ",
            "- ",
            "* ",
            "1. ",
            "> ",
            "<div>",
            "</div>",
            "<!--",
            "-->",
            "<pre>",
            "\\",
            "study-iteration",
            "milestone",
            "agent-x",
            "Foo",
            "é",
            "\uD83D\uDE00",
            "\u0000",
            "\uFEFF",
            "2026-13-01",
            "24:00",
            "[",
            "]",
            "|",
            "*",
            "#",
            "`",
            ":");

    /**
     * Bytes from the markdown-ish set; in half the inputs, raw bytes among them (rarely, or else
     * the first invalid UTF-8 byte comes so soon that the rules are never reached).
     */
    static Arbitrary<byte[]> markdownishBytes(int maxSize) {
        Arbitrary<Byte> md = Arbitraries.of(MARKDOWNISH.toCharArray()).map(c -> (byte) c.charValue());
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.oneOf(
                        md.list().ofMaxSize(maxSize),
                        Arbitraries.frequencyOf(Tuple.of(200, md), Tuple.of(1, any))
                                .list()
                                .ofMaxSize(maxSize))
                .map(list -> {
                    byte[] b = new byte[list.size()];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = list.get(i);
                    }
                    return b;
                });
    }

    static Arbitrary<String> tokens(List<String> pool, int maxTokens) {
        Arbitrary<String> token = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(pool)),
                Tuple.of(2, Arbitraries.strings().withChars(MARKDOWNISH).ofMaxLength(6)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(3)));
        return token.list().ofMaxSize(maxTokens).map(ts -> String.join("", ts));
    }

    @Provide
    Arbitrary<byte[]> rawBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(20000);
    }

    @Provide
    Arbitrary<byte[]> markdownish() {
        return markdownishBytes(20000);
    }

    @Provide
    Arbitrary<byte[]> logShaped() {
        Arbitrary<byte[]> text = tokens(LOG_TOKENS, 3000).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> mixed = text.flatMap(t -> markdownishBytes(40).map(b -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(t);
            out.writeBytes(b);
            return out.toByteArray();
        }));
        return Arbitraries.frequencyOf(Tuple.of(3, text), Tuple.of(1, mixed))
                .map(b -> b.length > 20000 ? java.util.Arrays.copyOf(b, 20000) : b);
    }

    @Property(tries = 150)
    void rawBytesNeverCrashTheLinter(@ForAll("rawBytes") byte[] input, @ForAll @LongRange long seed) {
        LintChecks.lintAndCheck(input, seed);
    }

    @Property(tries = 150)
    void markdownishBytesNeverCrashTheLinter(@ForAll("markdownish") byte[] input, @ForAll @LongRange long seed) {
        LintChecks.lintAndCheck(input, seed);
    }

    @Property(tries = 300)
    void logShapedTextNeverCrashesTheLinter(@ForAll("logShaped") byte[] input, @ForAll @LongRange long seed) {
        LintChecks.lintAndCheck(input, seed);
    }

    // ---- contract and project status ------------------------------------------------------------

    private static final List<String> CONTRACT_TOKENS = List.of(
            "## Event types\n",
            "## Event Types (enumerated)\n",
            "## Status values\n",
            "## Fields\n",
            "## Agents\n",
            "## Approvers\n",
            "## Governed paths\n",
            "## Rules\n",
            "## Projects\n",
            "# Title\n",
            "### Sub\n",
            "## (\n",
            "## )(\n",
            "## Rules (",
            "Rules\n---\n",
            "\n| Type | Meaning | Required metrics |\n|---|---|---|\n",
            "\n| Rule | Severity |\n| --- | --- |\n",
            "\n| Path | Policy | Meaning |\n|---|:---:|---:|\n",
            "\n| Agent | Role |\n|-|-|\n",
            "\n| Field | Meaning |\n|---|---|\n",
            "\n| Status | Meaning |\n|---|---|\n",
            "\n| Approver | Role |\n|---|---|\n",
            "\n| Slug | Name | RAG |\n|---|---|---|\n",
            "\n| Project | Owner |\n|---|---|\n",
            "| x |\n|---|\n",
            "| study-iteration | x | iteration, objective |\n",
            "| `milestone` | m | - |\n",
            "| error | e | none |\n",
            "| heading-format | off |\n",
            "| encoding | warn |\n",
            "| nope | error |\n",
            "| field-order | loud |\n",
            "| context-docs/** | immutable | x |\n",
            "| shared/x.md | append-only |\n",
            "| /abs | generated |\n",
            "| a\\\\b | write-once |\n",
            "| ../up | no-delete |\n",
            "| a b | immutable |\n",
            "| tech-lead | lead |\n",
            "| Tech Lead | x |\n",
            "| ceo |\n",
            "| Status | s |\n",
            "| Summary | s |\n",
            "| Notes | n |\n",
            "| lower | l |\n",
            "| my-project | Name | green |\n",
            "| My Project | N |\n",
            "| `` | |\n",
            "| ` | `\n",
            "|\n",
            "||\n",
            "| | |\n",
            "|---|\n",
            "| a | b | c | d | e |\n",
            "\n",
            "\n\n",
            "\r\n",
            "`",
            "``",
            "**",
            "(",
            ")",
            "-",
            "|",
            " ",
            "\t",
            "```\n",
            "~~~\n",
            "> ",
            "- ",
            "<!-- ",
            " -->",
            "\\|",
            "é",
            "\uD83D\uDE00",
            "\u0000",
            "\uFEFF");

    @Provide
    Arbitrary<String> contractish() {
        return tokens(CONTRACT_TOKENS, 200);
    }

    @Provide
    Arbitrary<String> markdownishText() {
        return Arbitraries.strings().withChars(MARKDOWNISH + "é日").ofMaxLength(3000);
    }

    @Property(tries = 500)
    void contractLoaderReturnsOrThrowsLocatedProblems(@ForAll("contractish") String markdown) {
        checkContract(markdown);
    }

    @Property(tries = 100)
    void contractLoaderOnMarkdownishText(@ForAll("markdownishText") String markdown) {
        checkContract(markdown);
    }

    @Property(tries = 500)
    void projectStatusReturnsOrThrowsLocatedProblems(@ForAll("contractish") String markdown) {
        checkStatus(markdown);
    }

    @Property(tries = 100)
    void projectStatusOnMarkdownishText(@ForAll("markdownishText") String markdown) {
        checkStatus(markdown);
    }

    private static final String CONTRACT_PATH = "shared/data-contracts/schemas.md";
    private static final String STATUS_PATH = "shared/PROJECT_STATUS.md";

    private static void checkContract(String markdown) {
        Contract c;
        try {
            c = ContractLoader.parse(markdown, CONTRACT_PATH);
        } catch (AtomizerException e) {
            checkProblems(e, CONTRACT_PATH, markdown);
            return;
        }
        assertThat(c).isNotNull();
        assertThat(c.eventTypes()).isNotEmpty();
        assertThat(c.statuses()).isNotEmpty();
        assertThat(c.fields()).contains("Status", "Summary");
        assertThat(c.approvers()).contains(Contract.BUILT_IN_APPROVER);
        for (String rule : c.severities().keySet()) {
            assertThat(RuleCatalog.exists(rule)).as("configured rule %s", rule).isTrue();
        }
    }

    private static void checkStatus(String markdown) {
        ProjectStatus s;
        try {
            s = ProjectStatus.parse(markdown, STATUS_PATH);
        } catch (AtomizerException e) {
            checkProblems(e, STATUS_PATH, markdown);
            return;
        }
        assertThat(s).isNotNull();
        if (s.slugs() != null) {
            for (String slug : s.slugs()) {
                assertThat(slug).matches("[a-z0-9]+(-[a-z0-9]+)*");
            }
        }
    }

    private static void checkProblems(AtomizerException e, String path, String markdown) {
        assertThat(e.getMessage()).isNotBlank();
        assertThat(e.lines()).isNotEmpty().allSatisfy(l -> assertThat(l).isNotBlank());
        int lines = (int) markdown.lines().count();
        for (Diagnostic d : e.problems()) {
            assertThat(d.path()).as("path of %s", d).isEqualTo(path);
            assertThat(d.line()).as("line of %s", d).isBetween(1, Math.max(1, lines));
            assertThat(d.column()).as("column of %s", d).isGreaterThanOrEqualTo(1);
            assertThat(d.message()).as("message of %s", d).isNotBlank();
            assertThat(d.rule()).isNotBlank();
        }
    }
}
