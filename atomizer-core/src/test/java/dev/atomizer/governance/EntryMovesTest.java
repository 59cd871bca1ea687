package dev.atomizer.governance;

import static dev.atomizer.governance.MergeFixture.LOG;
import static dev.atomizer.governance.MergeFixture.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.Severity;
import dev.atomizer.api.Workspace;
import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitRepo;
import dev.atomizer.merge.InboxFold;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate of the moves of entries ({@link EntryMoves}), through the real git: a range that adds
 * inbox files, folds them, or archives the log's oldest entries passes {@code verify} and the
 * pre-commit check; each other way of moving entries between the log, its archives and the inbox
 * is refused, naming the file.
 */
class EntryMovesTest {

    static final String A = entry("2026-02-16 09:00", "manager", "Kick-off.");
    static final String B = entry("2026-02-16 09:30", "manager", "Plan.");
    static final String C = entry("2026-02-16 10:00", "manager", "Design.");
    static final String BASE_LOG = "# Project log\n\n" + A + B + C;
    static final String ARCHIVE = Workspace.archive("2026-02-16");

    @TempDir
    Path tmp;

    GitFixture repo;
    String start;

    @BeforeEach
    void init() throws Exception {
        repo = GitFixture.init(tmp.resolve("repo"));
        repo.stage(LOG, BASE_LOG);
        start = repo.commit("Start");
    }

    /** An inbox entry as 'atomizer log' writes it: the entry's bytes, ending with one newline. */
    static String inboxText(String ts, String agent, String summary) {
        return entry(ts, agent, summary).stripTrailing() + "\n";
    }

    String addInbox(String ts, String agent, String unique, String summary) throws Exception {
        String path = Workspace.inboxEntry(ts, agent, unique);
        repo.stage(path, inboxText(ts, agent, summary));
        return path;
    }

