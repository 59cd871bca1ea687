package dev.atomizer.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.Workspace;
import dev.atomizer.contract.Contract;
import dev.atomizer.contract.ContractLoader;
import dev.atomizer.contract.DefaultContract;
import dev.atomizer.status.ProjectStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaffoldTest {

    /** The contract init writes is the default contract, written out: the same types, statuses, fields and paths. */
    @Test
    void theScaffoldsContractIsTheDefaultOne() throws Exception {
        Contract made = ContractLoader.parse(
                new String(Scaffold.content(Workspace.CONTRACT), StandardCharsets.UTF_8), Workspace.CONTRACT);
        Contract def = DefaultContract.get();
        assertThat(made.eventTypes().keySet())
                .containsExactlyElementsOf(def.eventTypes().keySet());
        made.eventTypes()
                .forEach((k, t) -> assertThat(t.requiredMetrics())
                        .isEqualTo(def.eventTypes().get(k).requiredMetrics()));
        assertThat(made.statuses()).containsExactlyElementsOf(def.statuses());
        assertThat(made.fields()).containsExactlyElementsOf(def.fields());
        assertThat(made.governedPaths()).containsExactlyElementsOf(def.governedPaths());
        assertThat(made.approvers()).contains("ceo");
        assertThat(made.settings().zone().getId()).isEqualTo("UTC");
        // the sections and settings written out are the defaults (the organisation's name aside)
        assertThat(made.sections()).isEqualTo(def.sections());
        for (dev.atomizer.contract.Settings.Setting s : dev.atomizer.contract.Settings.Setting.values()) {
            if (s != dev.atomizer.contract.Settings.Setting.ORGANISATION) {
                assertThat(made.settings().get(s))
                        .as(s.label())
                        .isEqualTo(def.settings().get(s));
            }
        }
    }

    /** The workflow and the template init writes are the sample's. */
    @Test
    void theWorkflowAndTemplateAreTheSamples() throws Exception {
        Path sample = Path.of("../sample-repo");
        for (String path : List.of(".github/workflows/atomizer.yml", "shared/reports/templates/weekly-template.md")) {
            assertThat(new String(Scaffold.content(path), StandardCharsets.UTF_8))
                    .as(path)
                    .isEqualTo(Files.readString(sample.resolve(path)));
        }
    }

    @Test
    void itMakesWhatIsMissingAndKeepsWhatIsThere(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("shared"));
        Files.writeString(root.resolve(Workspace.STATUS), "# Ours\n");
        assertThat(Scaffold.make(root))
                .contains(
                        "made " + Workspace.CONTRACT,
                        "kept " + Workspace.STATUS + " (already there)",
                        "made " + Workspace.LOG,
                        "made shared/dashboards/");
        assertThat(Files.readString(root.resolve(Workspace.STATUS))).isEqualTo("# Ours\n");
        assertThat(Scaffold.make(root)).allMatch(l -> l.startsWith("kept "));
        ProjectStatus status = ProjectStatus.parse(
                new String(Scaffold.content(Workspace.STATUS), StandardCharsets.UTF_8), Workspace.STATUS);
        assertThat(status.slugs()).containsExactly("first-project");
    }

    /** The watchdog runs every 6 hours unless init is told another schedule, written into the workflow's own. */
    @Test
    void theWatchdogsScheduleIsTheOneInitIsGiven(@TempDir Path root) throws Exception {
        String workflow = ".github/workflows/atomizer.yml";
        assertThat(new String(Scaffold.content(workflow), StandardCharsets.UTF_8))
                .contains("    - cron: '7 */6 * * *'\n")
                .doesNotContain("'7 * * * *'");
        assertThat(Scaffold.watchdogCron(null)).isEqualTo("7 */6 * * *");
        Scaffold.make(root, Scaffold.watchdogCron(" 15  *  * * 1-5 "));
        String made = Files.readString(root.resolve(workflow));
        assertThat(made).contains("    - cron: '15 * * * 1-5'\n").doesNotContain("7 */6 * * *");
        // the Friday reports' schedules are untouched
        assertThat(made).contains("- cron: '30 20 * * 5'").contains("- cron: '30 21 * * 5'");
        for (String bad : List.of("hourly", "7 * * *", "7 * * * * *", "7 * * * '; rm")) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Scaffold.watchdogCron(bad)))
                    .as(bad)
                    .isInstanceOf(dev.atomizer.api.AtomizerException.class)
                    .hasMessageStartingWith("--watchdog-cron '" + bad + "': not a cron schedule");
        }
    }
}
