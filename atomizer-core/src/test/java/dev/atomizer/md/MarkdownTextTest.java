package dev.atomizer.md;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.junit.jupiter.api.Test;

/** Log text in generated markdown renders as the text it is, through a real CommonMark + GFM renderer. */
class MarkdownTextTest {

    static final List<org.commonmark.Extension> GFM = List.of(TablesExtension.create());
    static final Parser PARSER = Parser.builder().extensions(GFM).build();

    static String html(String markdown) {
        return HtmlRenderer.builder().extensions(GFM).build().render(PARSER.parse(markdown));
    }

    @Test
    void linksImagesEmphasisCodeAndHtmlStayText() {
        List<String> hostile = List.of(
                "[click](javascript:alert(1))",
                "![px](https://evil.example/px.png)",
                "*x* __y__ ~~z~~ `code`",
                "<script>alert(1)</script> <b>bold</b>",
                "&lt; &#x3C; &amp;",
                "# not a heading",
                "a | b",
                "\\*escaped already\\*",
                "[ref]: https://evil.example",
                "<https://evil.example>");
        for (String text : hostile) {
            String out = html("- " + MarkdownText.escape(text) + "\n");
            assertThat(out)
                    .as(text)
                    .doesNotContain("<a ", "<img", "<em>", "<strong>", "<del>", "<code>", "<script", "<b>", "<h1>");
            String shown = TextContentRenderer.builder()
                    .build()
                    .render(PARSER.parse(MarkdownText.escape(text)))
                    .strip();
            assertThat(shown).as("rendered text of %s", text).isEqualTo(text);
        }
    }

    @Test
    void aCellCannotEndEarlyAndTextStaysOnItsLine() {
        String row = "| " + MarkdownText.escape("a | b\nc") + " | second |\n";
        String out = html("| one | two |\n| --- | --- |\n" + row);
        assertThat(out).contains("<td>a | b c</td>").contains("<td>second</td>");
        assertThat(MarkdownText.escape("plain text, 42.5% done - ok")).isEqualTo("plain text, 42.5% done - ok");
    }

    @Test
    void controlCharactersAreShownAsTheirPicturesSoAPageNeverTurnsBinary() {
        assertThat(MarkdownText.escape("a\u0000b\u0007c\u001bd\u007fe\tf"))
                .isEqualTo("a\u2400b\u2407c\u241bd\u2421e f");
    }
}
