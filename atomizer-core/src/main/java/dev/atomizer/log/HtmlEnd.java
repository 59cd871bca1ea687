package dev.atomizer.log;

import java.util.Locale;

/**
 * How an HTML block that commonmark reported open ends. spec (CommonMark 4.6): types 1-5 end at a
 * line containing their end marker, types 6 and 7 at a blank line.
 */
final class HtmlEnd {

    private final String marker; // null: ends at a blank line

    private HtmlEnd(String marker) {
        this.marker = marker;
    }

    static HtmlEnd of(String firstLine) {
        String l = firstLine.stripLeading().toLowerCase(Locale.ROOT);
        for (String tag : new String[] {"script", "pre", "style", "textarea"}) {
            if (l.startsWith("<" + tag)
                    && (l.length() == tag.length() + 1 || " \t>".indexOf(l.charAt(tag.length() + 1)) >= 0)) {
                return new HtmlEnd("</" + tag + ">");
            }
        }
        if (l.startsWith("<!--")) {
            return new HtmlEnd("-->");
        }
        if (l.startsWith("<?")) {
            return new HtmlEnd("?>");
        }
        if (l.startsWith("<![cdata[")) {
            return new HtmlEnd("]]>");
        }
        if (l.startsWith("<!") && l.length() > 2 && Character.isLetter(l.charAt(2))) {
            return new HtmlEnd(">");
        }
        return new HtmlEnd(null);
    }

    /** The text whose first occurrence ends the block, or null when a blank line ends it (types 6 and 7). */
    String marker() {
        return marker;
    }

    boolean endsAt(String line) {
        if (marker == null) {
            return line.isBlank();
        }
        return line.toLowerCase(Locale.ROOT).contains(marker);
    }
}