    GitChecks.Result verify(String base) throws Exception {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            return RangeVerification.of(git)
                    .base(base)
                    .head("HEAD")
                    .now(Instant.parse("2026-03-01T00:00:00Z"))
                    .call();
        }
    }

    List<String> preCommit() throws Exception {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            return errors(GitChecks.preCommit(git, Map.of(), DerivedFiles.NONE));
        }
    }

    static List<String> errors(GitChecks.Result r) {
        return r.diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .map(d -> d.path() + " " + d.rule())
                .distinct()
                .toList();
    }

    static String message(GitChecks.Result r, String rule) {
        return r.diagnostics().stream()
                .filter(d -> d.rule().equals(rule) && d.severity() == Severity.ERROR)
                .map(Diagnostic::message)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " in " + r.diagnostics()));
    }

    /** The inbox, folded in the working tree and committed, as the bot does. */
    String fold() throws Exception {
        dev.atomizer.api.Folded o = InboxFold.fold(repo.dir());
        assertThat(o.folded()).isNotEmpty();
        repo.git("add", "-A");
        return repo.commit("Fold the inbox");
    }

    /** Moves the log's first {@code n} entries, byte for byte, into a new archive (by hand). */
    void archive(String path, String... entries) throws Exception {
        String log = repo.read(LOG);
        StringBuilder moved = new StringBuilder("# Project log, archived\n\n");
        for (String e : entries) {
            assertThat(log).contains(e);
            moved.append(e);
            log = log.replace(e, "");
        }
        repo.stage(path, moved.toString());
        repo.stage(LOG, log);
    }

    // ---- accepted ----

    @Test
    void aBranchAddingInboxFilesThenTheFoldPass() throws Exception {
        addInbox("2026-02-16 11:00", "optimizer", "0a1b2c3d", "Mesh study.");
        addInbox("2026-02-16 10:30", "manager", "ffee0011", "Review.");
        assertThat(preCommit()).isEmpty();
        repo.commit("Log two entries");
        assertThat(errors(verify(start))).isEmpty();
        String branch = repo.git("rev-parse", "HEAD").strip();

        fold();
        String log = repo.read(LOG);
        // name order is time order: 10:30 before 11:00, each byte for byte after a blank line
        assertThat(log)
                .isEqualTo(BASE_LOG
                        + inboxText("2026-02-16 10:30", "manager", "Review.")
                        + "\n"
                        + inboxText("2026-02-16 11:00", "optimizer", "Mesh study."));
        assertThat(repo.dir().resolve(Workspace.INBOX))
                .satisfiesAnyOf(
                        p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
        GitChecks.Result fold = verify(branch);
        assertThat(errors(fold)).isEmpty();
        assertThat(fold.diagnostics()).isEmpty();
        assertThat(errors(verify(start))).isEmpty();
    }

    @Test
    void anEmptyInboxFoldsNothing() throws Exception {
        assertThat(InboxFold.fold(repo.dir()).folded()).isEmpty();
        assertThat(repo.read(LOG)).isEqualTo(BASE_LOG);
    }

    @Test
    void theFoldOfAStagedIndexPassesPreCommit() throws Exception {
        addInbox("2026-02-16 11:00", "optimizer", "0a1b2c3d", "Mesh study.");
        repo.commit("Log");
        InboxFold.fold(repo.dir());
        repo.git("add", "-A");
        assertThat(preCommit()).isEmpty();
    }

    @Test
    void anArchiveOfTheLogsOldestEntriesPassesAndNewEntriesBesideItAreLinted() throws Exception {
        archive(ARCHIVE, A, B);
        assertThat(repo.read(LOG)).isEqualTo("# Project log\n\n" + C);
        assertThat(preCommit()).isEmpty();
        repo.commit("Archive");
        assertThat(errors(verify(start))).isEmpty();

        // a second archive, with a new entry appended in the same commit: its status is linted
        String archived = repo.git("rev-parse", "HEAD").strip();
        archive(Workspace.archive("2026-02-17"), C);
        repo.stage(
                LOG,
                repo.read(LOG) + entry("2026-02-17 09:00", "manager", "Next.").replace("completed", "done"));
        repo.commit("Archive again, and log");
        GitChecks.Result r = verify(archived);
        assertThat(errors(r)).containsExactly(LOG + " status-invalid");
    }

    /**
     * A push of two commits to the main line, one appending entries and one archiving them: the
     * range's net effect has entries in a new archive that its base's log never held, each moved by
     * a commit of the range, so it passes; an entry written straight into an archive does not.
     */
    @Test
    void entriesAppendedAndArchivedInOneRangePassButAnEntryWrittenIntoAnArchiveDoesNot() throws Exception {
        String d = entry("2026-02-16 12:00", "manager", "Later.");
        repo.stage(LOG, repo.read(LOG) + d);
        repo.commit("Log");
        archive(ARCHIVE, A, B, C, d);
        repo.commit("Archive");
        assertThat(errors(verify(start))).isEmpty();

        String archived = repo.git("rev-parse", "HEAD").strip();
        repo.stage(
                Workspace.archive("2026-02-18"),
                "# Project log, archived\n\n" + entry("2026-02-17 09:00", "manager", "Never logged."));
        repo.commit("Slip an entry into an archive");
        assertThat(errors(verify(archived))).contains(Workspace.archive("2026-02-18") + " entry-move");
        assertThat(errors(verify(start))).contains(Workspace.archive("2026-02-18") + " entry-move");
    }

    // ---- refused ----

    @Test
    void anInboxFileOfTheBaseEditedIsRefused() throws Exception {
        String path = addInbox("2026-02-16 11:00", "optimizer", "0a1b2c3d", "Mesh study.");
        String base = repo.commit("Log");
        repo.stage(path, repo.read(path).replace("Mesh study.", "Mesh study, done."));
        assertThat(preCommit()).containsExactly(path + " entry-move");
        repo.commit("Edit");
        GitChecks.Result r = verify(base);
        assertThat(errors(r)).containsExactly(path + " entry-move");
        assertThat(message(r, "entry-move")).contains(path + ": an inbox entry was edited after it was written");
    }

    @Test
    void aBranchCorrectsItsOwnInboxEntriesUntilTheyReachTheBase() throws Exception {
        repo.git("checkout", "-q", "-b", "work");
        String path = addInbox("2026-02-16 11:00", "optimizer", "0a1b2c3d", "Mesh study.");
        repo.commit("Log");
        repo.stage(path, repo.read(path).replace("Mesh study.", "Mesh study, done."));
        assertThat(preCommit()).isEmpty(); // main does not have it: the branch's own
        repo.commit("Correct my entry");
        String other = addInbox("2026-02-16 11:30", "optimizer", "0a1b2c3e", "Second.");
        repo.commit("Log again");
        repo.git("rm", "-q", other);
        assertThat(preCommit()).isEmpty();
        repo.commit("Drop it again");
        GitChecks.Result r = verify(start);
        assertThat(errors(r)).isEmpty();
        assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void anInboxFileOfTheBaseDeletedWithoutFoldingIsRefused() throws Exception {
        String path = addInbox("2026-02-16 11:00", "optimizer", "0a1b2c3d", "Mesh study.");
        String base = repo.commit("Log");
        repo.git("rm", "-q", path);
        assertThat(preCommit()).containsExactly(path + " entry-move");
        repo.commit("Drop");
        GitChecks.Result r = verify(base);
        assertThat(errors(r)).containsExactly(path + " entry-move");
        assertThat(message(r, "entry-move"))
                .contains(path + ": removed from the inbox but not folded into the log byte for byte");
    }

    @Test
    void aFoldThatAltersBytesDropsOrDuplicatesAnEntryIsRefused() throws Exception {
        String one = addInbox("2026-02-16 11:00", "optimizer", "0a1b2c3d", "Mesh study.");
        String two = addInbox("2026-02-16 11:30", "optimizer", "0a1b2c3e", "Second study.");
        String base = repo.commit("Log");

        // altered: the first entry's summary changed on the way into the log
        InboxFold.fold(repo.dir());
        repo.write(LOG, repo.read(LOG).replace("Mesh study.", "Mesh study!"));
        repo.git("add", "-A");
        assertThat(preCommit()).containsExactly(one + " entry-move");

        // dropped: the second entry never reached the log
        repo.write(LOG, BASE_LOG + inboxText("2026-02-16 11:00", "optimizer", "Mesh study."));
        repo.git("add", "-A");
        assertThat(preCommit()).containsExactly(two + " entry-move");

        // duplicated: the first entry folded twice
        repo.write(
                LOG,
                BASE_LOG + inboxText("2026-02-16 11:00", "optimizer", "Mesh study.") + "\n"
                        + inboxText("2026-02-16 11:30", "optimizer", "Second study.") + "\n"
                        + inboxText("2026-02-16 11:00", "optimizer", "Mesh study."));
        repo.git("add", "-A");
        // (the copy is also older than the entry before it: timestamp-order says so too)
        assertThat(preCommit()).contains(LOG + " entry-move").doesNotContain(one + " entry-move", two + " entry-move");
        repo.commit("Fold twice");
        GitChecks.Result r = verify(base);
        assertThat(errors(r)).contains(LOG + " entry-move");
        assertThat(message(r, "entry-move")).contains("was folded from the inbox more than once");
    }

    @Test
    void aFoldThatLeavesTheFileInTheInboxIsRefused() throws Exception {
        String one = addInbox("2026-02-16 11:00", "optimizer", "0a1b2c3d", "Mesh study.");
        repo.commit("Log");
        // the fold's log with the inbox file kept (touched, so the gate looks at the inbox)
        repo.stage(LOG, repo.read(LOG) + inboxText("2026-02-16 11:00", "optimizer", "Mesh study."));
        addInbox("2026-02-16 11:30", "optimizer", "0a1b2c3e", "Second study.");
        assertThat(preCommit()).containsExactly(LOG + " entry-move");
        assertThat(repo.file(one)).exists();
    }

    @Test
    void anArchiveThatChangesAnExistingArchiveOrMovesANonPrefixIsRefused() throws Exception {
        archive(ARCHIVE, A);
        String archived = repo.commit("Archive");
        assertThat(errors(verify(start))).isEmpty();

        // an existing archive changed
        repo.stage(ARCHIVE, repo.read(ARCHIVE).replace("Kick-off.", "Kick-off!"));
        assertThat(preCommit()).containsExactly(ARCHIVE + " entry-move");
        repo.git("checkout", "-q", "HEAD", "--", ARCHIVE);

        // a new archive of the second entry, leaving the first in the log: not a prefix
        String second = Workspace.archive("2026-02-17");
        archive(second, C);
        List<String> refused = preCommit();
        assertThat(refused).contains(second + " entry-move").doesNotContain(LOG + " append-only");
        repo.commit("Archive the wrong entry");
        GitChecks.Result r = verify(archived);
        assertThat(errors(r)).contains(second + " entry-move");
        assertThat(message(r, "entry-move")).contains("is not the history's next entry");
    }

    @Test
    void anArchiveThatCopiesEntriesTheLogKeepsIsRefusedAtTheArchive() throws Exception {
        repo.stage(ARCHIVE, "# Project log, archived\n\n" + A + B);
        assertThat(preCommit()).containsExactly(ARCHIVE + " entry-move");
        repo.commit("Copy into an archive");
        GitChecks.Result r = verify(start);
        assertThat(errors(r)).containsExactly(ARCHIVE + " entry-move");
        assertThat(message(r, "entry-move")).contains(LOG + ":3: the entry '## [2026-02-16 09:00]");
    }

    @Test
    void entriesRemovedFromTheLogWithoutAnArchiveAreAppendOnlys() throws Exception {
        // (pre-commit leaves an edit of the log to commit-msg, which judges it with the trailers)
        repo.stage(LOG, "# Project log\n\n" + C);
        addInbox("2026-02-16 11:00", "optimizer", "0a1b2c3d", "Mesh study.");
        repo.commit("Cut");
        assertThat(errors(verify(start))).contains(LOG + " append-only");
    }

    @Test
    void anArchiveWithTextBesidesItsEntriesIsRefused() throws Exception {
        repo.stage(ARCHIVE, "# Archive\n\nSome notes.\n\n" + A);
        repo.stage(LOG, "# Project log\n\n" + B + C);
        assertThat(preCommit()).containsExactly(ARCHIVE + " entry-move");
    }

    @Test
    void aNewInboxFileMustBeOneEntryNamedForItsTimeAndAgent() throws Exception {
        repo.stage(
                Workspace.inboxEntry("2026-02-16 11:00", "manager", "0a1b2c3d"),
                inboxText("2026-02-16 11:00", "optimizer", "Mesh study."));
        assertThat(preCommit()).containsExactly(Workspace.INBOX + "/2026-02-16T1100-manager-0a1b2c3d.md inbox-entry");
        repo.git("rm", "-q", "--cached", Workspace.inboxEntry("2026-02-16 11:00", "manager", "0a1b2c3d"));

        String two = Workspace.inboxEntry("2026-02-16 11:00", "optimizer", "0a1b2c3d");
        repo.stage(
                two, entry("2026-02-16 11:00", "optimizer", "One.") + entry("2026-02-16 11:00", "optimizer", "Two."));
        assertThat(preCommit()).containsExactly(two + " inbox-entry");

        // and its entry is linted as any new entry
        repo.stage(two, inboxText("2026-02-16 11:00", "optimizer", "One.").replace("completed", "done"));
        assertThat(preCommit()).containsExactly(two + " status-invalid");
    }

    @Test
    void theFoldRefusesAnInboxFileThatIsNotOneEntryAndWritesNothing() throws Exception {
        String bad = Workspace.inboxEntry("2026-02-16 11:00", "optimizer", "0a1b2c3d");
        repo.write(bad, "Notes before.\n\n" + inboxText("2026-02-16 11:00", "optimizer", "One."));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> InboxFold.fold(repo.dir())))
                .hasMessageStartingWith(bad + ":1: [inbox-entry]");
        assertThat(repo.read(LOG)).isEqualTo(BASE_LOG);
        assertThat(Files.exists(repo.file(bad))).isTrue();
    }
}
