package dev.atomizer.derive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A Mermaid {@code xychart-beta} chart, valid by construction: the one place the dashboards and
 * reports write chart text. What it guarantees, whatever the data:
 * <ul>
 *   <li>a front-matter config that colours the series with a palette readable on GitHub's light
 *       and dark backgrounds (mermaid's default line colour is nearly white);</li>
 *   <li>an x axis that is numeric ({@code min --> max}, ticks chosen by the renderer) where the
 *       points are numbered, or categories otherwise;</li>
 *   <li>only finite numbers in a series (a missing or non-numeric value is left out of the data by
 *       the caller; {@link #of} drops the point);</li>
 *   <li>titles and labels quoted, with quotes, brackets, backslashes and control characters
 *       removed, so no text closes a string or the fence.</li>
 * </ul>
 */
public final class Chart {

    /**
     * Series colours: a blue and an orange whose contrast is at least 3:1 on GitHub's light
     * ({@code #ffffff}) and dark ({@code #0d1117}) backgrounds.
     */
    public static final List<String> PALETTE = List.of("#3b82f6", "#ea580c");

    /** One series: its name (for the caption) and, for each point, a value or null. */
    public record Series(String name, boolean bars, List<BigDecimal> values) {}

    private final String title;
    private final String xTitle;
    private final List<String> categories;
    private final long[] range;
    private final String yTitle;
    private final List<Series> series = new ArrayList<>();

    private Chart(String title, String xTitle, List<String> categories, long[] range, String yTitle) {
        this.title = title;
        this.xTitle = xTitle;
        this.categories = categories;
        this.range = range;
        this.yTitle = yTitle;
    }

    /** A chart over categories (weeks, days), one point per category. */
    public static Chart categories(String title, String xTitle, List<String> categories, String yTitle) {
        return new Chart(title, xTitle, List.copyOf(categories), null, yTitle);
    }

    /** A chart over a numeric x axis from {@code min} to {@code max}, its points evenly spaced across it. */
    public static Chart numeric(String title, String xTitle, long min, long max, String yTitle) {
        return new Chart(title, xTitle, null, new long[] {min, Math.max(min + 1, max)}, yTitle);
    }

    public Chart line(String name, List<BigDecimal> values) {
        series.add(new Series(name, false, values));
        return this;
    }

    public Chart bar(String name, List<BigDecimal> values) {
        series.add(new Series(name, true, values));
        return this;
    }

    /** A value for a chart: null when missing. */
    public static BigDecimal of(Number n) {
        return n == null ? null : new BigDecimal(n.toString());
    }

    /** Whether any series has a value to draw. */
    public boolean hasData() {
        return series.stream().anyMatch(s -> s.values().stream().anyMatch(v -> v != null));
    }

    /**
     * The fenced block: front matter, the chart, one line per series. Over categories, a category
     * no series has a value for is left out; any other missing value is drawn as 0.
     */
    public List<String> lines() {
        List<String> cats = new ArrayList<>();
        List<List<BigDecimal>> data = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            data.add(new ArrayList<>());
        }
        int n = categories != null
                ? categories.size()
                : series.stream().mapToInt(s -> s.values().size()).max().orElse(0);
        for (int i = 0; i < n; i++) {
            boolean any = false;
            for (Series s : series) {
                any |= i < s.values().size() && s.values().get(i) != null;
            }
            if (!any) {
                continue;
            }
            if (categories != null) {
                cats.add(quote(categories.get(i)));
            }
            for (int s = 0; s < series.size(); s++) {
                List<BigDecimal> v = series.get(s).values();
                data.get(s).add(i < v.size() ? v.get(i) : null);
            }
        }
        List<String> out = new ArrayList<>();
        out.add("```mermaid");
        out.add("---");
        out.add("config:");
        out.add("  themeVariables:");
        out.add("    xyChart:");
        out.add("      plotColorPalette: \""
                + String.join(", ", PALETTE.subList(0, Math.min(PALETTE.size(), Math.max(1, series.size())))) + "\"");
        out.add("---");
        out.add("xychart-beta");
        out.add("    title " + quote(title));
        if (range != null) {
            out.add("    x-axis " + quote(xTitle) + " " + range[0] + " --> " + range[1]);
        } else {
            out.add("    x-axis " + quote(xTitle) + " [" + String.join(", ", cats) + "]");
        }
        if (series.stream().anyMatch(Series::bars)) {
            // bars start at zero: an axis from the smallest bar up makes a small day look like none
            BigDecimal max = BigDecimal.ZERO;
            for (List<BigDecimal> d : data) {
                for (BigDecimal v : d) {
                    max = v != null && v.compareTo(max) > 0 ? v : max;
                }
            }
            out.add("    y-axis " + quote(yTitle) + " 0 --> "
                    + (max.signum() == 0 ? "1" : max.stripTrailingZeros().toPlainString()));
        } else {
            out.add("    y-axis " + quote(yTitle));
        }
        for (int s = 0; s < series.size(); s++) {
            List<String> vs = new ArrayList<>();
            for (BigDecimal v : data.get(s)) {
                vs.add(v == null ? "0" : v.stripTrailingZeros().toPlainString());
            }
            out.add("    " + (series.get(s).bars() ? "bar" : "line") + " [" + String.join(", ", vs) + "]");
        }
        out.add("```");
        return out;
    }

    /** A text as one quoted mermaid string: no quote, bracket, backslash, backtick or control character survives. */
    static String quote(String text) {
        String t = text == null ? "" : text;
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '"') {
                b.append('\'');
            } else if (c == '['
                    || c == ']'
                    || c == '\\'
                    || c == '`'
                    || c == '{'
                    || c == '}'
                    || c == ';'
                    || c == '#'
                    || Character.isISOControl(c)) {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return "\"" + b.toString().replaceAll("\\s+", " ").strip() + "\"";
    }
}
