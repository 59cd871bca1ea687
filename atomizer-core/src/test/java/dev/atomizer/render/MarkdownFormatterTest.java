package dev.atomizer.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileSummary;
import dev.atomizer.api.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

class MarkdownFormatterTest {

    static String markdown(List<Diagnostic> ds, FileSummary s) throws Exception {
        return Rendered.by(MarkdownFormatter::new, ds, s);
    }

    @Test
    void headingVerdictSummaryAndTable() throws Exception {
        String out = markdown(
                List.of(
                        new Diagnostic(
                                "shared/log.md", 5, 13, "status-invalid", Severity.ERROR, "status 'done' is bad"),
                        new Diagnostic(
                                "shared/log.md", 9, 1, "field-order", Severity.WARNING, "Summary before Status")),
                new FileSummary(2, 1, 1));
        assertThat(out).isEqualTo("""
                ## Atomizer

                **Failed:** 1 error, 1 warning in 2 entries.

                | rule | errors | warnings |
                |---|--:|--:|
                | field-order | 0 | 1 |
                | status-invalid | 1 | 0 |

                | file:line | severity | rule | message |
                |---|---|---|---|
                | shared/log.md:5 | error | status-invalid | status 'done' is bad |
                | shared/log.md:9 | warning | field-order | Summary before Status |
                """);
        assertThat(markdown(List.of(), new FileSummary(470, 0, 0)))
                .isEqualTo("## Atomizer\n\n**Passed:** 0 errors, 0 warnings in 470 entries.\n\nNo diagnostics.\n");
    }

    @Test
    void cellsRenderAsTheLiteralText() throws Exception {
        String message = "a | pipe, a \\| escaped pipe, `code`, **bold**, <id> & [link](x) _under_ ~~gone~~\nnext line";
        String path = "dir | x/a_b*.md";
        String out = markdown(
                List.of(new Diagnostic(path, 3, 1, "unknown-field", Severity.ERROR, message)),
                new FileSummary(1, 1, 0));
        List<List<String>> rows = tableRows(out, 1);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).containsExactly(path + ":3", "error", "unknown-field", message.replace('\n', ' '));
    }

    @Test
    void longReportsAreCappedAndSayWhatWasLeftOut() throws Exception {
        List<Diagnostic> ds = new ArrayList<>();
        int n = MarkdownFormatter.MAX_ROWS + 250;
        for (int i = 1; i <= n; i++) {
            ds.add(new Diagnostic("shared/project_log.md", i, 1, "status-invalid", Severity.ERROR, "m" + i));
        }
        String out = markdown(ds, new FileSummary(n, n, 0));
        assertThat(tableRows(out, 1)).hasSize(MarkdownFormatter.MAX_ROWS + 1);
        assertThat(out)
                .contains("| status-invalid | " + n + " | 0 |")
                .endsWith("\n_250 more diagnostics not shown: the report keeps to 1000 rows and under 1 MiB. "
                        + "The text or json format lists them all._\n");

        // very long messages: the byte budget cuts first, and the whole stays under 1 MiB
        ds.clear();
        String huge = "x".repeat(50_000);
        for (int i = 1; i <= 900; i++) {
            ds.add(new Diagnostic("shared/project_log.md", i, 1, "summary-too-long", Severity.WARNING, "日本" + huge));
        }
        out = markdown(ds, new FileSummary(900, 0, 900));
        assertThat(out.getBytes(StandardCharsets.UTF_8).length).isLessThan(1024 * 1024);
        assertThat(out).contains("more diagnostics not shown").contains("…");
        List<List<String>> rows = tableRows(out, 1);
        assertThat(rows.size() - 1).isBetween(100, 900);
    }

    /** The text of each cell of the document's table number {@code index}, as a renderer shows it. */
    static List<List<String>> tableRows(String markdown, int index) {
        Parser parser =
                Parser.builder().extensions(List.of(TablesExtension.create())).build();
        Node doc = parser.parse(markdown);
        List<TableBlock> tables = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomBlock b) {
                if (b instanceof TableBlock t) {
                    tables.add(t);
                }
            }
        });
        List<List<String>> rows = new ArrayList<>();
        tables.get(index).accept(new AbstractVisitor() {
            @Override
            public void visit(CustomNode n) {
                if (n instanceof TableRow) {
                    List<String> cells = new ArrayList<>();
                    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                        cells.add(text(c));
                    }
                    rows.add(cells);
                } else {
                    visitChildren(n);
                }
            }
        });
        return rows;
    }

    static String text(Node cell) {
        assertThat(cell).isInstanceOf(TableCell.class);
        StringBuilder b = new StringBuilder();
        cell.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                b.append(t.getLiteral());
            }

            @Override
            public void visit(Code c) {
                b.append('`').append(c.getLiteral()).append('`');
            }

            @Override
            public void visit(org.commonmark.node.Emphasis e) {
                throw new AssertionError("emphasis in a cell: " + b);
            }

            @Override
            public void visit(org.commonmark.node.StrongEmphasis e) {
                throw new AssertionError("strong emphasis in a cell: " + b);
            }

            @Override
            public void visit(org.commonmark.node.Link l) {
                throw new AssertionError("a link in a cell: " + b);
            }

            @Override
            public void visit(org.commonmark.node.HtmlInline h) {
                throw new AssertionError("HTML in a cell: " + h.getLiteral());
            }
        });
        return b.toString();
    }
}
