package dev.atomizer.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileOutcome;
import dev.atomizer.api.Workspace;
import dev.atomizer.derive.Derived;
import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitRepo;
import dev.atomizer.report.Reports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Derived files settle: in a real repository, any sequence of {@code log} (an appended entry),
 * {@code report weekly}, {@code dashboards} and commits leaves every commit acceptable to the
 * pre-commit check when the derived files were made after the last entry, and after the last
 * commit {@code dashboards} changes nothing and {@code check} finds nothing stale.
 */
class DerivedFilesSettleProperties {

    enum Step {
        LOG,
        REPORT,
        DASHBOARDS,
        COMMIT
    }

    /** An action and how many hours it comes after the previous one. */
    record Action(Step step, int hours) {}

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Provide
    Arbitrary<List<Action>> sequences() {
        Arbitrary<Action> one = Arbitraries.of(Step.values())
                .flatMap(s -> Arbitraries.integers().between(1, 60).map(h -> new Action(s, h)));
        return one.list().ofMinSize(3).ofMaxSize(14);
    }

    @Property(tries = 12)
    void whateverTheOrderCommitsGoThroughAndTheFilesSettle(@ForAll("sequences") List<Action> actions) throws Exception {
        Path dir = Files.createTempDirectory("settle");
        GitFixture repo = GitFixture.init(dir.resolve("status"));
        LocalDateTime now = LocalDateTime.of(2026, 3, 2, 9, 0);
        StringBuilder log = new StringBuilder("# Project log\n\n");
        entry(log, now, "milestone");
        repo.write(Workspace.LOG, log.toString());
        repo.write(
                Workspace.STATUS,
                "# Status\n\n## Projects\n\n| Slug | Name | RAG | Status |\n|---|---|---|---|\n"
                        + "| alpha | Alpha | Green | active |\n");
        commit(repo, now, "Set up");
        boolean fresh = false; // derived files made after the last entry
        List<String> trace = new ArrayList<>();
        int n = 0;
        for (Action a : actions) {
            now = now.plusHours(a.hours());
            trace.add(a.step() + "@" + STAMP.format(now));
            switch (a.step()) {
                case LOG -> {
                    entry(log, now, ++n % 3 == 0 ? "decision-needed" : "task-completed");
                    repo.write(Workspace.LOG, log.toString());
                    fresh = false;
                }
                case REPORT -> {
                    try {
                        Reports.weekly(repo.dir(), null, null, now.toInstant(ZoneOffset.UTC), false);
                    } catch (AtomizerException e) {
                        // nothing to report yet (a week before the first entry): nothing written
                        assertThat(e.getMessage()).contains("nothing to report");
                    }
                }
                case DASHBOARDS -> {
                    dev.atomizer.Atomizer.at(repo.dir(), java.util.Map.of()).dashboards(null);
                    fresh = true;
                }
                case COMMIT -> {
                    if (!fresh) {
                        // derived files older than the log are the committer's to regenerate first
                        dev.atomizer.Atomizer.at(repo.dir(), java.util.Map.of()).dashboards(null);
                        fresh = true;
                    }
                    commitChecked(repo, now, trace);
                }
                default -> throw new IllegalStateException();
            }
        }
        now = now.plusMinutes(5);
        dev.atomizer.Atomizer.at(repo.dir(), java.util.Map.of()).dashboards(null);
        commitChecked(repo, now, trace);
        // settled: regenerating changes nothing, and check finds nothing stale
        List<FileOutcome> again =
                dev.atomizer.Atomizer.at(repo.dir(), java.util.Map.of()).dashboards(null);
        assertThat(again).as(String.join(" ", trace)).allMatch(o -> !o.written());
        assertThat(repo.git("status", "--porcelain"))
                .as(String.join(" ", trace))
                .isEmpty();
        assertThat(dev.atomizer.Atomizer.at(repo.dir(), java.util.Map.of()).staleDerived())
                .as(String.join(" ", trace))
                .isEmpty();
    }

    private static void entry(StringBuilder log, LocalDateTime t, String event) {
        log.append("## [")
                .append(STAMP.format(t))
                .append("] manager | alpha | ")
                .append(event)
                .append("\n\n")
                .append("**Status:** ")
                .append(event.equals("decision-needed") ? "in-progress" : "completed")
                .append("\n**Summary:** Work at ")
                .append(STAMP.format(t))
                .append("\n\n---\n\n");
    }

    /** Stages everything, asserts the pre-commit check accepts it, and commits at {@code now}. */
    private static void commitChecked(GitFixture repo, LocalDateTime now, List<String> trace) throws Exception {
        repo.git("add", "-A");
        if (repo.git("status", "--porcelain").isEmpty()) {
            return;
        }
        try (GitRepo git = GitRepo.open(repo.dir())) {
            GitChecks.Result r = GitChecks.preCommit(git, Map.of(), Derived.files());
            assertThat(r.diagnostics())
                    .as(String.join(" ", trace))
                    .extracting(Diagnostic::toText)
                    .noneMatch(t -> t.contains(": error "));
        }
        commit(repo, now, "At " + STAMP.format(now));
    }

    private static void commit(GitFixture repo, LocalDateTime now, String message) throws Exception {
        repo.date(now.atOffset(ZoneOffset.UTC).toString()).git("add", "-A");
        repo.commit(message);
    }
}
