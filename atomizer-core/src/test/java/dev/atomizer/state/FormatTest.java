package dev.atomizer.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomizer.api.AtomizerException;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The as-of moment given on a command line: a real date and time, or a one-line error. */
class FormatTest {

    @Test
    void anAsOfIsARealDateAndTimeWithAFourDigitYear() throws Exception {
        assertThat(Format.asOf("2026-02-16 09:30", "--as-of")).isEqualTo(LocalDateTime.of(2026, 2, 16, 9, 30));
        assertThat(Format.asOf(" 2026-02-16T09:30 ", "--as-of")).isEqualTo(LocalDateTime.of(2026, 2, 16, 9, 30));
        assertThat(Format.asOf("", "--as-of")).isNull();
        assertThatThrownBy(() -> Format.asOf("2026-02-30 10:00", "--as-of"))
                .isInstanceOf(AtomizerException.class)
                .hasMessage("--as-of '2026-02-30 10:00' is not a real date and time (YYYY-MM-DD HH:MM)");
        assertThatThrownBy(() -> Format.asOf("2026-02-16 24:00", "--as-of")).hasMessageContaining("not a real date");
        assertThatThrownBy(() -> Format.asOf("+99999-01-01 00:00", "--as-of"))
                .hasMessage("--as-of '+99999-01-01 00:00' is not 'YYYY-MM-DD HH:MM'");
        assertThatThrownBy(() -> Format.asOf("2026-2-16 9:30", "--as-of"))
                .hasMessageContaining("is not 'YYYY-MM-DD HH:MM'");
    }
}
