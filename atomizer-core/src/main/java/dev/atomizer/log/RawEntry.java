package dev.atomizer.log;

import java.util.List;

/**
 * An entry as written, before any judgement: what the rules look at. Line numbers are 1-based and
 * absolute in the file.
 *
 * @param line          the heading's line
 * @param heading       the heading line as written
 * @param header        the heading taken apart
 * @param fields        every field occurrence in order of appearance
 * @param separatorLine the closing {@code ---}, or 0 when there is none
 * @param setextLine    a {@code ---} that CommonMark read as a setext underline (no blank line above), or 0
 * @param strayLines    first line of every block before the first field or after the closing {@code ---}
 * @param endLine       last line of the entry (before the next heading or end of file)
 * @param indentedHeadings lines of level-2 headings indented by one to three spaces: content to
 *                      the grammar ({@link LogGrammar}), though they render as headings
 * @param metrics       the tokens of the first Metrics field's line, parsed once for every rule (empty without one)
 * @param openBlockLine the first line of a code fence or HTML block in the entry that is never
 *                      closed, so that it holds the rest of the file (entry headings and
 *                      {@code ---} lines included), or 0
 * @param openBlockEnd  what would close that block, such as {@code ```} or {@code -->} (null without one)
 */
public record RawEntry(
        int line,
        String heading,
        EntryHeader header,
        List<FieldLine> fields,
        int separatorLine,
        int setextLine,
        List<Integer> strayLines,
        int endLine,
        List<Integer> indentedHeadings,
        List<Metric> metrics,
        int openBlockLine,
        String openBlockEnd) {

    /** The metrics of the Metrics field among {@code fields} (none without one). */
    static List<Metric> metricsOf(List<FieldLine> fields) {
        for (FieldLine f : fields) {
            if (f.name().equals("Metrics")) {
                return Metric.parse(f.value(), f.valueColumn());
            }
        }
        return List.of();
    }

    /** The first occurrence of field {@code name} (exact case), or null. */
    public FieldLine field(String name) {
        for (FieldLine f : fields) {
            if (f.name().equals(name) && !f.colonOutside()) {
                return f;
            }
        }
        for (FieldLine f : fields) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
