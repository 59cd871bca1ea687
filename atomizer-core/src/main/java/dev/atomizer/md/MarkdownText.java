package dev.atomizer.md;

/**
 * Text from the log (a Summary, a path, a message) put into generated markdown so that it renders
 * as the text it is: the one escaper of every generated page (dashboards, reports, the Auditor
 * summary, {@code lint --format markdown}). Every ASCII punctuation character that can open an
 * inline construct is backslash-escaped — emphasis, code, links and images, raw HTML, entities,
 * strikethrough, a heading or a table cell's end — so {@code [click](javascript:…)},
 * {@code ![px](https://…)} or {@code *x*} stay text; line breaks become spaces, so the text stays
 * on its line; any other control character is shown as its Unicode control picture (a NUL as
 * {@code ␀}), so a page that quotes the log never turns binary for git.
 */
public final class MarkdownText {

    /** The characters escaped: CommonMark's inline openers, GFM's '|' and '~', and '#' and '!'. */
    static final String ACTIVE = "\\`*_[]<>|~&!#";

    private MarkdownText() {}

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean active = ACTIVE.indexOf(c) >= 0;
            boolean space = c == '\r' || c == '\n' || c == '\t';
            boolean control = !space && (c < 0x20 || c == 0x7F);
            if ((active || space || control) && b == null) {
                b = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (b != null) {
                if (active) {
                    b.append('\\').append(c);
                } else if (control) {
                    b.append(c == 0x7F ? '\u2421' : (char) (0x2400 + c));
                } else {
                    b.append(space ? ' ' : c);
                }
            }
        }
        return b == null ? text : b.toString();
    }
}
