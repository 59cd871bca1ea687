package dev.atomizer.derive;

import java.util.ArrayList;
import java.util.List;

/**
 * A markdown page built block by block: one blank line between blocks, '\n' line ends, one final
 * newline. What markdownlint asks for (blank lines around headings, lists and tables; no double
 * blank lines) holds by construction.
 */
public final class Page {

    private final List<String> lines = new ArrayList<>();
    private final java.util.Map<String, Integer> headings = new java.util.HashMap<>();

    /** Starts with the generated-file banner. */
    public Page(String banner) {
        lines.add(banner);
    }

    private void block(List<String> block) {
        if (block.isEmpty()) {
            return;
        }
        if (lines.size() > 1 || !lines.get(0).startsWith("<!--")) {
            lines.add("");
        }
        lines.addAll(block);
    }

    public Page h1(String text) {
        block(List.of("# " + unique(text)));
        return this;
    }

    public Page h2(String text) {
        block(List.of("## " + unique(text)));
        return this;
    }

    public Page h3(String text) {
        block(List.of("### " + unique(text)));
        return this;
    }

    /**
     * Headings are unique on a page (markdownlint's MD024, and distinct anchors): a heading seen
     * before, two studies of the same name say, gets " (2)", " (3)", ….
     */
    private String unique(String text) {
        int n = headings.merge(text, 1, Integer::sum);
        return n == 1 ? text : text + " (" + n + ")";
    }

    public Page paragraph(String markdown) {
        block(List.of(markdown));
        return this;
    }

    /** A bullet list of markdown items. */
    public Page bullets(List<String> items) {
        List<String> b = new ArrayList<>();
        for (String i : items) {
            b.add("- " + i);
        }
        block(b);
        return this;
    }

    /** A numbered list of markdown items (all "1.", as markdownlint's default style wants). */
    public Page numbered(List<String> items) {
        List<String> b = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            b.add((i + 1) + ". " + items.get(i));
        }
        block(b);
        return this;
    }

    public Page table(Md.Table table) {
        block(table.lines());
        return this;
    }

    /** Raw lines as one block (a fenced chart). */
    public Page lines(List<String> raw) {
        block(raw);
        return this;
    }

    public int lineCount() {
        return lines.size();
    }

    public String text() {
        return String.join("\n", lines) + "\n";
    }
}
