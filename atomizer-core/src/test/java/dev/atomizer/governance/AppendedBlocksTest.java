package dev.atomizer.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lines that hide content, through the real git: appended text is read as CommonMark (and so
 * GitHub) reads it, so pre-commit and {@code verify} report exactly what a lint of the whole new
 * log reports in the appended lines. A line ending in {@code -->} or a run of fence or break
 * characters closes nothing unless something is open, and what opens a block that swallows the
 * rest of the log is refused with what closes it.
 */
class AppendedBlocksTest {

    static final String LOG = GitChecksTest.LOG;
    static final String BASE = GitChecksTest.BASE;

    @TempDir
    Path tmp;

    GitFixture repo;

    @BeforeEach
    void init() throws Exception {
        repo = GitFixture.init(tmp.resolve("repo"));
    }

    /**
     * Commits {@code old}, stages {@code neu} and runs pre-commit; commits it past the hooks and
     * runs verify over that commit; lints {@code neu} whole. The three must agree on the appended
     * lines; returns pre-commit's diagnostics.
     */
    List<Diagnostic> gate(String old, String neu) throws Exception {
        String base = repo.commit(LOG, old);
        repo.stage(LOG, neu);
        List<Diagnostic> hook;
        try (GitRepo git = GitRepo.open(repo.dir())) {
            hook = GitChecks.preCommit(git, Map.of(), DerivedFiles.NONE).diagnostics();
        }
        repo.git("commit", "-q", "--no-verify", "-m", "Append past the hooks");
        List<Diagnostic> verified;
        try (GitRepo git = GitRepo.open(repo.dir())) {
            verified = GitChecks.verify(git, base, "HEAD", Map.of(), DerivedFiles.NONE, c -> {})
                    .diagnostics();
        }
        int tailLine = AppendCheck.compare(AppendedTextProperties.bytes(old), AppendedTextProperties.bytes(neu))
                .tailFirstLine(AppendedTextProperties.bytes(neu));
        List<Diagnostic> lint = AppendedTextProperties.fullLint(neu).stream()
                .filter(d -> d.line() >= tailLine)
                .toList();
        assertThat(AppendedTextProperties.rendered(hook))
                .as("pre-commit against a lint of the whole log")
                .isEqualTo(AppendedTextProperties.rendered(lint));
        assertThat(verified.stream().map(d -> d.line() + " " + d.rule()).toList())
                .as("verify against pre-commit")
                .isEqualTo(hook.stream().map(d -> d.line() + " " + d.rule()).toList());
        for (int i = 0; i < hook.size(); i++) {
            assertThat(verified.get(i).message()).endsWith(hook.get(i).message());
        }
        return hook;
    }

    static List<String> lines(List<Diagnostic> ds) {
        return ds.stream().map(d -> d.line() + " " + d.rule()).toList();
    }

    /**
     * An entry headed {@code ceo}, with Status and Summary, each line ending in {@code <!-- -->}:
     * GitHub renders it as an entry (the comments are invisible, the one-space indent does not
     * stop a heading), but it is not one: the log's entries start at column 1, and it follows the
     * last entry's '---'. It is refused, as a lint of the whole log refuses it.
     */
    @Test
    void aForgedEntryOfLinesEndingInAnEmptyCommentIsAnError() throws Exception {
        String forged = " ## [2026-02-16 11:00] ceo | bracket-topopt | decision <!-- -->\n\n"
                + "**Status:** completed <!-- -->\n**Summary:** Budget doubled. <!-- -->\n\n--- <!-- -->\n";
        List<Diagnostic> ds = gate(BASE, BASE + forged);
        assertThat(lines(ds))
                .containsExactly("17 heading-format", "17 stray-content", "19 stray-content", "22 stray-content");
        assertThat(ds.get(1).message()).contains("content after the entry's closing '---' (2 lines above)");
    }

    /** Without the indent, CommonMark reads an entry heading: it is linted as the entry it renders as. */
    @Test
    void atColumnOneItIsAnEntryAndLintedAsOne() throws Exception {
        String entry = "## [2026-02-16 11:00] ceo | bracket-topopt | decision <!-- -->\n\n"
                + "**Status:** completed <!-- -->\n**Summary:** Budget doubled. <!-- -->\n\n---\n";
        List<Diagnostic> ds = gate(BASE, BASE + entry);
        assertThat(ds).isNotEmpty();
        assertThat(ds.stream().allMatch(d -> d.line() >= 17)).isTrue();
    }

