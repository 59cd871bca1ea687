package dev.atomizer.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.robustness.LogGenerators.Format;
import dev.atomizer.robustness.LogGenerators.Log;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * A valid log damaged at random (lines deleted, duplicated, swapped; text, markdown fragments or
 * invalid UTF-8 inserted; truncated; bytes replaced) never crashes the linter, and every
 * diagnostic is well-formed: located (line and column from 1, within the file), a catalog rule, a
 * message, the path it was given, in line order, and counted in the summary.
 */
class MutationProperties {

    enum Kind {
        DELETE_LINE,
        DUPLICATE_LINE,
        SWAP_LINES,
        INSERT_TEXT,
        INSERT_BYTES,
        TRUNCATE,
        REPLACE_BYTE,
        REPLACE_CHAR
    }

    /** One mutation; positions are taken modulo the current size when applied. */
    record Mutation(Kind kind, int a, int b, byte[] bytes) {
        @Override
        public String toString() {
            return kind + "(" + a + "," + b + "," + LintChecks.describe(bytes) + ")";
        }
    }

    static final List<String> FRAGMENTS = List.of(
            "## ",
            "## [",
            "## [2026-01-01 00:00] a | b | c",
            "## [2026-02-30 24:00] A_b | P Q | nope",
            "**Status:** ",
            "**Summary:** ",
            "**Detail:** ",
            "**Metrics:** ",
            "**Blockers:** ",
            "**Status**: ",
            "**Other:** x",
            "**Metrics:** a=1 a=2 =3 B=4 c=",
            "---",
            "***",
            "___",
            "===",
            "```",
            "~~~",
            "````",
            "\n",
            "\r\n",
            "\r",
            "\n\n",
            "\t",
            "    ",
            " | ",
            "|",
            "[",
            "]",
            ":",
            "*",
            "-",
            "`",
            "#",
            "<div>",
            "<!--",
            "-->",
            "<pre>",
            "</pre>",
            "> ",
            "1. ",
            "- ",
            "\u00A0",
            "\u2028",
            "\u0000",
            "\uFEFF",
            "é",
            "日本",
            "\uD83D\uDE00",
            "blocked",
            "study-iteration");

    static Arbitrary<byte[]> insertedText() {
        Arbitrary<String> fragment = Arbitraries.of(FRAGMENTS);
        Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(20);
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(10);
        return Arbitraries.frequencyOf(Tuple.of(5, fragment), Tuple.of(2, ascii), Tuple.of(2, unicode))
                .list()
                .ofMinSize(1)
                .ofMaxSize(4)
                .map(parts -> String.join("", parts).getBytes(StandardCharsets.UTF_8));
    }

