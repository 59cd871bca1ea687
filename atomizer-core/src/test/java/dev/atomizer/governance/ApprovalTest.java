package dev.atomizer.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.git.GitFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Approval trailers are read exactly as {@code git interpret-trailers --parse} reads them: a
 * hand-written corpus, each message also put to the real git binary.
 */
class ApprovalTest {

    static InterpretTrailers git;

    @BeforeAll
    static void oracle() {
        git = new InterpretTrailers();
    }

    @AfterAll
    static void close() throws Exception {
        git.close();
    }

    static Approval approval(String cr, List<String> by, List<String> approves) {
        return new Approval(cr, by, approves);
    }

    static Approval approves(String... ids) {
        return approval(null, List.of(), List.of(ids));
    }

    static Approval approved(String cr, String... by) {
        return approval(cr, List.of(by), List.of());
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                // what git merge --log writes: the merged subjects, indented, in the last paragraph
                Arguments.of("Merge branch 'x'\n\n* x:\n  Approves: CR-9\n  second subject\n", Approval.NONE),
                Arguments.of("Merge branch 'x'\n\n* x:\n  Approves: CR-9\n", Approval.NONE),
                Arguments.of("Merge branch 'x'\n\n* x: (2 commits)\n  Approves: CR-9\n  second\n", Approval.NONE),
                Arguments.of("Merge branch 'x'\n\n  Approves: CR-9\nSigned-off-by: A <a@example.com>\n", Approval.NONE),
                Arguments.of("Approve CR-7\n\nApproves: CR-7\n", approves("CR-7")),
                Arguments.of("Approve\n\nApproves: CR-7\nApproves: CR-8", approves("CR-7", "CR-8")),
                Arguments.of("Change\n\nChange-Request: CR-7\nApproved-by: ceo\n", approved("CR-7", "ceo")),
                Arguments.of(
                        "Change\n\nBody.\n\nChange-Request: CR-7\nApproved-by: ceo\nApproved-by: mario\n",
                        approved("CR-7", "ceo", "mario")),
                // a one-paragraph message is a subject, never trailers
                Arguments.of("Approves: CR-9\n", Approval.NONE),
                Arguments.of("Approves: CR-9\nApproved-by: ceo\n", Approval.NONE),
                // a Key: value line in prose is no trailer
                Arguments.of("Subject\n\nWe did things.\nApproves: CR-9\n", Approval.NONE),
                Arguments.of("Subject\n\nApproves: CR-9\nwhich we discussed\n", Approval.NONE),
                // ... unless a quarter of the paragraph are trailers and one is git-generated
                Arguments.of(
                        "S\n\nsome prose\nmore prose\nApproves: CR-9\nSigned-off-by: A <a@example.com>\n",
                        approves("CR-9")),
                Arguments.of(
                        "S\n\np1\np2\np3\np4\np5\np6\np7\nApproves: CR-9\nSigned-off-by: A <a@example.com>\n",
                        Approval.NONE),
                Arguments.of(
                        "S\n\nprose\nApproves: CR-9\n(cherry picked from commit 0123456789abcdef)\n", approves("CR-9")),
                // only the last paragraph
                Arguments.of("S\n\nApproves: CR-9\n\nJust prose.\n", Approval.NONE),
                Arguments.of("S\n\nChange-Request: CR-1\n\nApproved-by: ceo\n", approved(null, "ceo")),
                // an indented line is never a trailer of its own; it continues the one above
                Arguments.of("S\n\n  Approves: CR-9\n", Approval.NONE),
                Arguments.of("S\n\n\tApproves: CR-9\nApproved-by: ceo\n", Approval.NONE),
                Arguments.of("S\n\nApproved-by: ceo\n  (on leave)\n", approved(null, "ceo (on leave)")),
                Arguments.of("S\n\nApproves: CR-9\n\tCR-10\n", approves("CR-9 CR-10")),
                Arguments.of("S\n\nApproves:\n  CR-9\n", approves("CR-9")),
                // the token: letters, digits, hyphens; spaces may come before the colon, not inside
                Arguments.of("S\n\nApproves : CR-9\n", approves("CR-9")),
                Arguments.of("S\n\nApproves\t:CR-9\n", approves("CR-9")),
                Arguments.of("S\n\nApproved by: ceo\nChange-Request: CR-1\n", Approval.NONE),
                Arguments.of("S\n\nApproved_by: ceo\n", Approval.NONE),
                Arguments.of("S\n\n * Approves: CR-9\n", Approval.NONE),
                // tokens match ignoring case; empty values are ignored; the last Change-Request counts
                Arguments.of("S\n\napproved-BY: ceo\nCHANGE-REQUEST: CR-1\n", approved("CR-1", "ceo")),
                Arguments.of("S\n\nApproves:\nApproves:   \n", Approval.NONE),
                Arguments.of(
                        "S\n\nChange-Request: CR-1\nChange-Request: CR-2\nApproved-by: ceo\n", approved("CR-2", "ceo")),
                // comment lines, the scissors line, a patch below a divider
                Arguments.of(
                        "S\n\nChange-Request: CR-7\n# Please enter the message\nApproved-by: ceo\n",
                        approved("CR-7", "ceo")),
                Arguments.of(
                        "S\n\nChange-Request: CR-7\nApproved-by: ceo\n\n# Please enter the message\n#\n",
                        approved("CR-7", "ceo")),
                Arguments.of(
                        "S\n\nChange-Request: CR-7\nApproved-by: ceo\n" + InterpretTrailers.SCISSORS
                                + "\ndiff --git a/x b/x\n\nApproves: CR-1\n",
                        approved("CR-7", "ceo")),
                Arguments.of(InterpretTrailers.SCISSORS + "\nS\n\nApproves: CR-1\n", Approval.NONE),
                Arguments.of("S\n\nApproves: CR-7\n---\n x.md | 1 +\n\nApproves: CR-8\n", approves("CR-7")),
                Arguments.of("S\n\nApproves: CR-7\n--- a/x.md\n+++ b/x.md\n", approves("CR-7")),
                Arguments.of("S\n\nApproves: CR-7\n---x\n", Approval.NONE),
                Arguments.of("S\n\nApproves: CR-7\n---", Approval.NONE),
                Arguments.of("Merge\n\nApproves: CR-9\n\nConflicts:\n\tx.md\n", approves("CR-9")),
                // git's whitespace: CR is, form feed is not
                Arguments.of("S\r\n\r\nApproves: CR-9\r\n", approves("CR-9")),
                Arguments.of("S\n\nApproves: CR-9\f\n", approves("CR-9\f")),
                Arguments.of("S\n\n\fApproves: CR-9\n", Approval.NONE),
                Arguments.of("S\n\nApprovés: CR-9\nApproves: CR-8\n", Approval.NONE),
                Arguments.of("", Approval.NONE),
                Arguments.of("\n\nApproves: CR-9\n", approves("CR-9")));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void readsTheTrailersGitReads(String message, Approval expected) {
        assertThat(Approval.parse(message)).isEqualTo(expected);
        assertThat(InterpretTrailers.print(message)).isEqualTo(git.parse(message));
    }

