package dev.atomizer.robustness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Generators of valid project logs under the default contract (the README's "The log entry contract"), and their
 * serialization with the accepted variations: LF / CRLF / mixed line endings, optional UTF-8 BOM,
 * optional trailing newline.
 */
final class LogGenerators {

    private LogGenerators() {}

    static final List<String> EVENT_TYPES = List.of(
            "study-start",
            "study-iteration",
            "study-complete",
            "review-request",
            "decision-needed",
            "task-delegated",
            "task-completed",
            "error",
            "milestone");
    static final List<String> STATUSES = List.of("in-progress", "completed", "blocked", "failed");

    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** 1970-01-01 00:00 in minutes since the epoch is 0; the start of a generated log lies in 1970..2100. */
    static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    enum LineEnding {
        LF,
        CRLF,
        MIXED
    }

    /** How a log is written to bytes. */
    record Format(LineEnding ending, boolean bom, boolean trailingNewline, long mixSeed) {
        @Override
        public String toString() {
            return ending + (bom ? "+BOM" : "") + (trailingNewline ? "+EOL" : "-noEOL");
        }
    }

    /** One Detail (or Blockers) body block, as lines without terminators. */
    record Block(List<String> lines) {}

    /**
     * One generated entry.
     *
     * @param deltaMinutes minutes after the previous entry (0 allowed: equal timestamps are in order)
     * @param detail       null for no Detail; else the value on the field line and the blocks after it
     * @param metrics      pairs already formatted ("k=v"); empty for no Metrics field
     * @param blockers     null for no Blockers field
     */
    record Entry(
            long deltaMinutes,
            String agent,
            String project,
            String event,
            String status,
            String summary,
            Body detail,
            List<String> metrics,
            String metricSeparator,
            Body blockers,
            int blankLinesAfter) {}

    /** A multi-line field: text on the field line, then blocks (each preceded by a blank line or not). */
    record Body(String value, List<Block> blocks, boolean firstBlockTight) {}

    record Log(List<String> preamble, long startMinute, List<Entry> entries) {

        List<String> timestamps() {
            List<String> out = new ArrayList<>();
            LocalDateTime t = EPOCH.plusMinutes(startMinute);
            for (Entry e : entries) {
                t = t.plusMinutes(e.deltaMinutes());
                out.add(t.format(TS));
            }
            return out;
        }

        /** The log as lines (no terminators). */
        List<String> lines() {
            List<String> out = new ArrayList<>(preamble);
            if (!preamble.isEmpty()) {
                out.add("");
            }
            List<String> ts = timestamps();
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                out.add("## [" + ts.get(i) + "] " + e.agent() + " | " + e.project() + " | " + e.event());
                out.add("");
                out.add("**Status:** " + e.status());
                out.add("**Summary:** " + e.summary());
                if (e.detail() != null) {
                    body(out, "Detail", e.detail());
                }
                if (!e.metrics().isEmpty()) {
                    out.add("**Metrics:** " + String.join(e.metricSeparator(), e.metrics()));
                }
                if (e.blockers() != null) {
                    body(out, "Blockers", e.blockers());
                }
                out.add("");
                out.add("---");
                if (i < entries.size() - 1) {
                    for (int b = 0; b < e.blankLinesAfter(); b++) {
                        out.add("");
                    }
                }
            }
            return out;
        }

        private static void body(List<String> out, String name, Body b) {
            out.add(b.value().isEmpty() ? "**" + name + ":**" : "**" + name + ":** " + b.value());
            for (int i = 0; i < b.blocks().size(); i++) {
                if (i > 0 || !b.firstBlockTight()) {
                    out.add("");
                }
                out.addAll(b.blocks().get(i).lines());
            }
            if (!b.blocks().isEmpty()) {
                // a list would lazily swallow the next field line: close the blocks with a blank line
                out.add("");
            }
        }

        String text(Format f) {
            List<String> lines = lines();
            StringBuilder sb = new StringBuilder();
            java.util.Random mix = new java.util.Random(f.mixSeed());
            for (int i = 0; i < lines.size(); i++) {
                sb.append(lines.get(i));
                if (i < lines.size() - 1 || f.trailingNewline()) {
                    sb.append(
                            switch (f.ending()) {
                                case LF -> "\n";
                                case CRLF -> "\r\n";
                                case MIXED -> mix.nextBoolean() ? "\n" : "\r\n";
                            });
                }
            }
            return sb.toString();
        }

        byte[] bytes(Format f) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (f.bom()) {
                out.write(0xEF);
                out.write(0xBB);
                out.write(0xBF);
            }
            out.writeBytes(text(f).getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return "Log(" + entries.size() + " entries)\n" + text(new Format(LineEnding.LF, false, true, 0));
        }
    }

    // ---- pieces -------------------------------------------------------------------------------

    private static final String LOWER_DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** Safe inside a line (never at its start): no {@code '*'}, {@code '`'}, {@code '\\'} or {@code '<'}. */
    private static final String SAFE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + "          .,;:()'\"/!?=+-_%&@$#|[]{}~^>éèüßçñÅØ€→✓日本語中文Ωπ";

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéÅ日";

    static Arbitrary<String> kebab() {
        return Arbitraries.strings()
                .withChars(LOWER_DIGITS)
                .ofMinLength(1)
                .ofMaxLength(8)
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(parts -> String.join("-", parts));
    }

    /** Text that starts with a letter and contains no markdown block or field syntax. */
    static Arbitrary<String> safeText(int maxLength) {
        return Combinators.combine(
                        Arbitraries.strings().withChars(LETTERS).ofLength(1),
                        Arbitraries.strings().withChars(SAFE).ofMaxLength(maxLength - 1))
                .as((a, b) -> (a + b).stripTrailing());
    }

    static Arbitrary<String> summary() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, safeText(80)),
                Tuple.of(2, safeText(200)),
                // exactly 200 code points, one of them outside the BMP
                Tuple.of(
                        1,
                        Arbitraries.strings()
                                .withChars(SAFE.replace(" ", ""))
                                .ofLength(198)
                                .map(s -> "A" + s + "\uD83D\uDE00")));
    }

    private static final List<String> CODE_LINES = List.of(
            "---",
            "## [2026-01-01 00:00] a | b | c",
            "## [2026-01-01 00:00] a | b | c",
            "**Status:** blocked",
            "**Bogus:** x",
            "# heading",
            "",
            "    indented",
            "***",
            "___",
            "===",
            "<div>",
            "- list item",
            "|a|b|",
            "int x = 1; // ---",
            "  ---",
            "## not a heading",
            "> quote",
            "**Summary:**",
            "## [2099-13-45 99:99] Bad Agent | x | y",
            "## ",
            "##");

    static Arbitrary<Block> fencedCode() {
        Arbitrary<String> codeLine =
                Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(CODE_LINES)), Tuple.of(2, safeText(60)));
        return Combinators.combine(
                        Arbitraries.of("```", "````", "~~~", "~~~~"),
                        Arbitraries.of("", "java", "text", "markdown", "sh"),
                        codeLine.list().ofMaxSize(8),
                        Arbitraries.of(false, true))
                .as((fence, info, content, inList) -> {
                    List<String> lines = new ArrayList<>();
                    String indent = inList ? "  " : "";
                    if (inList) {
                        lines.add("- code in a list item:");
                        lines.add("");
                    }
                    lines.add(indent + fence + info);
                    for (String c : content) {
                        lines.add(c.isEmpty() ? c : indent + c);
                    }
                    if (fence.equals("````")) {
                        lines.add(indent + "```"); // shorter than the opening fence: still code
                    } else if (fence.startsWith("~")) {
                        lines.add(indent + "```");
                    }
                    lines.add(indent + fence);
                    return new Block(lines);
                });
    }

    static Arbitrary<Block> bulletList() {
        return Combinators.combine(
                        Arbitraries.of("-", "*", "+"),
                        safeText(60).list().ofMinSize(1).ofMaxSize(5),
                        Arbitraries.of(false, true))
                .as((marker, items, nested) -> {
                    List<String> lines = new ArrayList<>();
                    for (String it : items) {
                        lines.add(marker + " " + it);
                    }
                    if (nested) {
                        lines.add("  " + marker + " nested " + items.get(0));
                    }
                    return new Block(lines);
                });
    }

    static Arbitrary<Block> orderedList() {
        return safeText(60).list().ofMinSize(1).ofMaxSize(5).map(items -> {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                lines.add((i + 1) + ". " + items.get(i));
            }
            return new Block(lines);
        });
    }

    static Arbitrary<Block> paragraph() {
        return safeText(100).list().ofMinSize(1).ofMaxSize(4).map(Block::new);
    }

    static Arbitrary<Block> quote() {
        return safeText(60)
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(ls -> new Block(ls.stream().map(l -> "> " + l).collect(Collectors.toList())));
    }

    static Arbitrary<Block> block() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, paragraph()),
                Tuple.of(3, bulletList()),
                Tuple.of(1, orderedList()),
                Tuple.of(3, fencedCode()),
                Tuple.of(1, quote()));
    }

    static Arbitrary<Body> body(boolean valueRequired) {
        Arbitrary<String> value = valueRequired
                ? safeText(120)
                : Arbitraries.frequencyOf(Tuple.of(3, safeText(120)), Tuple.of(1, Arbitraries.just("")));
        return Combinators.combine(value, block().list().ofMaxSize(4), Arbitraries.of(true, false))
                .as(Body::new);
    }

    static Arbitrary<List<String>> metrics(boolean iteration) {
        Arbitrary<String> key = Combinators.combine(
                        Arbitraries.strings().withCharRange('a', 'z').ofLength(1),
                        Arbitraries.strings()
                                .withChars("abcdefghijklmnopqrstuvwxyz0123456789_")
                                .ofMaxLength(12))
                .as((a, b) -> a + b);
        Arbitrary<String> value = Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%:/+-")
                .ofMinLength(1)
                .ofMaxLength(12)
                // a valid value: not a number in exponent notation past the bounds (1e999999 is metrics-format)
                .filter(v -> !v.matches("[+-]?[0-9]*\\.?[0-9]*[eE][+-]?[0-9]+"));
        Arbitrary<List<String>> keys = key.filter(k -> !k.equals("iteration") && !k.equals("objective"))
                .list()
                .uniqueElements()
                .ofMinSize(iteration ? 0 : 1)
                .ofMaxSize(5);
        return Combinators.combine(
                        keys,
                        value.list().ofSize(7),
                        Arbitraries.integers().between(1, 1000),
                        Arbitraries.bigDecimals()
                                .between(new java.math.BigDecimal("-1000000"), new java.math.BigDecimal("1000000"))
                                .ofScale(6))
                .as((ks, vs, it, obj) -> {
                    List<String> out = new ArrayList<>();
                    for (int i = 0; i < ks.size(); i++) {
                        out.add(ks.get(i) + "=" + vs.get(i));
                    }
                    if (iteration) {
                        int at = Math.min(out.size(), it % (out.size() + 1));
                        out.add(at, "iteration=" + it);
                        out.add("objective=" + obj.toPlainString());
                    }
                    return out;
                });
    }

    static Arbitrary<Long> delta() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0L)),
                Tuple.of(5, Arbitraries.longs().between(1, 90)),
                Tuple.of(2, Arbitraries.longs().between(60, 60L * 24 * 40)));
    }

    private static final Arbitrary<Body> OPTIONAL_BODY = body(false);
    private static final Arbitrary<Body> REQUIRED_BODY = body(true);
    private static final Arbitrary<List<String>> PLAIN_METRICS = metrics(false);
    private static final Arbitrary<List<String>> ITERATION_METRICS = metrics(true);
    private static final Arbitrary<Tuple.Tuple2<String, String>> NAMES =
            Combinators.combine(kebab(), kebab()).as(Tuple::of);
    private static final Arbitrary<Tuple.Tuple2<String, String>> KINDS = Combinators.combine(
                    Arbitraries.of(EVENT_TYPES), Arbitraries.of(STATUSES))
            .as(Tuple::of);
    private static final Arbitrary<Tuple.Tuple2<String, Integer>> LAYOUT = Combinators.combine(
                    Arbitraries.of(", ", ",", " ", " , "),
                    Arbitraries.frequency(Tuple.of(6, 1), Tuple.of(2, 0), Tuple.of(1, 2)))
            .as(Tuple::of);
    private static final Arbitrary<Entry> ENTRY = Combinators.combine(
                    KINDS,
                    delta(),
                    NAMES,
                    summary(),
                    OPTIONAL_BODY.injectNull(0.5),
                    Arbitraries.of(false, true),
                    LAYOUT,
                    REQUIRED_BODY.injectNull(0.8))
            .flatAs((kind, d, n, summary, detail, withMetrics, layout, blockers) -> {
                String ev = kind.get1();
                String st = kind.get2();
                boolean iteration = ev.equals("study-iteration");
                Arbitrary<List<String>> ms =
                        iteration ? ITERATION_METRICS : withMetrics ? PLAIN_METRICS : Arbitraries.just(List.of());
                Arbitrary<Body> bl =
                        st.equals("blocked") && blockers == null ? REQUIRED_BODY : Arbitraries.just(blockers);
                return Combinators.combine(ms, bl)
                        .as((m, b) -> new Entry(
                                d, n.get1(), n.get2(), ev, st, summary, detail, m, layout.get1(), b, layout.get2()));
            });

    static Arbitrary<Entry> entry() {
        return ENTRY;
    }

    static final List<List<String>> PLAIN_PREAMBLES = List.of(
            List.of(),
            List.of("# Project Log"),
            List.of("# Project Log", "", "Append-only activity log of the agent team."),
            List.of(
                    "# Project Log",
                    "",
                    "Entries look like this:",
                    "",
                    "```",
                    "## [2026-01-01 00:00] a | b | c",
                    "",
                    "**Status:** completed",
                    "",
                    "---",
                    "```"),
            List.of("# Project Log", "", "### How to write", "", "- one entry per event", "- newest last", "", "---"),
            List.of("Intro paragraph", "with two lines"));

    /**
     * Preambles with a column-1 fence line that is HTML, not a fence: the parser's line-level fence
     * tracking is fooled from there on and commonmark must still decide the structure. (On large
     * logs with many '##' lines in code blocks this makes parsing quadratic: see
     * ValidLogProperties#fenceLineInsideHtmlDoesNotMakeParsingQuadratic.)
     */
    static final List<List<String>> FENCE_IN_HTML_PREAMBLES = List.of(
            List.of("# Project Log", "", "<div>", "```", "</div>"),
            List.of("<!-- template:", "```", "## [2026-01-01 00:00] a | b | c", "-->"));

    static Arbitrary<List<String>> preamble() {
        List<List<String>> all = new ArrayList<>(PLAIN_PREAMBLES);
        all.addAll(FENCE_IN_HTML_PREAMBLES);
        return Arbitraries.of(all);
    }

    static Arbitrary<List<String>> plainPreamble() {
        return Arbitraries.of(PLAIN_PREAMBLES);
    }

    /** Minutes since 1970 for a start in 1970..2100, biased to a few leap-day and year-end edges. */
    static Arbitrary<Long> start() {
        long leap = java.time.Duration.between(EPOCH, LocalDateTime.of(2024, 2, 28, 23, 58))
                .toMinutes();
        long yearEnd = java.time.Duration.between(EPOCH, LocalDateTime.of(1999, 12, 31, 23, 59))
                .toMinutes();
        long max = java.time.Duration.between(EPOCH, LocalDateTime.of(2100, 1, 1, 0, 0))
                .toMinutes();
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().between(0, max)), Tuple.of(1, Arbitraries.of(leap, yearEnd, 0L)));
    }

    static Arbitrary<Log> logs(int minEntries, int maxEntries) {
        return Combinators.combine(
                        preamble(),
                        start(),
                        entry().list().ofMinSize(minEntries).ofMaxSize(maxEntries))
                .as(Log::new);
    }

    /** As {@link #logs}, with the number of entries spread evenly rather than biased to small logs. */
    static Arbitrary<Log> evenlySizedLogs(int minEntries, int maxEntries) {
        // plain preambles: with a fence-in-HTML preamble, parse time grows quadratically with the log
        return Combinators.combine(
                        plainPreamble(),
                        start(),
                        entry().list()
                                .ofMinSize(minEntries)
                                .ofMaxSize(maxEntries)
                                .withSizeDistribution(RandomDistribution.uniform()))
                .as(Log::new);
    }

    /**
     * Logs of {@code min..max} entries cheaply: generating an entry costs about a millisecond, so a
     * pool of 150..250 generated entries is cycled, each use with a freshly generated time step.
     */
    static Arbitrary<Log> hugeLogs(int minEntries, int maxEntries) {
        return Combinators.combine(
                        plainPreamble(),
                        start(),
                        entry().list().ofMinSize(150).ofMaxSize(250),
                        delta().list().ofMinSize(minEntries).ofMaxSize(maxEntries))
                .as((pre, st, pool, deltas) -> {
                    List<Entry> entries = new ArrayList<>(deltas.size());
                    for (int i = 0; i < deltas.size(); i++) {
                        Entry e = pool.get(i % pool.size());
                        entries.add(new Entry(
                                deltas.get(i),
                                e.agent(),
                                e.project(),
                                e.event(),
                                e.status(),
                                e.summary(),
                                e.detail(),
                                e.metrics(),
                                e.metricSeparator(),
                                e.blockers(),
                                e.blankLinesAfter()));
                    }
                    return new Log(pre, st, entries);
                });
    }

    /**
     * A Detail body longer than the parser's 1 MiB chunk cap: a fenced code block full of {@code ---}
     * and heading lines, a long bullet list, or many paragraphs.
     */
    static Arbitrary<Body> giantBody() {
        return Combinators.combine(
                        Arbitraries.of("fence", "list", "paragraphs"),
                        Arbitraries.longs(),
                        Arbitraries.integers().between(1_100_000, 1_300_000))
                .as((kind, seed, chars) -> {
                    java.util.Random r = new java.util.Random(seed);
                    List<String> lines = new ArrayList<>();
                    int n = 0;
                    if (kind.equals("fence")) {
                        lines.add("```");
                    }
                    while (n < chars) {
                        String line = switch (kind) {
                            case "fence" -> CODE_LINES.get(r.nextInt(CODE_LINES.size()));
                            case "list" -> "- item " + r.nextInt() + " with ## and --- inside";
                            default -> r.nextInt(4) == 0 ? "" : "Paragraph text " + Long.toHexString(r.nextLong());
                        };
                        lines.add(line);
                        n += line.length() + 1;
                    }
                    if (kind.equals("fence")) {
                        lines.add("```");
                    }
                    return new Body("giant " + kind, List.of(new Block(lines)), false);
                });
    }

    /** A few entries, one of them with a {@link #giantBody()}. */
    static Arbitrary<Log> logsWithAGiantEntry() {
        return Combinators.combine(
                        logs(1, 6),
                        plainPreamble(),
                        giantBody(),
                        Arbitraries.integers().between(0, 100))
                .as((log, pre, giant, at) -> {
                    List<Entry> entries = new ArrayList<>(log.entries());
                    int i = at % entries.size();
                    Entry e = entries.get(i);
                    entries.set(
                            i,
                            new Entry(
                                    e.deltaMinutes(),
                                    e.agent(),
                                    e.project(),
                                    e.event(),
                                    e.status(),
                                    e.summary(),
                                    giant,
                                    e.metrics(),
                                    e.metricSeparator(),
                                    e.blockers(),
                                    e.blankLinesAfter()));
                    return new Log(pre, log.startMinute(), entries);
                });
    }

    static Arbitrary<Format> formats() {
        return Combinators.combine(
                        Arbitraries.of(LineEnding.class),
                        Arbitraries.of(false, true),
                        Arbitraries.of(true, false),
                        Arbitraries.longs())
                .as(Format::new);
    }
}
