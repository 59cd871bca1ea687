package dev.atomizer.md;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Paragraphs are left unparsed; headings and cells keep their inline content read as text. */
class MarkdownTablesTest {

    @Test
    void headingsAndCellsAreReadAsPlainTextWhateverTheProseAround() {
        MarkdownTables doc = MarkdownTables.parse("""
                # Title with `code`

                Prose with **bold**, _emphasis_, a [link][ref], `code` and a | pipe.

                [ref]: https://example.com

                ## Event *types* (`enumerated`)

                Some more **prose**.

                | Type | Meaning |
                |------|---------|
                | `study-start` | New **study**, see [link][ref] |
                | a \\| b | x |

                ## Empty
                """, "schemas.md");
        assertThat(doc.sections())
                .extracting(MarkdownTables.Section::title)
                .containsExactly("Event types (enumerated)", "Empty");
        MarkdownTables.Section s = doc.sections().get(0);
        assertThat(s.line()).isEqualTo(7);
        MarkdownTables.Table t = s.tables().get(0);
        assertThat(t.line()).isEqualTo(11);
        assertThat(t.headers()).containsExactly("type", "meaning");
        assertThat(t.rows())
                .extracting(MarkdownTables.Row::cells)
                .containsExactly(List.of("study-start", "New study, see link"), List.of("a | b", "x"));
        assertThat(t.rows()).extracting(MarkdownTables.Row::line).containsExactly(13, 14);
    }
}
