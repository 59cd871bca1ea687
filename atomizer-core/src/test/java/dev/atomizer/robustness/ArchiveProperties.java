package dev.atomizer.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.Atomizer;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.Workspace;
import dev.atomizer.git.GitFixture;
import dev.atomizer.robustness.LogGenerators.Format;
import dev.atomizer.robustness.LogGenerators.Log;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * An archive changes nothing any command derives: in a real repository, random logs archived at
 * random days, once or twice in sequence (each an archive commit), leave every derived file (the
 * dashboards, the KPIs) byte for byte as it was, and lint finds the same entries and the same
 * diagnostics in the same order.
 */
class ArchiveProperties {

    /** Minutes from 1970 to 2020-01-01: the generated logs end before the wall clock (no timestamp-future). */
    static final long BEFORE_2020 = 26_297_280L;

    @Provide
    Arbitrary<Log> logs() {
        return LogGenerators.logs(1, 24)
                .map(l -> new Log(l.preamble(), Math.floorMod(l.startMinute(), BEFORE_2020 - 3_000_000L), l.entries()));
    }

    @Provide
    Arbitrary<Format> formats() {
        return LogGenerators.formats();
    }

    @Provide
    Arbitrary<List<Integer>> points() {
        return Arbitraries.integers().between(0, 1000).list().ofMinSize(1).ofMaxSize(2);
    }

    @Property(tries = 15)
    void archivingChangesNoDerivedFileAndNoLintResult(
            @ForAll("logs") Log log, @ForAll("formats") Format format, @ForAll("points") List<Integer> points)
            throws Exception {
        Path dir = Files.createTempDirectory("archive-props");
        GitFixture repo = GitFixture.init(dir.resolve("repo"));
        repo.git("config", "user.name", "Agent");
        repo.git("config", "user.email", "agent@example.com");
        Files.createDirectories(repo.file("shared"));
        Files.write(repo.file(Workspace.LOG), log.bytes(format));
        repo.git("add", "-A");
        repo.commit("Start the log");
        Atomizer atomizer = Atomizer.at(repo.dir(), Map.of());
        atomizer.dashboards(null);
        repo.git("add", "-A");
        repo.commit("Regenerate the dashboards");
        Map<String, byte[]> derived = derived(atomizer, repo);
        List<String> lint = lint(atomizer, repo);

        // the archive days: the day after an entry picked at random, in order
        List<String> ts = log.timestamps();
        List<LocalDate> days = new ArrayList<>();
        for (int p : points) {
            days.add(LocalDate.parse(ts.get(p % ts.size()).substring(0, 10)).plusDays(1));
        }
        days.sort(null);
        int archived = 0;
        for (LocalDate day : days) {
            try {
                atomizer.archive(day, true);
                archived++;
            } catch (AtomizerException e) {
                // the same day twice, or nothing dated before the day: refused, nothing changed
                assertThat(e.getMessage()).containsAnyOf("nothing to archive", "the archive exists");
            }
            assertThat(repo.git("status", "--porcelain")).isEmpty();
            assertThat(atomizer.dashboards(null))
                    .allSatisfy(o -> assertThat(o.written())
                            .as("%s rewritten after archiving before %s", o.path(), day)
                            .isFalse());
            assertThat(derived(atomizer, repo)).containsExactlyEntriesOf(derived);
            assertThat(lint(atomizer, repo)).isEqualTo(lint);
            assertThat(atomizer.staleDerived()).isEmpty();
        }
        Assume.that(archived > 0);
    }

    private static Map<String, byte[]> derived(Atomizer atomizer, GitFixture repo) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (dev.atomizer.api.FileOutcome o : atomizer.dashboards(null)) {
            out.put(o.path(), Files.readAllBytes(repo.file(o.path())));
        }
        return out;
    }

    /** The entries linted, then each diagnostic's rule, severity and message. */
    private static List<String> lint(Atomizer atomizer, GitFixture repo) throws Exception {
        Atomizer.LintResult r = atomizer.lint(List.of(repo.file(Workspace.LOG)));
        List<String> out = new ArrayList<>();
        out.add(r.summary().entries() + " entries");
        for (Diagnostic d : r.diagnostics()) {
            out.add(d.severity() + " " + d.rule() + " " + d.message());
        }
        return out;
    }
}
