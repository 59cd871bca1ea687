package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest extends CliTest {

    static final String GOOD = "# Project log\n\n"
            + "## [2026-02-16 09:00] manager | bracket-topopt | milestone\n\n**Status:** completed\n**Summary:** Gate passed.\n\n---\n";
    static final String BAD = "# Project log\n\n"
            + "## [2026-02-16 09:00] manager | bracket-topopt | milestone\n\n**Status:** done\n**Summary:** Gate \"passed\".\n\n---\n";

    @TempDir
    Path root;

    Path log;

    @BeforeEach
    void layout() throws Exception {
        log = root.resolve("shared/project_log.md");
        Files.createDirectories(log.getParent());
        Files.createDirectories(root.resolve(".git"));
    }

    @Test
    void aRepositoryWithoutALogSaysHowToStartOne() {
        assertThat(run(root, "lint")).isEqualTo(2);
        assertThat(err)
                .contains("shared/project_log.md: no such file: there is no log yet; start it with 'atomizer log");
    }

    @Test
    void checkCallsAMissingDerivedFileMissing() throws Exception {
        Files.writeString(
                log,
                "# Log\n\n## [2026-01-05 09:00] manager | p | milestone\n\n**Status:** completed\n"
                        + "**Summary:** s\n\n---\n");
        assertThat(run(root, "dashboards")).isZero();
        Files.delete(root.resolve("shared/dashboards/technical.md"));
        assertThat(run(root, "check")).isEqualTo(1);
        assertThat(out)
                .contains(
                        "shared/dashboards/technical.md:1:1: error [generated-stale] shared/dashboards/technical.md"
                                + " is missing (the generator makes it from the log and PROJECT_STATUS.md); run 'atomizer dashboards'");
    }

    @Test
    void helpListsEveryCommandWithWholeSentences() {
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        int code = Main.run(
                new String[] {"help"},
                Path.of("."),
                new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        String help = o.toString(StandardCharsets.UTF_8);
        java.util.Map<String, String> commands = new java.util.LinkedHashMap<>();
        String current = null;
        for (String line :
                help.substring(help.indexOf("Commands:")).lines().skip(1).toList()) {
            if (line.isBlank()) {
                break;
            }
            if (line.startsWith("  ") && !line.startsWith("   ")) {
                current = line.strip().split("\\s+", 2)[0];
                commands.put(current, line.strip().substring(current.length()).strip());
            } else if (current != null) {
                commands.merge(current, line.strip(), (a, b) -> a + " " + b);
            }
        }
        assertThat(commands).containsKeys("lint", "log", "verify", "dashboards", "check", "gates", "report");
        commands.forEach((name, text) -> assertThat(text).as(name).endsWith(".").doesNotEndWith(":."));
    }

    @Test
    void lintWithoutFilesFindsTheRepositoryLogFromASubdirectory() throws Exception {
        Files.writeString(log, GOOD);
        Path sub = Files.createDirectories(root.resolve("context-docs/deep"));
        assertThat(run(sub, "lint")).isZero();
        assertThat(out).isEmpty();
        assertThat(err).isEqualTo("1 entry: 0 errors, 0 warnings\n");
    }

    @Test
    void violationsExitOneInTheTextFormat() throws Exception {
        Files.writeString(log, BAD);
        assertThat(run(root, "lint")).isEqualTo(1);
        assertThat(out)
                .isEqualTo("shared/project_log.md:5:13: error [status-invalid] status 'done' is not one of "
                        + "in-progress, completed, blocked, failed\n");
        assertThat(err).isEqualTo("1 entry: 1 error, 0 warnings\n");
    }

    @Test
    void jsonIsExactlyTheDocumentedShape() throws Exception {
        Files.writeString(log, BAD);
        assertThat(run(root, "lint", "--format", "json", "shared/project_log.md"))
                .isEqualTo(1);
        assertThat(out)
                .isEqualTo(
                        "{\"diagnostics\":[{\"path\":\"shared/project_log.md\",\"line\":5,\"column\":13,"
                                + "\"rule\":\"status-invalid\",\"severity\":\"error\",\"message\":\"status 'done' is not one of "
                                + "in-progress, completed, blocked, failed\"}],\"summary\":{\"entries\":1,\"errors\":1,\"warnings\":0}}\n");
        assertThat(err).isEmpty();
    }

    @Test
    void aRuleTurnedOffOrDowngradedChangesTheExitCode() throws Exception {
        Files.writeString(log, BAD);
        assertThat(run(root, "lint", "--rule", "status-invalid=warning")).isZero();
        assertThat(out).contains("warning [status-invalid]");
        assertThat(run(root, "lint", "--rule", "status-invalid=off")).isZero();
        assertThat(out).isEmpty();
    }

    @Test
    void usageAndConfigurationProblemsExitTwoWithOneLineMessages() throws Exception {
        Files.writeString(log, GOOD);
        assertThat(run(root, "lint", "--format", "xml")).isEqualTo(2);
        assertThat(err).contains("unknown format 'xml'");
        assertThat(run(root, "lint", "--rule", "no-such-rule=off")).isEqualTo(2);
        assertThat(err).contains("unknown rule 'no-such-rule'");
        assertThat(run(root, "lint", "--rule", "field-order=loud")).isEqualTo(2);
        assertThat(run(root, "lint", "missing.md")).isEqualTo(2);
        assertThat(err).isEqualTo("atomizer: missing.md: no such file\n");
        assertThat(run(root, "frobnicate")).isEqualTo(2);
        Path elsewhere = Files.createTempDirectory("atomizer-not-a-repo");
        assertThat(run(elsewhere, "lint")).isEqualTo(2);
        assertThat(err).contains("not inside an Atomizer repository");
        Path dir = Files.createDirectories(root.resolve("shared/adir.md"));
        assertThat(run(root, "lint", "shared/adir.md")).isEqualTo(2);
        assertThat(dir).isDirectory();
    }

    @Test
    void aMalformedContractIsReportedAtItsLinesWithExitTwo() throws Exception {
        Files.writeString(log, GOOD);
        Path schemas = root.resolve("shared/data-contracts/schemas.md");
        Files.createDirectories(schemas.getParent());
        Files.writeString(
                schemas, "# Contract\n\n## Status values\n\n| Status | Meaning |\n|---|---|\n| Done! | bad |\n");
        assertThat(run(root, "lint")).isEqualTo(2);
        assertThat(err)
                .startsWith("atomizer: shared/data-contracts/schemas.md:7:1: error [config] status value 'Done!'");
        assertThat(out).isEmpty();
    }

    @Test
    void binaryInputIsAnEncodingDiagnostic() throws Exception {
        Files.write(log, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, '\n'});
        assertThat(run(root, "lint")).isEqualTo(1);
        assertThat(out)
                .startsWith("shared/project_log.md:1:1: error [encoding] the file is not valid UTF-8 (byte 0x89)");
    }

    @Test
    void aLineLongerThanTheLimitOrAnEndlessInputIsAOneLineError() throws Exception {
        Files.writeString(
                log,
                GOOD + "## [2026-02-16 10:00] manager | p | milestone\n\n**Summary:** " + "x".repeat(2 << 20) + "\n");
        assertThat(run(root, "lint")).isEqualTo(2);
        assertThat(err)
                .startsWith("atomizer: shared/project_log.md:" + (GOOD.split("\n", -1).length + 2)
                        + ": a line longer than 1048576 bytes (1 MiB)")
                .doesNotContain("internal error");
        assertThat(err.lines().count()).isEqualTo(1);
        assertThat(run(root, "lint", "/dev/zero")).isEqualTo(2);
        assertThat(err).contains(":1: a line longer than 1048576 bytes").doesNotContain("internal error");
        // a 3,000-deep nested list in a Detail: 9 MB in one entry
        StringBuilder deep = new StringBuilder(GOOD + "\n## [2026-02-16 10:00] manager | p | milestone\n\n"
                + "**Status:** completed\n**Summary:** Deep.\n**Detail:**\n\n");
        for (int i = 0; i < 3000; i++) {
            deep.append("  ".repeat(i)).append("- x\n");
        }
        Files.writeString(log, deep.append("\n---\n"));
        assertThat(run(root, "lint")).isEqualTo(2);
        assertThat(err)
                .startsWith("atomizer: shared/project_log.md:")
                .contains(": an entry longer than 2097152 characters")
                .doesNotContain("internal error");
        // a 12 MB status file
        Files.writeString(log, GOOD);
        Files.writeString(
                root.resolve("shared/PROJECT_STATUS.md"),
                "# Status\n\n## Projects\n\n| Slug |\n|---|\n" + "| p |\n".repeat(2_000_000));
        assertThat(run(root, "lint")).isEqualTo(2);
        assertThat(err)
                .startsWith("atomizer: shared/PROJECT_STATUS.md: ")
                .contains("more than the 1048576 (1 MiB)")
                .doesNotContain("internal error");
    }

    @Test
    void logAppendsAWellFormedEntryAndNeverRewritesExistingBytes() throws Exception {
        Files.writeString(log, GOOD);
        byte[] before = Files.readAllBytes(log);
        int code = run(
                root,
                "log",
                "--agent",
                "optimizer",
                "--project",
                "bracket-topopt",
                "--event",
                "study-iteration",
                "--status",
                "in-progress",
                "--summary",
                "Iteration 4 converging.",
                "--metrics",
                "iteration=4, objective=0.31",
                "--metric",
                "tokens=900",
                "--detail",
                "Mesh refined.\n\n- element size 2 mm",
                "--time",
                "2026-02-16 10:00");
        assertThat(code).as(err).isZero();
        byte[] after = Files.readAllBytes(log);
        assertThat(new String(after, 0, before.length, StandardCharsets.UTF_8)).isEqualTo(GOOD);
        assertThat(new String(after, StandardCharsets.UTF_8))
                .isEqualTo(GOOD + "\n"
                        + "## [2026-02-16 10:00] optimizer | bracket-topopt | study-iteration\n\n"
                        + "**Status:** in-progress\n**Summary:** Iteration 4 converging.\n"
                        + "**Detail:**\nMesh refined.\n\n- element size 2 mm\n"
                        + "**Metrics:** iteration=4, objective=0.31, tokens=900\n\n---\n");
        assertThat(run(root, "lint")).isZero();
        assertThat(err).startsWith("2 entries: 0 errors");
    }

    static String milestone(String ts, String agent) {
        return "## [" + ts + "] " + agent + " | bracket-topopt | milestone\n\n**Status:** completed\n"
                + "**Summary:** s\n\n---\n";
    }

    static String utcInMinutes(long minutes) {
        return java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                .plusMinutes(minutes)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    static final String[] LOG_NOW = {
        "log",
        "--agent",
        "manager",
        "--project",
        "bracket-topopt",
        "--event",
        "milestone",
        "--status",
        "completed",
        "--summary",
        "Next step."
    };

    /** The last entry is a few minutes ahead of this machine's clock (another's runs fast): log stamps after it. */
    @Test
    void logStampsAfterALastEntryAheadOfTheClockWithinTheTolerance() throws Exception {
        String ahead = utcInMinutes(5);
        Files.writeString(log, "# Log\n\n" + milestone(ahead, "manager"));

        assertThat(run(root, LOG_NOW)).as(err).isZero();

        assertThat(Files.readString(log))
                .endsWith("## [" + ahead + "] manager | bracket-topopt | milestone\n\n"
                        + "**Status:** completed\n**Summary:** Next step.\n\n---\n");
        assertThat(err)
                .contains("appended [" + ahead + "] manager | bracket-topopt | milestone to shared/project_log.md"
                        + " (stamped with the last entry's time, which is ahead of the clock, ")
                .contains(" in UTC, within the contract's clock tolerance: the log never goes back in time)");
        assertThat(run(root, "lint")).as(out).isZero();
    }

    @Test
    void timestampOrderSaysWhatIsWrongAndTheWholeFix() throws Exception {
        // an entry dated further ahead than the tolerance is misdated: nothing can follow it before its time
        String far = utcInMinutes(180);
        Files.writeString(log, "# Log\n\n" + milestone(far, "manager"));
        byte[] before = Files.readAllBytes(log);
        assertThat(run(root, LOG_NOW)).isEqualTo(1);
        assertThat(err)
                .contains("error [timestamp-order] entry at ")
                .contains(" is older than the entry before it (" + far + "), which is dated more than the contract's"
                        + " clock tolerance of 15 minutes ahead of the clock (it is ")
                .contains(" in UTC, the contract's time zone): that entry is misdated, and no entry can follow it"
                        + " before " + far + "; correct its timestamp with an amendment of the log (committed with"
                        + " the trailers 'Change-Request: <id>' and 'Approved-by: <approver>')");
        assertThat(Files.readAllBytes(log)).isEqualTo(before);

        // one within the tolerance, and a --time before it: stamp it at that time or later
        String ahead = utcInMinutes(5);
        Files.writeString(log, "# Log\n\n" + milestone(ahead, "manager"));
        String[] withTime = java.util.Arrays.copyOf(LOG_NOW, LOG_NOW.length + 2);
        withTime[LOG_NOW.length] = "--time";
        withTime[LOG_NOW.length + 1] = utcInMinutes(-60);
        assertThat(run(root, withTime)).isEqualTo(1);
        assertThat(err)
                .contains(" is older than the entry before it (" + ahead + "), which is dated ahead of the clock (it"
                        + " is ")
                .contains(" in UTC, the contract's time zone), within the contract's clock tolerance of 15 minutes;"
                        + " the log is append-only in time: stamp this entry " + ahead + " or later ('atomizer log'"
                        + " does so when no --time is given)");

        // and one in the past: a late report gets the current time
        Files.writeString(log, "# Log\n\n" + milestone(utcInMinutes(-30), "manager"));
        assertThat(run(root, withTime)).isEqualTo(1);
        assertThat(err)
                .contains("; the log is append-only in time: append new entries at the end with the current time (a"
                        + " late report says in its Detail when it happened)");
    }

    @Test
    void unknownAgentSaysTheRowGoesInTheContractWithAnApproval() throws Exception {
        Path contract = root.resolve("shared/data-contracts/schemas.md");
        Files.createDirectories(contract.getParent());
        Files.writeString(
                contract,
                "# Contract\n\n## Agents\n\n| Agent | Role |\n|---|---|\n| `manager` | Runs the team |\n\n"
                        + "## Approvers\n\n| Approver | Role |\n|---|---|\n| `mario` | Infrastructure |\n");
        Files.writeString(log, "# Log\n\n" + milestone("2026-01-05 09:00", "manager"));
        String[] stranger = LOG_NOW.clone();
        stranger[2] = "stranger";
        assertThat(run(root, stranger)).isEqualTo(1);
        assertThat(err)
                .contains("error [unknown-agent] unknown agent 'stranger'; the contract lists manager: use one of them,"
                        + " or add a row for 'stranger' to the Agents table of shared/data-contracts/schemas.md, a"
                        + " foundational file (immutable by default): the commit that adds it needs the trailers"
                        + " 'Change-Request: <id>' and 'Approved-by: <approver>' (approvers: ceo, mario)");
    }

    @Test
    void logRejectsAnInvalidEntryAndWritesNothing() throws Exception {
        Files.writeString(log, GOOD);
        byte[] before = Files.readAllBytes(log);
        assertThat(run(
                        root,
                        "log",
                        "--agent",
                        "Optimizer",
                        "--project",
                        "bracket-topopt",
                        "--event",
                        "study-iteration",
                        "--status",
                        "blocked",
                        "--summary",
                        "No metrics.",
                        "--time",
                        "2026-02-16 10:00"))
                .isEqualTo(1);
        assertThat(err)
                .contains("[agent-id-format]")
                .contains("[metric-required]")
                .contains("[blockers-missing]")
                .contains("nothing was written");
        assertThat(Files.readAllBytes(log)).isEqualTo(before);
        // older than the last entry
        refused(
                before,
                "timestamp-order",
                CliRun.logMilestone("bracket-topopt", "--summary", "Back in time.", "--time", "2026-02-15 10:00"));
        // a detail that would smuggle in a field or close the entry early
        refused(
                before,
                "duplicate-field",
                CliRun.logMilestone(
                        "bracket-topopt",
                        "--summary",
                        "Sneaky.",
                        "--detail",
                        "x\n**Status:** failed",
                        "--time",
                        "2026-02-17 10:00"));
        // a detail that closes the entry and opens a second, well-formed one under another agent's name
        assertThat(run(
                        root,
                        CliRun.logMilestone(
                                "bracket-topopt",
                                "--summary",
                                "Two in one.",
                                "--detail",
                                "x\n\n---\n\n## [2026-02-17 11:00] ceo | bracket-topopt | milestone\n\n**Status:** completed\n"
                                        + "**Summary:** Approved by the CEO.",
                                "--time",
                                "2026-02-17 10:00")))
                .isEqualTo(1);
        assertThat(err).contains("would be written as 2 entries, not one").contains("nothing was written");
        assertThat(Files.readAllBytes(log)).isEqualTo(before);
    }

    @Test
    void logKeepsCrlfAndMendsAMissingFinalNewline() throws Exception {
        String crlf = GOOD.replace("\n", "\r\n");
        Files.writeString(log, crlf.substring(0, crlf.length() - 2)); // no final line break
        assertThat(run(
                        root,
                        CliRun.logMilestone("bracket-topopt", "--summary", "Second.", "--time", "2026-02-16 10:00")))
                .isZero();
        String text = Files.readString(log);
        assertThat(text).startsWith(crlf.substring(0, crlf.length() - 2));
        assertThat(text)
                .endsWith("---\r\n\r\n## [2026-02-16 10:00] manager | bracket-topopt | milestone\r\n\r\n"
                        + "**Status:** completed\r\n**Summary:** Second.\r\n\r\n---\r\n");
        assertThat(run(root, "lint")).isZero();
    }

    @Test
    void logCreatesTheLogAndDryRunWritesNothing() throws Exception {
        assertThat(run(
                        root,
                        "log",
                        "--dry-run",
                        "--agent",
                        "manager",
                        "--project",
                        "p",
                        "--event",
                        "milestone",
                        "--status",
                        "completed",
                        "--summary",
                        "First.",
                        "--time",
                        "2026-02-16 10:00"))
                .isZero();
        assertThat(out).startsWith("## [2026-02-16 10:00] manager | p | milestone\n");
        assertThat(log).doesNotExist();
        assertThat(run(root, CliRun.logMilestone("p", "--summary", "First.", "--time", "2026-02-16 10:00")))
                .isZero();
        assertThat(Files.readString(log))
                .startsWith("# Project log\n\n## [2026-02-16 10:00] manager | p | milestone\n");
        assertThat(run(root, "lint")).isZero();
    }

    @Test
    void helpAndVersion() {
        assertThat(run(root, "--help")).isZero();
        assertThat(out).contains("lint").contains("log").contains("Exit codes");
        assertThat(run(root, "lint", "--help")).isZero();
        assertThat(out).contains("--format").contains("--rule");
        assertThat(run(root, "--version")).isZero();
        assertThat(out).startsWith("atomizer ");
    }

    /** picocli formats descriptions with String.format: a bare '%' makes it warn on the real stderr. */
    @Test
    void theMergeDriverHelpShowsGitsPlaceholdersWithoutAWarning() {
        java.io.PrintStream realErr = System.err;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(stray, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(run(root, "merge-driver", "--help")).isZero();
        } finally {
            System.setErr(realErr);
        }
        assertThat(out.replaceAll("\\s+", " ")).contains("'%O %A %B'");
        assertThat(stray.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("WARN");
    }

    @Test
    void dashboardsCheckAndGates() throws Exception {
        Files.writeString(log, GOOD);
        assertThat(run(root, "dashboards")).isZero();
        assertThat(err)
                .contains("wrote shared/dashboards/exec-summary.md")
                .contains("wrote shared/kpi/metrics.md")
                .endsWith("4 derived files, 4 written, 0 unchanged\n");
        assertThat(root.resolve("shared/dashboards/technical.md")).exists();
        assertThat(run(root, "check")).isZero();
        assertThat(run(root, "dashboards")).isZero();
        assertThat(err).endsWith("4 derived files, 0 written, 4 unchanged\n");
        Files.writeString(root.resolve("shared/dashboards/operations.md"), "edited\n");
        assertThat(run(root, "check")).isEqualTo(1);
        assertThat(out).contains("shared/dashboards/operations.md:1:1: error [generated-stale]");
        assertThat(run(root, "check", "--rule", "generated-stale=warning")).isZero();
        assertThat(run(root, "gates")).isZero();
        assertThat(out).startsWith("G1  open    Schema approved: no sign-off yet");
        assertThat(err).contains("gates passed");
        assertThat(run(root, "dashboards", "--as-of", "yesterday")).isEqualTo(2);
        assertThat(err).isEqualTo("atomizer: --as-of 'yesterday' is not 'YYYY-MM-DD HH:MM'\n");
        Files.writeString(
                root.resolve("shared/PROJECT_STATUS.md"),
                "## Risks\n\n| Risk | Impact | Likelihood |\n|---|---|---|\n| x | Huge | Low |\n");
        assertThat(run(root, "dashboards")).isEqualTo(2);
        assertThat(err).contains("shared/PROJECT_STATUS.md:5:1: error [config] Impact 'Huge' of risk 'x'");
        Files.delete(root.resolve("shared/PROJECT_STATUS.md"));
        Files.write(log, new byte[] {'#', ' ', 'L', '\n', (byte) 0xFF, '\n'});
        assertThat(run(root, "dashboards")).isEqualTo(2);
        assertThat(err)
                .isEqualTo("atomizer: shared/project_log.md:2:1: error [encoding] the file is not valid UTF-8 "
                        + "(byte 0xFF); save it as UTF-8\n");
        assertThat(root.resolve("shared/dashboards/operations.md")).hasContent("edited");
    }

    /** The command is refused with {@code rule} named, and the log is left as {@code before}. */
    void refused(byte[] before, String rule, String... args) throws java.io.IOException {
        assertThat(run(root, args)).as(err).isEqualTo(1);
        assertThat(err).contains("[" + rule + "]");
        assertThat(Files.readAllBytes(log)).isEqualTo(before);
    }

    /** Running out of heap is a limit the user can lift: one line naming the heap and the fix, not "internal error". */
    @Test
    void outOfMemoryIsOneLineNamingTheHeapAndTheFix() {
        String line = Main.failure(new OutOfMemoryError("Java heap space"));
        assertThat(line)
                .startsWith("atomizer: out of memory: the Java heap of ")
                .contains("ATOMIZER_JAVA_OPTS=-Xmx1g")
                .doesNotContain("internal error")
                .doesNotContain("\n");
        assertThat(Main.failure(new IllegalStateException("x"))).startsWith("atomizer: internal error: ");
    }
}
