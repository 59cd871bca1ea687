package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.alert.LoopbackHook;
import dev.atomizer.api.Workspace;
import dev.atomizer.git.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog on a copy of the sample whose log stopped three days ago, with a webhook served on
 * loopback that records what it is sent (or fails).
 */
class AlertsTest extends CliTest {

    static final Path SAMPLE = Path.of("../sample-repo").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    LoopbackHook server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A loopback webhook answering {@code status}; its URL. */
    String hook(int status) throws IOException {
        server = new LoopbackHook(status);
        return server.url();
    }

    /** The sample's files, copied (no git history: no commit is judged). */
    Path sampleCopy() throws IOException {
        Path dir = tmp.resolve("sample");
        try (Stream<Path> files = Files.walk(SAMPLE.resolve("shared"))) {
            for (Path f : files.toList()) {
                Path to = dir.resolve(SAMPLE.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        return dir;
    }

    /** Three days after the sample's newest entry. */
    static String threeDaysLater() throws IOException {
        String last = null;
        for (String line : Files.readAllLines(SAMPLE.resolve(Workspace.LOG))) {
            if (line.matches("## \\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\] .*")) {
                last = line.substring(4, 20);
            }
        }
        return java.time.LocalDateTime.parse(last.replace(' ', 'T'))
                .plusDays(3)
                .toString()
                .replace('T', ' ');
    }

    @Test
    void aLogStoppedThreeDaysAgoRaisesTheSilentLogAlertAndTheWebhookReceivesItOnce() throws Exception {
        Path dir = sampleCopy();
        String url = hook(204);
        assertThat(run(dir, "alerts", "--now", threeDaysLater(), "--notify", url))
                .as(err)
                .isEqualTo(1);
        assertThat(out).startsWith("error [log-silent] shared/project_log.md: no entry for 3d");
        assertThat(err)
                .contains("atomizer: sent to the webhook at http://127.0.0.1:")
                .doesNotContain(LoopbackHook.SECRET);
        assertThat(server.bodies()).hasSize(1);
        assertThat(server.bodies().get(0))
                .startsWith("{\"content\":\"🚨 Atomizer alerts for sample: ")
                .contains("log-silent");
        // the log's files are untouched
        assertThat(Files.readString(dir.resolve(Workspace.LOG)))
                .isEqualTo(Files.readString(SAMPLE.resolve(Workspace.LOG)));
    }

    @Test
    void theWebhookComesFromTheEnvironmentToo() throws Exception {
        Path dir = sampleCopy();
        String url = hook(204);
        assertThat(run(
                        dir,
                        Map.of("ATOMIZER_WEBHOOK", url, "GITHUB_REPOSITORY", "acme/status"),
                        "alerts",
                        "--now",
                        threeDaysLater(),
                        "--format",
                        "json"))
                .isEqualTo(1);
        assertThat(out).startsWith("{\"asOf\":");
        assertThat(server.bodies()).singleElement().asString().contains("Atomizer alerts for acme/status");
    }

    @Test
    void aWebhookThatFailsIsOneLineAndExitTwoAfterTheAlerts() throws Exception {
        Path dir = sampleCopy();
        String url = hook(500);
        assertThat(run(dir, "alerts", "--now", threeDaysLater(), "--notify", url))
                .isEqualTo(2);
        assertThat(out).contains("[log-silent]");
        assertThat(err.lines().filter(l -> l.contains("webhook")).toList())
                .singleElement()
                .asString()
                .startsWith("atomizer: cannot send to the webhook at http://127.0.0.1:")
                .endsWith("HTTP 500 (tried twice)");
        assertThat(server.bodies()).hasSize(2);
    }

    @Test
    void aWebhookThatIsNotAllowedIsRefusedBeforeAnyWork() throws Exception {
        Path dir = sampleCopy();
        assertThat(run(dir, "alerts", "--notify", "http://hooks.example.com/secret"))
                .isEqualTo(2);
        assertThat(out).isEmpty();
        assertThat(err).contains("https://").doesNotContain(LoopbackHook.SECRET);
        assertThat(run(dir, "alerts", "--format", "xml")).isEqualTo(2);
    }

    @Test
    void withinItsThresholdsTheSampleIsQuietAtItsNewestEntry() throws Exception {
        Path dir = sampleCopy();
        String last = threeDaysLater();
        String newest = java.time.LocalDateTime.parse(last.replace(' ', 'T'))
                .minusDays(3)
                .toString()
                .replace('T', ' ');
        run(dir, "alerts", "--now", newest);
        assertThat(out).doesNotContain("[log-silent]");
    }

    @Test
    void contractDiffNamesWhatARangeChangedInTheContract() throws Exception {
        GitFixture repo = GitFixture.init(tmp.resolve("repo"));
        String base = dev.atomizer.contract.ContractFixture.baseThenAdded(repo, "| `incident` | Something broke |");
        assertThat(run(repo.dir(), "contract-diff", base)).isZero();
        assertThat(out).isEqualTo("- event type added: incident\n");
        assertThat(err).contains("1 contract change in " + base + "..HEAD");
        String url = hook(204);
        assertThat(run(repo.dir(), "contract-diff", base, "HEAD", "--notify", url))
                .isZero();
        assertThat(server.bodies())
                .singleElement()
                .asString()
                .contains("The contract changed")
                .contains("incident");
    }
}
