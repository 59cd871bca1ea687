package dev.atomizer.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomizer.api.AtomizerException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoWeekTest {

    @Test
    void yearsStartingOnThursdayOrLeapWednesdayHave53Weeks() throws Exception {
        // 2026 starts on a Thursday: it has a week 53, from Monday 2026-12-28 to Sunday 2027-01-03
        assertThat(IsoWeek.weeksIn(2026)).isEqualTo(53);
        IsoWeek w53 = IsoWeek.parse("2026-W53", "--week");
        assertThat(w53.monday()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(w53.sunday()).isEqualTo(LocalDate.of(2027, 1, 3));
        // 2020 is a leap year starting on a Wednesday: 53 weeks too; 2021 and 2025 have 52
        assertThat(IsoWeek.parse("2020-W53", "--week").monday()).isEqualTo(LocalDate.of(2020, 12, 28));
        assertThat(IsoWeek.weeksIn(2021)).isEqualTo(52);
        assertThat(IsoWeek.weeksIn(2025)).isEqualTo(52);
        assertThatThrownBy(() -> IsoWeek.parse("2021-W53", "--week"))
                .isInstanceOf(AtomizerException.class)
                .hasMessage("--week '2021-W53' does not exist: 2021 has 52 ISO weeks");
        assertThatThrownBy(() -> IsoWeek.parse("2025-W53", "--week")).hasMessageContaining("2025 has 52 ISO weeks");
    }

    @Test
    void firstOfJanuaryCanBelongToThePreviousYearsLastWeek() {
        assertThat(IsoWeek.of(LocalDate.of(2021, 1, 1))).hasToString("2020-W53");
        assertThat(IsoWeek.of(LocalDate.of(2027, 1, 1))).hasToString("2026-W53");
        assertThat(IsoWeek.of(LocalDate.of(2026, 1, 1))).hasToString("2026-W01");
        // and 29 December can belong to the next year's first week
        assertThat(IsoWeek.of(LocalDate.of(2025, 12, 29))).hasToString("2026-W01");
        assertThat(IsoWeek.of(LocalDate.of(2027, 1, 4))).hasToString("2027-W01");
    }

    @Test
    void previousAndNextCrossYears() throws Exception {
        assertThat(IsoWeek.parse("2027-W01", "w").previous()).hasToString("2026-W53");
        assertThat(IsoWeek.parse("2026-W53", "w").next()).hasToString("2027-W01");
        assertThat(IsoWeek.parse("2021-W01", "w").previous()).hasToString("2020-W53");
        assertThat(IsoWeek.parse("2021-W52", "w").next()).hasToString("2022-W01");
    }

    @Test
    void aWeekRunsFromMondayMidnightToItsSundaysLastMinute() throws Exception {
        IsoWeek w = IsoWeek.parse("2026-W10", "w");
        assertThat(w.start()).isEqualTo(LocalDateTime.of(2026, 3, 2, 0, 0));
        assertThat(w.lastMinute()).isEqualTo(LocalDateTime.of(2026, 3, 8, 23, 59));
        assertThat(w.contains(LocalDateTime.of(2026, 3, 2, 0, 0))).isTrue();
        assertThat(w.contains(LocalDateTime.of(2026, 3, 8, 23, 59))).isTrue();
        assertThat(w.contains(LocalDateTime.of(2026, 3, 1, 23, 59))).isFalse();
        assertThat(w.contains(LocalDateTime.of(2026, 3, 9, 0, 0))).isFalse();
    }

    @Test
    void theLastCompleteWeekIsTheOneBeforeTheAsOfsWeek() throws Exception {
        // the sample log ends on Friday 2026-03-20 (W12): W11 is the last complete week
        assertThat(IsoWeek.lastComplete(LocalDateTime.of(2026, 3, 20, 18, 17))).hasToString("2026-W11");
        // Sunday's last minute does not complete its week; Monday 00:00 does
        assertThat(IsoWeek.lastComplete(LocalDateTime.of(2026, 3, 22, 23, 59))).hasToString("2026-W11");
        assertThat(IsoWeek.lastComplete(LocalDateTime.of(2026, 3, 23, 0, 0))).hasToString("2026-W12");
        assertThat(IsoWeek.parse("2026-W12", "w").completeAt(LocalDateTime.of(2026, 3, 22, 23, 59)))
                .isFalse();
        assertThat(IsoWeek.parse("2026-W12", "w").completeAt(LocalDateTime.of(2026, 3, 23, 0, 0)))
                .isTrue();
        // across the year end
        assertThat(IsoWeek.lastComplete(LocalDateTime.of(2027, 1, 5, 9, 0))).hasToString("2026-W53");
        assertThat(IsoWeek.lastComplete(LocalDateTime.of(2021, 1, 1, 9, 0))).hasToString("2020-W52");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-10", "2026-W1", "2026W10", "26-W10", "2026-W00", "2026-w10", "", "2026-W10x"})
    void malformedWeeksAreRefused(String text) {
        assertThatThrownBy(() -> IsoWeek.parse(text, "--week"))
                .isInstanceOf(AtomizerException.class)
                .hasMessageStartingWith("--week '" + text + "'");
    }
}
