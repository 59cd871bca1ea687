package dev.atomizer.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.Alert;
import dev.atomizer.api.Severity;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertReportTest {

    static final LocalDateTime NOW = LocalDateTime.parse("2026-03-05T10:00");

    static final List<Alert> TWO = List.of(
            new Alert("log-silent", Severity.ERROR, "shared/project_log.md", "no entry for 3d"),
            new Alert("decision-overdue", Severity.WARNING, "dec|1 (alpha)", "waiting 3d\nforged line @everyone"));

    @Test
    void everyFormatSaysEachAlertOnceAndNeverForgesALine() throws Exception {
        AlertReport r = new AlertReport(TWO, NOW);
        assertThat(r.summaryLine()).isEqualTo("2 alerts (1 error, 1 warning) as of 2026-03-05 10:00");
        assertThat(r.render("text"))
                .isEqualTo("error [log-silent] shared/project_log.md: no entry for 3d\n"
                        + "warning [decision-overdue] dec|1 (alpha): waiting 3d␊forged line @everyone\n");
        assertThat(r.render("github"))
                .startsWith("::error title=log-silent::")
                .contains("%0A")
                .hasLineCount(2);
        assertThat(r.render("markdown"))
                .contains("| `decision-overdue` | ⚠️ warning | dec\\|1 (alpha) |")
                .contains("forged line \\@everyone |") // an issue's body would ping otherwise
                .doesNotContain(" @everyone");
        assertThat(r.render("json")).startsWith("{\"asOf\":\"2026-03-05 10:00\",\"errors\":1,\"alerts\":[");
        assertThat(new AlertReport(List.of(), NOW).render("markdown"))
                .isEqualTo("## ✅ Atomizer alerts: none as of 2026-03-05 10:00\n");
    }

    @Test
    void theWebhookMessageFitsDiscordsLimitAndSaysHowManyItLeftOut() {
        List<Alert> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(new Alert("agent-silent", Severity.WARNING, "agent-" + i, "silent for " + "x".repeat(40)));
        }
        String body = new AlertReport(many, NOW).webhookBody("acme/status");
        assertThat(body).contains("Atomizer alerts for acme/status").contains("more");
        int content = body.indexOf("\",\"text\":");
        assertThat(content).isLessThan(2000 + 12);
    }
}