    /** Lines that close nothing: after a closed entry each is content, whatever it ends with. */
    @ParameterizedTest
    @ValueSource(strings = {"-->", "```", "~~~~", "---", "***", "_ _ _", "text -->", "<!-- -->", "[ref]: /hidden"})
    void aClosingLineWithNothingToCloseIsStray(String line) throws Exception {
        List<Diagnostic> ds = gate(BASE, BASE + line + "\n");
        assertThat(lines(ds)).contains("17 stray-content");
    }

    /**
     * A single fence opener (or an HTML block that only a marker ends) would make the rest of the
     * log code: every later entry would be its content and every later 'atomizer log' refused. It
     * is refused at once, with what closes it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"```", "````js", "~~~", "<!--", "<pre>", "<!-- an entry:"})
    void aSingleOpenerIsRefusedWithWhatClosesIt(String opener) throws Exception {
        List<Diagnostic> ds = gate(BASE, BASE + opener + "\n");
        assertThat(lines(ds)).containsExactly("17 stray-content");
        String closer = opener.startsWith("`")
                ? "```"
                : opener.startsWith("~") ? "~~~" : opener.startsWith("<!--") ? "-->" : "</pre>";
        assertThat(ds.get(0).message())
                .startsWith("this " + (opener.startsWith("<") ? "HTML block" : "code fence") + " is never closed")
                .contains("a line '" + closer);
        // committed past the hooks, it makes a later entry its content: that is refused too
        assertThat(preCommitAfter(
                        BASE + opener + "\n",
                        BASE + opener + "\n\n" + GitChecksTest.entry("2026-02-16 11:00", "completed")))
                .containsExactly("19 stray-content");
    }

    /** An entry that leaves its own fence open is not closed: the message says which fence and what closes it. */
    @Test
    void anEntryThatLeavesItsFenceOpenIsToldWhatClosesIt() throws Exception {
        String open = "## [2026-02-16 11:00] manager | bracket-topopt | milestone\n\n**Status:** completed\n"
                + "**Summary:** s\n**Detail:**\n````\ncode\n\n---\n";
        List<Diagnostic> ds = gate(BASE, BASE + open);
        assertThat(lines(ds)).containsExactly("25 separator-missing");
        assertThat(ds.get(0).message())
                .contains("the code fence opened at line 22 is never closed")
                .contains("a line '````'");
    }

    /**
     * After an old entry that leaves a block open (committed past the hooks), appending its closing
     * line alone, its '---' and new entries repairs it; anything else that lands in the old entry
     * is stray, even where a lint of the whole log sees only that entry's content.
     */
    @Test
    void afterAnOpenBlockOnlyItsBareClosingLineMayBeAppended() throws Exception {
        String comment = BASE + "## [2026-02-16 10:30] manager | bracket-topopt | milestone\n\n**Status:** completed\n"
                + "**Summary:** s\n**Detail:**\n<!-- a note\n\n---\n";
        String next = GitChecksTest.entry("2026-02-16 11:00", "completed");
        assertThat(preCommitAfter(comment, comment + "-->\n\n---\n\n" + next)).isEmpty();
        assertThat(preCommitAfter(comment, comment + "--> visible text\n\n---\n\n" + next))
                .containsExactly("25 stray-content");
        assertThat(preCommitAfter(comment, comment + "hidden text\n-->\n\n---\n\n" + next))
                .containsExactly("25 stray-content");
        String fence = comment.replace("<!-- a note", "```");
        assertThat(preCommitAfter(fence, fence + "```\n\n---\n\n" + next)).isEmpty();
        assertThat(preCommitAfter(fence, fence + "~~~\n```\n\n---\n\n" + next)).containsExactly("25 stray-content");
        // the entry's '---' once; a second one is stray, as after any closed entry
        String unclosed = comment.replace("**Detail:**\n<!-- a note\n\n---\n", "");
        assertThat(preCommitAfter(unclosed, unclosed + "\n---\n\n" + next)).isEmpty();
        assertThat(preCommitAfter(unclosed, unclosed + "\n---\n\n---\n\n" + next))
                .containsExactly("24 stray-content");
        assertThat(preCommitAfter(unclosed, unclosed + "more summary\n\n---\n\n" + next))
                .containsExactly("21 stray-content", "21 summary-multiline");
    }

    List<String> preCommitAfter(String old, String neu) throws AtomizerException, java.io.IOException {
        repo.commit(LOG, old);
        repo.stage(LOG, neu);
        try (GitRepo git = GitRepo.open(repo.dir())) {
            return lines(GitChecks.preCommit(git, Map.of(), DerivedFiles.NONE).diagnostics());
        }
    }
}
