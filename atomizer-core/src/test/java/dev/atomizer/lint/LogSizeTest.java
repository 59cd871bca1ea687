package dev.atomizer.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.Atomizer;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.Severity;
import dev.atomizer.api.Workspace;
import dev.atomizer.contract.Settings;
import dev.atomizer.git.GitFixture;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code log-size-render} and {@code log-size-limit}: the live log's size against the contract's
 * limits, and the archive their messages name, which brings the log back under them.
 */
class LogSizeTest {

    @TempDir
    Path tmp;

    static String contract(String render, String limit) {
        return "## Agents\n\n| Agent | Role |\n|---|---|\n| `manager` | Runs the team |\n\n## Settings\n\n"
                + "| Setting | Value |\n|---|---|\n| Log render limit | " + render + " |\n| Log size limit | " + limit
                + " |\n";
    }

    /** Forty entries of about 100 bytes, a day apart from 2026-01-01. */
    static String log() {
        StringBuilder sb = new StringBuilder("# Project log\n\n");
        LocalDate day = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < 40; i++) {
            sb.append(ArchiverTest.entry(day.plusDays(i) + " 09:00", "Entry " + i + "."));
        }
        return sb.toString();
    }

    @Test
    void theSizesParse() {
        assertThat(Settings.Setting.LOG_RENDER_LIMIT.accept("2 MB")).isEqualTo("2097152");
        assertThat(Settings.Setting.LOG_RENDER_LIMIT.accept("512 KB")).isEqualTo("524288");
        assertThat(Settings.Setting.LOG_SIZE_LIMIT.accept("1.5mb")).isEqualTo("1572864");
        assertThat(Settings.Setting.LOG_SIZE_LIMIT.accept("100 MB")).isEqualTo("104857600");
        assertThat(Settings.Setting.LOG_SIZE_LIMIT.accept("101 MB")).isNull();
        assertThat(Settings.Setting.LOG_SIZE_LIMIT.accept("0")).isNull();
        assertThat(Settings.Setting.LOG_SIZE_LIMIT.accept("big")).isNull();
        assertThat(Settings.DEFAULT.bytes(Settings.Setting.LOG_RENDER_LIMIT)).isEqualTo(2L << 20);
        assertThat(Settings.DEFAULT.bytes(Settings.Setting.LOG_SIZE_LIMIT)).isEqualTo(95L << 20);
    }

    @Test
    void pastTheRenderLimitAWarningNamesTheArchiveThatBringsItBack() throws Exception {
        GitFixture repo = repo("2 KB", "50 KB");
        List<Diagnostic> found = lint(repo);
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("log-size-render");
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.line()).isEqualTo(1);
            assertThat(d.message()).contains("over its render limit of 2.0 KB").contains("atomizer archive --before");
        });
        followAdvice(repo, found.get(0));
        assertThat(lint(repo)).isEmpty();
        assertThat(repo.file(Workspace.LOG).toFile().length()).isLessThanOrEqualTo(1024);
    }

    @Test
    void pastTheSizeLimitItIsAnError() throws Exception {
        GitFixture repo = repo("1 KB", "2 KB");
        List<Diagnostic> found = lint(repo);
        assertThat(found).extracting(Diagnostic::rule).containsExactly("log-size-limit", "log-size-render");
        assertThat(found.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(found.get(0).message()).contains("GitHub refuses files over 100 MB");
        followAdvice(repo, found.get(0));
        assertThat(lint(repo)).isEmpty();
    }

    @Test
    void theRulesCanBeTurnedOff() throws Exception {
        GitFixture repo = repo("1 KB", "2 KB");
        List<Diagnostic> found = new ArrayList<>();
        Atomizer.at(repo.dir(), Map.of("log-size-limit", Severity.OFF, "log-size-render", Severity.OFF))
                .lint(repo.file(Workspace.LOG), found::add);
        assertThat(found).isEmpty();
    }

    GitFixture repo(String render, String limit) throws Exception {
        GitFixture repo = GitFixture.init(tmp.resolve("repo"));
        repo.git("config", "user.name", "Agent");
        repo.git("config", "user.email", "agent@example.com");
        repo.write(Workspace.CONTRACT, contract(render, limit));
        repo.write(Workspace.LOG, log());
        repo.git("add", "-A");
        repo.commit("Start");
        return repo;
    }

    static List<Diagnostic> lint(GitFixture repo) throws Exception {
        List<Diagnostic> found = new ArrayList<>();
        Atomizer.at(repo.dir(), Map.of()).lint(repo.file(Workspace.LOG), found::add);
        return found;
    }

    /** Runs the archive the message names. */
    static void followAdvice(GitFixture repo, Diagnostic d) throws Exception {
        Matcher m = Pattern.compile("run 'atomizer archive --before (\\d{4}-\\d{2}-\\d{2})'")
                .matcher(d.message());
        assertThat(m.find()).as(d.message()).isTrue();
        Atomizer.at(repo.dir(), Map.of()).archive(LocalDate.parse(m.group(1)), true);
    }
}
