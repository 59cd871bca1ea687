package dev.atomizer.cli.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.NewEntry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** append_entry's arguments as the entry {@code atomizer log} would append. */
class EntryArgumentsTest {

    private static Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agent", " optimizer ");
        m.put("project", "alpha");
        m.put("event_type", "study-iteration");
        m.put("status", "in-progress");
        m.put("summary", "Iteration 4");
        return m;
    }

    @Test
    void metricsAreWrittenAsPairsInTheirOrderWithNumbersAsWritten() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("objective", 0.031);
        metrics.put("iteration", 4);
        metrics.put("tiny", 1e-7);
        metrics.put("mass_kg", 2.50);
        metrics.put("ref", "study-7");
        Map<String, Object> a = args();
        a.put("metrics", metrics);
        a.put("detail", "line one\nline two");
        EntryArguments.Parsed p = EntryArguments.parse(a, "2026-03-01 10:00");
        assertThat(p.problem()).isNull();
        NewEntry e = p.entry();
        assertThat(e.metrics()).isEqualTo("objective=0.031, iteration=4, tiny=0.0000001, mass_kg=2.5, ref=study-7");
        assertThat(e.lines())
                .startsWith("## [2026-03-01 10:00] optimizer | alpha | study-iteration")
                .contains("**Detail:**", "line one", "line two");
    }

    @Test
    void shapesThatMakeNoEntryAreNamedAllAtOnce() {
        Map<String, Object> a = args();
        a.put("time", "2026-01-01 00:00");
        a.put("summary", 42);
        a.put("metrics", "iteration=4");
        EntryArguments.Parsed p = EntryArguments.parse(a, "2026-03-01 10:00");
        assertThat(p.entry()).isNull();
        assertThat(p.problem())
                .contains("unknown argument 'time'")
                .contains("'summary' must be a string")
                .contains("'metrics' must be an object");
        Map<String, Object> nested = args();
        nested.put("metrics", Map.of("list", java.util.List.of(1, 2)));
        assertThat(EntryArguments.parse(nested, "2026-03-01 10:00").problem())
                .isEqualTo("the metric 'list' must be a number or a string, not [1, 2]");
    }

    @Test
    void missingFieldsAreLeftToTheContractsRules() {
        Map<String, Object> a = args();
        a.remove("summary");
        EntryArguments.Parsed p = EntryArguments.parse(a, "2026-03-01 10:00");
        assertThat(p.problem()).isNull();
        assertThat(p.entry().lines()).contains("**Summary:** ");
    }
}
