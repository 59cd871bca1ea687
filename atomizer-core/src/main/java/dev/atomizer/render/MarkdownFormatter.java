package dev.atomizer.render;

import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileSummary;
import dev.atomizer.api.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A readable report in GitHub-flavoured markdown: a heading, a verdict, counts by rule, then one
 * table row per diagnostic ({@code | file:line | severity | rule | message |}).
 *
 * <p>It stays under 1 MiB, the size GitHub accepts for a job summary: at most {@link #MAX_ROWS}
 * rows and {@link #MAX_TABLE_BYTES} bytes of table, messages cut at {@link #MAX_CELL} characters;
 * what is left out is counted in a closing line. The rows are held until {@link #finish} (the
 * verdict comes first), so memory is bounded by the cap, not by the log.
 */
public final class MarkdownFormatter implements Formatter {

    public static final int MAX_ROWS = 1000;
    public static final int MAX_TABLE_BYTES = 900_000;
    public static final int MAX_CELL = 1000;

    private final Appendable out;
    private final StringBuilder rows = new StringBuilder();
    private int rowBytes;
    private int shown;
    private int left;
    private final Map<String, int[]> byRule = new TreeMap<>();

    public MarkdownFormatter(Appendable out) {
        this.out = out;
    }

    @Override
    public void diagnostic(Diagnostic d) {
        int[] counts = byRule.computeIfAbsent(d.rule(), r -> new int[2]);
        counts[d.severity() == Severity.ERROR ? 0 : 1]++;
        if (left > 0 || shown >= MAX_ROWS) {
            left++;
            return;
        }
        String row = "| " + cell(d.path() + ":" + d.line()) + " | "
                + d.severity().label() + " | " + cell(d.rule()) + " | " + cell(d.message()) + " |\n";
        int bytes = row.getBytes(StandardCharsets.UTF_8).length;
        if (rowBytes + bytes > MAX_TABLE_BYTES) {
            left++;
            return;
        }
        rows.append(row);
        rowBytes += bytes;
        shown++;
    }

    @Override
    public void finish(FileSummary s) throws IOException {
        StringBuilder b = new StringBuilder(rows.length() + 1024);
        b.append("## Atomizer\n\n");
        b.append(s.errors() > 0 ? "**Failed:** " : "**Passed:** ")
                .append(GithubFormatter.count(s.errors(), "error"))
                .append(", ")
                .append(GithubFormatter.count(s.warnings(), "warning"))
                .append(" in ")
                .append(GithubFormatter.count(s.entries(), "entry", "entries"))
                .append(".\n\n");
        if (byRule.isEmpty()) {
            b.append("No diagnostics.\n");
        } else {
            b.append("| rule | errors | warnings |\n|---|--:|--:|\n");
            for (Map.Entry<String, int[]> e : byRule.entrySet()) {
                b.append("| ")
                        .append(cell(e.getKey()))
                        .append(" | ")
                        .append(e.getValue()[0])
                        .append(" | ")
                        .append(e.getValue()[1])
                        .append(" |\n");
            }
            b.append("\n| file:line | severity | rule | message |\n|---|---|---|---|\n")
                    .append(rows);
            if (left > 0) {
                b.append("\n_")
                        .append(GithubFormatter.count(left, "more diagnostic", "more diagnostics"))
                        .append(" not shown: the report keeps to ")
                        .append(MAX_ROWS)
                        .append(" rows and under 1 MiB. The text or json format lists them all._\n");
            }
        }
        out.append(b);
        if (out instanceof java.io.Flushable f) {
            f.flush();
        }
    }

    /**
     * One table cell, escaped by the one escaper of generated markdown
     * ({@link dev.atomizer.md.MarkdownText}); over {@link #MAX_CELL} characters, cut.
     */
    public static String cell(String text) {
        String t = text;
        if (t.length() > MAX_CELL) {
            int end = Character.isHighSurrogate(t.charAt(MAX_CELL - 1)) ? MAX_CELL - 1 : MAX_CELL;
            t = t.substring(0, end) + "…";
        }
        return dev.atomizer.md.MarkdownText.escape(t);
    }
}
