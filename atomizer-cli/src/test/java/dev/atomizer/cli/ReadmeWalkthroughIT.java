package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Start your own status repository" walkthrough, run as written in an empty
 * directory: the real launcher for {@code /path/to/atomizer/hooks/atomizer}, the real {@code git}
 * with the hooks {@code init} installs, a home of its own. The one change: the weekly report gets
 * {@code --as-of} the next Friday evening, since the test cannot wait for the cut-off.
 */
class ReadmeWalkthroughIT {

    static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    /** The shell blocks of the README from the walkthrough's heading to the next paragraph that is not about it. */
    static List<String> blocks() throws Exception {
        String readme = Files.readString(CHECKOUT.resolve("README.md"), StandardCharsets.UTF_8);
        int from = readme.indexOf("**Start your own status repository**");
        int to = readme.indexOf("`init` works in an empty directory", from);
        assertThat(from).as("walkthrough").isPositive();
        Matcher m = Pattern.compile("(?s)```sh\n(.*?)```").matcher(readme.substring(from, to));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void aNewTeamFollowsTheReadmeWithNoRefusedStep() throws Exception {
        List<String> blocks = blocks();
        assertThat(blocks).hasSize(2);
        // half an hour after the cut-off of the week the entries are made in (default settings, UTC log)
        java.time.LocalDateTime cutOff = dev.atomizer.report.ReportWeek.containing(
                java.time.LocalDateTime.now(ZoneOffset.UTC).plusMinutes(5), dev.atomizer.contract.Settings.DEFAULT).to();
        String friday = cutOff.plusMinutes(30).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        String script = "set -e\n" + blocks.get(0) + blocks.get(1).replace("report weekly", "report weekly --as-of '"
                + friday + "'");
        script = script.replace("/path/to/atomizer", CHECKOUT.toString());
        Path home = Files.createDirectories(tmp.resolve("home"));
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c", script).directory(tmp.toFile());
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", home.resolve(".gitconfig").toString());
        env.put("GIT_AUTHOR_NAME", "Manager");
        env.put("GIT_AUTHOR_EMAIL", "manager@example.org");
        env.put("GIT_COMMITTER_NAME", "Manager");
        env.put("GIT_COMMITTER_EMAIL", "manager@example.org");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();

        Path repo = tmp.resolve("our-status");
        Process log = new ProcessBuilder("git", "log", "--format=%s").directory(repo.toFile()).start();
        String commits = new String(log.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(commits.lines().toList()).containsExactly("Weekly report", "First entry",
                "Set up the status repository");
        assertThat(repo.resolve(".git/hooks/pre-commit")).exists();
        assertThat(repo.resolve(".github/workflows/atomizer.yml")).exists();
        try (var reports = Files.list(repo.resolve("shared/reports/weekly"))) {
            Path report = reports.filter(f -> f.toString().endsWith("-report.md")).findFirst().orElseThrow();
            assertThat(Files.readString(report)).contains("# Acme Apps weekly report — ")
                    .contains("first-project").contains("Repository set up");
        }
    }
}
