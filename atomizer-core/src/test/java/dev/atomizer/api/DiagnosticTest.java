package dev.atomizer.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiagnosticTest {

    @Test
    void theTextFormIsOneLineOfVisibleTextWhateverTheLogHeld() {
        // a status value quoted from the log: a terminal escape, a forged second line, a NUL, a C1 CSI
        Diagnostic d = new Diagnostic(
                "shared/project_log.md",
                7,
                13,
                "status-invalid",
                Severity.ERROR,
                "status 'done\u001b[2J\nshared/project_log.md:1:1: error [x] forged\u0000\u009b' is not one of the contract's");
        String text = d.toText();
        assertThat(text)
                .doesNotContain("\u001b")
                .doesNotContain("\n")
                .doesNotContain("\u0000")
                .doesNotContain("\u009b")
                .isEqualTo(
                        "shared/project_log.md:7:13: error [status-invalid] status 'done\u241b[2J\u240ashared/project_log.md"
                                + ":1:1: error [x] forged\u2400\\u009b' is not one of the contract's");
        assertThat(Diagnostic.visible("tab\tstays")).isEqualTo("tab\tstays");
        assertThat(Diagnostic.visible("plain")).isSameAs("plain");
    }
}
