package dev.atomizer.report.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;

/**
 * The Mermaid charts of a report, drawn in the PDF without a browser: each {@code xychart-beta}
 * block Atomizer wrote (see {@code dev.atomizer.derive.Chart}) becomes a bar chart in HTML and
 * CSS, which the PDF lays out as vectors, the same bytes every time. A block this class cannot
 * read stays as the code it is.
 */
final class PdfCharts {

    /** The tallest bar. */
    static final BigDecimal HEIGHT_MM = new BigDecimal("36");

    static final int MAX_BARS = 40;
    private static final String MARK = "atomizerchart";
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private PdfCharts() {}

    /** Replaces each readable chart block by a placeholder paragraph; returns the charts' HTML in order. */
    static List<String> replace(Node doc) {
        List<FencedCodeBlock> blocks = new ArrayList<>();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof FencedCodeBlock f && "mermaid".equals(f.getInfo().strip())) {
                blocks.add(f);
            }
        }
        List<String> out = new ArrayList<>();
        for (FencedCodeBlock f : blocks) {
            String html = html(f.getLiteral());
            if (html == null) {
                continue;
            }
            Paragraph p = new Paragraph();
            p.appendChild(new Text(MARK + out.size() + "x"));
            f.insertBefore(p);
            f.unlink();
            out.add(html);
        }
        return out;
    }

    /** Puts the charts where their placeholders are. */
    static String insert(String html, List<String> charts) {
        String out = html;
        for (int i = 0; i < charts.size(); i++) {
            out = out.replace("<p>" + MARK + i + "x</p>", charts.get(i));
        }
        return out;
    }

    /** The chart as HTML, or null when the block is not a chart Atomizer writes. */
    static String html(String mermaid) {
        String title = null;
        List<String> labels = null;
        long[] range = null;
        List<BigDecimal> values = null;
        for (String raw : mermaid.split("\n")) {
            String l = raw.strip();
            if (l.startsWith("title ")) {
                title = first(l);
            } else if (l.startsWith("x-axis ")) {
                int bracket = l.indexOf('[');
                if (bracket >= 0) {
                    labels = new ArrayList<>();
                    Matcher m = QUOTED.matcher(l.substring(bracket));
                    while (m.find()) {
                        labels.add(m.group(1));
                    }
                } else {
                    Matcher m = NUMBER.matcher(l.substring(l.lastIndexOf('"') + 1));
                    long[] r = new long[2];
                    int k = 0;
                    while (m.find() && k < 2) {
                        r[k++] = new BigDecimal(m.group()).longValue();
                    }
                    range = k == 2 ? r : null;
                }
            } else if ((l.startsWith("bar ") || l.startsWith("line ")) && values == null) {
                values = new ArrayList<>();
                Matcher m = NUMBER.matcher(l.substring(l.indexOf('[')));
                while (m.find()) {
                    values.add(new BigDecimal(m.group()));
                }
            }
        }
        if (title == null || values == null || values.isEmpty() || (labels == null && range == null)) {
            return null;
        }
        if (labels == null) {
            labels = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                labels.add(i == 0 ? Long.toString(range[0]) : i == values.size() - 1 ? Long.toString(range[1]) : "");
            }
        }
        int from = Math.max(0, values.size() - MAX_BARS);
        BigDecimal max = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            max = v.compareTo(max) > 0 ? v : max;
        }
        StringBuilder b = new StringBuilder("<div class=\"chart\"><p class=\"chart-title\">")
                .append(PdfExport.escape(title))
                .append(from > 0 ? " (the last " + MAX_BARS + ")" : "")
                .append("</p><table class=\"bars\"><tr>");
        for (int i = from; i < values.size(); i++) {
            BigDecimal v = values.get(i);
            BigDecimal h = max.signum() == 0 || v.signum() <= 0
                    ? BigDecimal.ZERO
                    : v.multiply(HEIGHT_MM).divide(max, 1, RoundingMode.HALF_UP);
            b.append("<td><div>")
                    .append(PdfExport.escape(value(v)))
                    .append("</div><div class=\"bar\" style=\"height: ")
                    .append(h.max(new BigDecimal("0.3")).toPlainString())
                    .append("mm\"></div></td>");
        }
        b.append("</tr><tr>");
        for (int i = from; i < values.size(); i++) {
            b.append("<td class=\"label\">")
                    .append(PdfExport.escape(i < labels.size() ? labels.get(i) : ""))
                    .append("</td>");
        }
        return b.append("</tr></table></div>").toString();
    }

    /** 12,345 for whole numbers, the number as written otherwise. */
    private static String value(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() <= 0 ? String.format(java.util.Locale.ROOT, "%,d", s.longValue()) : s.toPlainString();
    }

    private static String first(String line) {
        Matcher m = QUOTED.matcher(line);
        return m.find() ? m.group(1) : line;
    }
}