    static Arbitrary<byte[]> insertedBytes() {
        Arbitrary<byte[]> invalid = Arbitraries.of(
                new byte[] {(byte) 0x80},
                new byte[] {(byte) 0xC0, (byte) 0x80},
                new byte[] {(byte) 0xC3},
                new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xFE, (byte) 0xFF},
                new byte[] {(byte) 0xFF, (byte) 0xFE},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xE2, (byte) 0x82},
                new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                new byte[] {(byte) 0xC3, '\n'},
                new byte[] {(byte) 0xE2, '\r', '\n'});
        Arbitrary<byte[]> raw =
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(12);
        return Arbitraries.frequencyOf(Tuple.of(2, invalid), Tuple.of(1, raw));
    }

    static Arbitrary<Mutation> mutation() {
        Arbitrary<Integer> pos = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        return Arbitraries.of(Kind.class).flatMap(kind -> {
            Arbitrary<byte[]> payload = switch (kind) {
                case INSERT_TEXT, REPLACE_CHAR -> insertedText();
                case INSERT_BYTES -> insertedBytes();
                case REPLACE_BYTE ->
                    Arbitraries.frequencyOf(
                                    Tuple.of(
                                            3,
                                            Arbitraries.of(
                                                    (byte) '#',
                                                    (byte) '*',
                                                    (byte) '-',
                                                    (byte) '`',
                                                    (byte) '\n',
                                                    (byte) '\r',
                                                    (byte) '|',
                                                    (byte) '[',
                                                    (byte) ']',
                                                    (byte) ':',
                                                    (byte) ' ',
                                                    (byte) '0',
                                                    (byte) '9',
                                                    (byte) 'A',
                                                    (byte) '~',
                                                    (byte) '>',
                                                    (byte) '<',
                                                    (byte) '\t')),
                                    Tuple.of(1, Arbitraries.bytes()))
                            .map(b -> new byte[] {b});
                default -> Arbitraries.just(new byte[0]);
            };
            return Combinators.combine(pos, pos, payload).as((a, b, p) -> new Mutation(kind, a, b, p));
        });
    }

    static byte[] apply(byte[] in, Mutation m) {
        switch (m.kind()) {
            case DELETE_LINE, DUPLICATE_LINE, SWAP_LINES -> {
                List<byte[]> lines = lines(in);
                if (lines.isEmpty()) {
                    return in;
                }
                int i = m.a() % lines.size();
                int j = m.b() % lines.size();
                switch (m.kind()) {
                    case DELETE_LINE -> lines.remove(i);
                    case DUPLICATE_LINE -> lines.add(i, lines.get(i));
                    default -> {
                        byte[] t = lines.get(i);
                        lines.set(i, lines.get(j));
                        lines.set(j, t);
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                lines.forEach(out::writeBytes);
                return out.toByteArray();
            }
            case INSERT_TEXT, INSERT_BYTES -> {
                int at = m.a() % (in.length + 1);
                return splice(in, at, at, m.bytes());
            }
            case TRUNCATE -> {
                return Arrays.copyOf(in, m.a() % (in.length + 1));
            }
            case REPLACE_BYTE -> {
                if (in.length == 0) {
                    return in;
                }
                byte[] out = in.clone();
                out[m.a() % in.length] = m.bytes()[0];
                return out;
            }
            case REPLACE_CHAR -> {
                // at the text level when the input is valid UTF-8: one character for the payload
                String text = LintChecks.strictUtf8(in);
                if (text == null || text.isEmpty()) {
                    return in;
                }
                int at = text.offsetByCodePoints(0, m.a() % text.codePointCount(0, text.length()));
                int end = text.offsetByCodePoints(at, 1);
                return (text.substring(0, at) + new String(m.bytes(), StandardCharsets.UTF_8) + text.substring(end))
                        .getBytes(StandardCharsets.UTF_8);
            }
            default -> throw new IllegalStateException(m.kind().toString());
        }
    }

    /** Lines with their terminators (LF, CRLF or a lone CR) kept. */
    static List<byte[]> lines(byte[] in) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n' || in[i] == '\r') {
                if (in[i] == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                }
                out.add(Arrays.copyOfRange(in, start, i + 1));
                start = i + 1;
            }
        }
        if (start < in.length) {
            out.add(Arrays.copyOfRange(in, start, in.length));
        }
        return out;
    }

    static byte[] splice(byte[] in, int from, int to, byte[] with) {
        byte[] out = new byte[in.length - (to - from) + with.length];
        System.arraycopy(in, 0, out, 0, from);
        System.arraycopy(with, 0, out, from, with.length);
        System.arraycopy(in, to, out, from + with.length, in.length - to);
        return out;
    }

    @Provide
    Arbitrary<Log> logs() {
        return LogGenerators.logs(0, 8);
    }

    @Provide
    Arbitrary<Format> formats() {
        return LogGenerators.formats();
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return mutation().list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 500)
    void mutatedLogsNeverCrashTheLinter(
            @ForAll("logs") Log log, @ForAll("formats") Format format, @ForAll("mutations") List<Mutation> mutations) {
        byte[] bytes = mutated(log, format, mutations);
        LintChecks.Result r = LintChecks.lintAndCheck(bytes, format.mixSeed());
        r.diagnostics().stream()
                .map(d -> d.rule())
                .distinct()
                .forEach(rule -> Statistics.label("rules fired").collect(rule));
    }

    /** Every single mutation kind applied many times to one mid-sized log. */
    @Property(tries = 60)
    void heavilyMutatedLogsNeverCrashTheLinter(
            @ForAll("logs") Log log,
            @ForAll("formats") Format format,
            @ForAll("manyMutations") List<Mutation> mutations) {
        byte[] bytes = mutated(log, format, mutations);
        LintChecks.lintAndCheck(bytes, format.mixSeed());
    }

    /**
     * CRLF, a lone CR and LF end a line alike, and a UTF-8 byte-order mark is not content: whatever
     * the (damaged) text, rewriting its line terminators or adding a BOM changes no diagnostic.
     */
    @Property(tries = 200)
    void lineEndingsAndBomDoNotChangeDiagnostics(
            @ForAll("logs") Log log, @ForAll("formats") Format format, @ForAll("mutations") List<Mutation> mutations) {
        byte[] bytes = mutated(log, format, mutations);
        List<String> reference = null;
        for (String eol : List.of("\n", "\r\n", "\r")) {
            for (boolean bom : List.of(false, true)) {
                byte[] variant = rewrite(bytes, eol, bom);
                List<String> found = LintChecks.lint(new java.io.ByteArrayInputStream(variant)).diagnostics().stream()
                        .map(d -> d.line() + ":" + d.column() + " " + d.rule() + " " + d.severity()
                                + (d.rule().equals("encoding") ? "" : " " + d.message()))
                        .toList();
                if (reference == null) {
                    reference = found;
                } else {
                    assertThat(found)
                            .as(
                                    "diagnostics with %s line ends%s",
                                    eol.replace("\r", "CR").replace("\n", "LF"), bom ? " and a BOM" : "")
                            .isEqualTo(reference);
                }
            }
        }
    }

    /** {@code in} without leading BOMs, its line terminators replaced by {@code eol}, and a BOM when asked. */
    static byte[] rewrite(byte[] in, String eol, boolean bom) {
        int start = 0;
        while (in.length >= start + 3
                && (in[start] & 0xff) == 0xEF
                && (in[start + 1] & 0xff) == 0xBB
                && (in[start + 2] & 0xff) == 0xBF) {
            start += 3; // every leading BOM: a second one would be content in one variant, the BOM in another
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.write(0xEF);
            out.write(0xBB);
            out.write(0xBF);
        }
        byte[] e = eol.getBytes(StandardCharsets.US_ASCII);
        for (int i = start; i < in.length; i++) {
            byte b = in[i];
            if (b == '\r' || b == '\n') {
                if (b == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                }
                out.writeBytes(e);
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    @Provide
    Arbitrary<List<Mutation>> manyMutations() {
        return mutation()
                .filter(m -> m.kind() != Kind.TRUNCATE)
                .list()
                .ofMinSize(20)
                .ofMaxSize(60);
    }

    @Example
    void mutationsDoWhatTheySay() {
        byte[] in = "a\nb\r\nc".getBytes(StandardCharsets.US_ASCII);
        assertThat(new String(apply(in, new Mutation(Kind.DELETE_LINE, 1, 0, new byte[0]))))
                .isEqualTo("a\nc");
        assertThat(new String(apply(in, new Mutation(Kind.DUPLICATE_LINE, 0, 0, new byte[0]))))
                .isEqualTo("a\na\nb\r\nc");
        assertThat(new String(apply(in, new Mutation(Kind.SWAP_LINES, 0, 2, new byte[0]))))
                .isEqualTo("cb\r\na\n");
        assertThat(new String(apply(in, new Mutation(Kind.TRUNCATE, 3, 0, new byte[0]))))
                .isEqualTo("a\nb");
        assertThat(new String(apply(in, new Mutation(Kind.INSERT_TEXT, 1, 0, "X".getBytes()))))
                .isEqualTo("aX\nb\r\nc");
        assertThat(new String(
                        rewrite("\uFEFFa\r\nb\rc\n".getBytes(StandardCharsets.UTF_8), "\r\n", false),
                        StandardCharsets.UTF_8))
                .isEqualTo("a\r\nb\r\nc\r\n");
        assertThat(new String(
                        apply(in, new Mutation(Kind.REPLACE_CHAR, 2, 0, "é".getBytes(StandardCharsets.UTF_8))),
                        StandardCharsets.UTF_8))
                .isEqualTo("a\né\r\nc");
    }

    /** The log written in {@code format} with every mutation applied in turn. */
    static byte[] mutated(Log log, Format format, List<Mutation> mutations) {
        byte[] bytes = log.bytes(format);
        for (Mutation m : mutations) {
            bytes = apply(bytes, m);
        }
        return bytes;
    }
}
