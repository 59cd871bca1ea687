package dev.atomizer.derive;

import java.util.ArrayList;
import java.util.List;

/** Markdown output that renders on GitHub and passes markdownlint: escaped cells, tidy tables, short lines of text. */
public final class Md {

    private Md() {}

    /**
     * Text for a table cell or a list item: one line, escaped by the one escaper of generated
     * markdown ({@link dev.atomizer.md.MarkdownText}), no trailing or doubled spaces.
     */
    public static String inline(String s) {
        if (s == null) {
            return "";
        }
        return dev.atomizer.md.MarkdownText.escape(s).strip().replaceAll(" {2,}", " ");
    }

    /** Shortens to at most {@code max} characters, ending with '…' when cut (at a word boundary when one is near). */
    public static String clip(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        String head = s.substring(0, cut).stripTrailing();
        if (head.endsWith("\\")) {
            head = head.substring(0, head.length() - 1); // never split an escape
        }
        return head + "…";
    }

    /** Inline code, with a fence long enough for any backticks inside. */
    public static String code(String s) {
        String fence = s.contains("`") ? "`` " : "`";
        String end = s.contains("`") ? " ``" : "`";
        return fence + s.replace('|', '¦') + end;
    }

    /** A GFM table builder; cells are escaped as they are added. */
    public static final class Table {
        private final List<String> headers;
        private final List<Boolean> right = new ArrayList<>();
        private final List<List<String>> rows = new ArrayList<>();

        /** Headers ending with ':' are right-aligned (numbers); the ':' is dropped. */
        public Table(String... headers) {
            this.headers = new ArrayList<>();
            for (String h : headers) {
                boolean r = h.endsWith(":");
                this.headers.add(r ? h.substring(0, h.length() - 1) : h);
                right.add(r);
            }
        }

        /** Adds a row of raw text cells (escaped here). */
        public Table row(String... cells) {
            List<String> r = new ArrayList<>();
            for (String c : cells) {
                r.add(inline(c));
            }
            rows.add(r);
            return this;
        }

        /** Adds a row whose cells are already markdown (escaped by the caller). */
        public Table rowMarkdown(String... cells) {
            rows.add(List.of(cells));
            return this;
        }

        public boolean isEmpty() {
            return rows.isEmpty();
        }

        public int size() {
            return rows.size();
        }

        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add(line(headers));
            List<String> sep = new ArrayList<>();
            for (boolean r : right) {
                sep.add(r ? "--:" : "---");
            }
            out.add(line(sep));
            for (List<String> r : rows) {
                List<String> cells = new ArrayList<>(r);
                while (cells.size() < headers.size()) {
                    cells.add("");
                }
                out.add(line(cells));
            }
            return out;
        }

        private static String line(List<String> cells) {
            StringBuilder sb = new StringBuilder("|");
            for (String c : cells) {
                sb.append(' ').append(c.isEmpty() ? "" : c).append(c.isEmpty() ? "|" : " |");
            }
            return sb.toString();
        }
    }
}
