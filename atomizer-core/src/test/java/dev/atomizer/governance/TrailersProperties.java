package dev.atomizer.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random commit messages — a subject, paragraphs mixing {@code Key: value} lines, indented lines,
 * {@code Signed-off-by:} and {@code (cherry picked from commit …)} lines, prose, comment lines,
 * keys with spaces, dividers, scissors and {@code Conflicts:} lines, blank and whitespace-only
 * lines, CRLF endings — read by {@link Trailers} and {@link Approval} exactly as the real
 * {@code git interpret-trailers --parse} reads them.
 */
class TrailersProperties {

    static InterpretTrailers git;

    @BeforeContainer
    static void oracle() {
        git = new InterpretTrailers();
    }

    @AfterContainer
    static void close() throws Exception {
        git.close();
    }

    static final List<String> KEYS = List.of(
            "Approves",
            "Approved-by",
            "Change-Request",
            "approves",
            "APPROVED-BY",
            "change-request",
            "Co-authored-by",
            "Signed-off-by",
            "Bug",
            "X-1",
            "-",
            "Approved by",
            "Change Request",
            "Approvés",
            "Approved_by",
            "(cherry picked from commit",
            "* x");

    static final List<String> SEPARATORS = List.of(": ", ":", " : ", "\t:\t", ":   ", " :", "  ");

    static final List<String> VALUES =
            List.of("CR-9", "CR-7", "ceo", "mario", "", " ", "mario ", "CR-1 CR-2", "a: b", "<a@example.com>");

    static final List<String> INDENTS = List.of("", "", "", "", " ", "  ", "\t", "#", "# ");

    static final List<String> LINES = List.of(
            "Signed-off-by: A U Thor <author@example.com>",
            "Signed-off-by:A U Thor",
            "(cherry picked from commit 0123456789abcdef)",
            "prose line",
            "More prose, with a colon: here",
            "* x:",
            "* x: (2 commits)",
            "  second subject",
            "\tcontinued",
            " ",
            "\t",
            "",
            "# comment",
            "#Approves: CR-9",
            "---",
            "--- a/file.md",
            "---x",
            "-- ",
            InterpretTrailers.SCISSORS,
            InterpretTrailers.SCISSORS + " x",
            "Conflicts:",
            "\tfile.md",
            "http://example.com",
            "Approves",
            ":CR-9",
            "Key:",
            "Ключ: значение",
            "\fApproves: CR-9",
            "Approves: CR-9\f");

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> trailer = Combinators.combine(
                        Arbitraries.of(INDENTS),
                        Arbitraries.of(KEYS),
                        Arbitraries.of(SEPARATORS),
                        Arbitraries.of(VALUES))
                .as((indent, key, sep, value) -> indent + key + sep + value);
        Arbitrary<String> noise = Arbitraries.strings().withChars(" \t\r:-#aA1").ofMaxLength(6);
        return Arbitraries.frequencyOf(Tuple.of(5, trailer), Tuple.of(4, Arbitraries.of(LINES)), Tuple.of(1, noise));
    }

    /** Lines for the last paragraph: mostly trailers as people write them. */
    @Provide
    Arbitrary<String> trailerLines() {
        Arbitrary<String> plain = Combinators.combine(
                        Arbitraries.of("Approves", "Approved-by", "Change-Request", "Co-authored-by"),
                        Arbitraries.of(": ", ": ", ":", " : "),
                        Arbitraries.of("CR-9", "CR-7", "ceo", "mario", "", " CR-1 "))
                .as((key, sep, value) -> key + sep + value);
        Arbitrary<String> generated = Arbitraries.of(
                "Signed-off-by: A U Thor <author@example.com>", "(cherry picked from commit 0123456789abcdef)");
        Arbitrary<String> mergeLog = Arbitraries.of(
                "* x:", "  Approves: CR-9", "  Approved-by: ceo", "\tChange-Request: CR-7", "  second subject");
        return Arbitraries.frequencyOf(
                Tuple.of(8, plain), Tuple.of(2, generated), Tuple.of(2, mergeLog), Tuple.of(3, lines()));
    }

    @Provide
    Arbitrary<String> messages() {
        Arbitrary<String> paragraph = lines().list().ofMinSize(1).ofMaxSize(6).map(ls -> String.join("\n", ls));
        Arbitrary<String> last = trailerLines().list().ofMinSize(1).ofMaxSize(6).map(ls -> String.join("\n", ls));
        Arbitrary<String> subject = Arbitraries.of(
                "Subject", "Approves: CR-9", "Merge branch 'x'", "# a comment", "", "  indented subject", "---");
        Arbitrary<String> gap = Arbitraries.of("\n\n", "\n\n", "\n\n", "\n", "\n \n", "\n\n\n", "\n#\n");
        Arbitrary<List<String>> body =
                Combinators.combine(gap, paragraph).as(String::concat).list().ofMaxSize(3);
        Arbitrary<String> tail = Arbitraries.of(
                "",
                "",
                "",
                "",
                "\n# Please enter the commit message\n#",
                "\n\n# Please enter the commit message",
                "\n---\n x.md | 1 +",
                "\n" + InterpretTrailers.SCISSORS + "\ndiff --git a/x b/x\n\nApproves: CR-1",
                "\n\nConflicts:\n\tx.md",
                "\n\n");
        return Combinators.combine(
                        subject,
                        body,
                        Combinators.combine(gap, last).as(String::concat),
                        tail,
                        Arbitraries.of("\n", "\n", "", "\n\n", " \n"),
                        Arbitraries.frequency(Tuple.of(9, false), Tuple.of(1, true)))
                .as((s, b, l, t, end, crlf) -> {
                    String m = s + String.join("", b) + l + t + end;
                    return crlf ? m.replace("\n", "\r\n") : m;
                });
    }

    @Property(tries = 200)
    void trailersAreWhatGitInterpretTrailersParses(@ForAll("messages") String message) {
        Assume.that(!InterpretTrailers.gitHangsOn(message));
        String expected = git.parse(message);
        assertThat(InterpretTrailers.print(message))
                .as("trailers of %s", message.replace("\n", "\\n"))
                .isEqualTo(expected);
        assertThat(Approval.parse(message)).isEqualTo(InterpretTrailers.approvalOf(expected));
    }
}