    @Test
    void aDividerAboveTheScissorsLineEndsTheMessage() {
        // git 2.39 never returns on this message; here the message ends at the divider
        String message = "S\n\nApproves: CR-7\n---\nx\n" + InterpretTrailers.SCISSORS + "\nApproves: CR-8\n";
        assertThat(InterpretTrailers.gitHangsOn(message)).isTrue();
        assertThat(Approval.parse(message)).isEqualTo(approves("CR-7"));
    }

    @Test
    void aMergeLogListingAnApprovesSubjectApprovesNothing(@TempDir Path tmp) throws Exception {
        GitFixture repo = GitFixture.init(tmp.resolve("repo"));
        repo.commit("a.md", "a\n");
        repo.git("checkout", "-q", "-b", "x");
        repo.stage("b.md", "b\n");
        repo.commit("Approves: CR-9");
        repo.stage("c.md", "c\n");
        repo.commit("second subject");
        repo.git("checkout", "-q", "main");
        repo.commit("d.md", "d\n");
        repo.git("merge", "-q", "--log", "--no-ff", "--no-edit", "x");
        String message = repo.git("log", "-1", "--format=%B");
        assertThat(message).contains("\n  Approves: CR-9\n");
        assertThat(Approval.parse(message).approves()).isEmpty();
        assertThat(Approval.parse(message)).isEqualTo(Approval.NONE);
        assertThat(git.parse(message)).isEmpty();
        // the branch's own commit, whose subject it is, approves nothing either
        assertThat(Approval.parse(repo.git("log", "-1", "--format=%B", "x~1"))).isEqualTo(Approval.NONE);
    }
}
