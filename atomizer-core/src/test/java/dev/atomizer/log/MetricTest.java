package dev.atomizer.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metric tokens: numbers within bounds, text as text, a number out of bounds a problem. */
class MetricTest {

    @Test
    void aNumberOutOfBoundsIsAProblemAndTextIsNot() {
        List<Metric> ms = Metric.parse(
                "cost_usd=1e999999999, tokens=1200 ref=dec-001 objective=0.031 scale=1e-3 "
                        + "big=1234567890123456789 tiny=0.0000000000000000001 word=1e5x",
                14);
        assertThat(ms)
                .extracting(Metric::key)
                .containsExactly("cost_usd", "tokens", "ref", "objective", "scale", "big", "tiny", "word");
        assertThat(ms)
                .filteredOn(m -> m.problem() != null)
                .extracting(Metric::key)
                .containsExactly("cost_usd", "big", "tiny");
        assertThat(ms.get(0).problem())
                .isEqualTo("metric 'cost_usd' is a number out of bounds (at most 18 digits before the "
                        + "point and 18 after it)");
        assertThat(ms.get(0).column()).isEqualTo(14);
    }

    @Test
    void numbersWithinBoundsAreReadAndTheRestIsNot() {
        assertThat(Metric.number("123456789012345678")).isEqualByComparingTo("123456789012345678");
        assertThat(Metric.number("-0.123456789012345678"))
                .isEqualByComparingTo(new BigDecimal("-0.123456789012345678"));
        assertThat(Metric.number("2.5e3")).isEqualByComparingTo("2500");
        assertThat(Metric.number("1e999999999")).isNull();
        assertThat(Metric.number("1e-999999999")).isNull();
        assertThat(Metric.number("9".repeat(5000))).isNull();
        assertThat(Metric.number("dec-001")).isNull();
        assertThat(Metric.number(null)).isNull();
    }
}
