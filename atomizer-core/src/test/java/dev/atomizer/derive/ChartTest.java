package dev.atomizer.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Charts are valid by construction: every line matches mermaid's xychart grammar as Atomizer
 * writes it, whatever the titles and values; the palette reads on GitHub's light and dark
 * backgrounds. (render/check.sh renders them with the real mermaid.)
 */
class ChartTest {

    static final Pattern QUOTED = Pattern.compile("\"[^\"\\[\\]\\\\`{};#\\p{Cntrl}]*\"");
    static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** The grammar of a chart as {@link Chart} writes it. */
    static void assertValid(List<String> lines) {
        assertThat(lines.get(0)).isEqualTo("```mermaid");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("```");
        assertThat(lines.subList(1, 7))
                .containsExactly("---", "config:", "  themeVariables:", "    xyChart:", lines.get(5), "---");
        assertThat(lines.get(5)).matches("      plotColorPalette: \"#[0-9a-f]{6}(, #[0-9a-f]{6})*\"");
        assertThat(lines.get(7)).isEqualTo("xychart-beta");
        assertThat(lines.get(8)).matches("    title " + QUOTED);
        String n = NUMBER.pattern();
        assertThat(lines.get(9))
                .matches("    x-axis " + QUOTED + " (" + n + " --> " + n + "|\\[(" + QUOTED + "(, " + QUOTED
                        + ")*)?\\])");
        assertThat(lines.get(10)).matches("    y-axis " + QUOTED + "( 0 --> " + n + ")?");
        for (String l : lines.subList(11, lines.size() - 1)) {
            assertThat(l).matches("    (line|bar) \\[(" + n + "(, " + n + ")*)?\\]");
        }
        assertThat(String.join("\n", lines.subList(1, lines.size() - 1))).doesNotContain("```");
    }

    @Property(tries = 300)
    void anyTitleAndValuesGiveAValidChart(
            @ForAll String title, @ForAll String label, @ForAll @Size(max = 120) List<Double> raw) {
        List<BigDecimal> values = new ArrayList<>();
        List<String> cats = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Double d = raw.get(i);
            values.add(d == null || d.isNaN() || d.isInfinite() ? null : BigDecimal.valueOf(d));
            cats.add(label + i);
        }
        assertValid(
                Chart.categories(title, label, cats, label).line("x", values).lines());
        assertValid(Chart.categories(title, label, cats, label).bar("x", values).lines());
        assertValid(Chart.numeric(title, label, 1, raw.size(), label)
                .line("x", values)
                .lines());
    }

    @Test
    void quotesBracketsFencesAndLineBreaksCannotEscapeAString() {
        String evil = "a \"b\" [c] `d` ```\n## [2026-01-01 00:00] x | y | z\\ {e}; #f";
        assertThat(Chart.quote(evil)).isEqualTo("\"a 'b' c d 2026-01-01 00:00 x | y | z e f\"");
        assertValid(Chart.categories(evil, evil, List.of(evil), evil)
                .bar(evil, List.of(BigDecimal.ONE))
                .lines());
    }

    @Test
    void categoriesWithoutAValueAreLeftOutAndBarsStartAtZero() {
        List<String> lines = Chart.categories("t", "week", List.of("W1", "W2", "W3"), "h")
                .bar("b", Arrays.asList(new BigDecimal("5"), null, new BigDecimal("2.50")))
                .lines();
        assertThat(lines)
                .contains("    x-axis \"week\" [\"W1\", \"W3\"]", "    y-axis \"h\" 0 --> 5", "    bar [5, 2.5]");
        assertThat(Chart.numeric("t", "iteration", 1, 100, "objective")
                        .line("o", List.of(BigDecimal.ONE))
                        .lines())
                .contains("    x-axis \"iteration\" 1 --> 100", "    y-axis \"objective\"");
    }

    /** WCAG contrast of each series colour against GitHub's light and dark page backgrounds: at least 3:1. */
    @Test
    void thePaletteReadsOnGithubsLightAndDarkBackgrounds() {
        for (String colour : Chart.PALETTE) {
            assertThat(contrast(colour, "#ffffff")).as(colour + " on white").isGreaterThanOrEqualTo(3.0);
            assertThat(contrast(colour, "#0d1117"))
                    .as(colour + " on GitHub dark")
                    .isGreaterThanOrEqualTo(3.0);
        }
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
