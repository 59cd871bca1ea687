package dev.atomizer.log;

import java.util.List;

/**
 * One field occurrence in an entry: a line starting {@code **Name:**} and the lines that continue it.
 *
 * @param name         the field name as written
 * @param colonOutside true when written {@code **Name**:} (a common slip, reported by {@code unknown-field})
 * @param line         1-based line of the field
 * @param column       1-based column of the opening {@code **}
 * @param value        the text after the marker on the field line, trimmed
 * @param valueColumn  1-based column where {@link #value} starts
 * @param continuation the raw lines after the field line that belong to it (inner blank lines kept, trailing ones dropped)
 */
public record FieldLine(
        String name,
        boolean colonOutside,
        int line,
        int column,
        String value,
        int valueColumn,
        List<String> continuation) {

    /** The whole value: the first line's text and then every continuation line, joined with {@code \n}. */
    public String fullValue() {
        if (continuation.isEmpty()) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value);
        for (String c : continuation) {
            sb.append('\n').append(c);
        }
        return sb.toString().strip();
    }

    /** True when the field has text on its line or any non-blank continuation. */
    public boolean hasContent() {
        if (!value.isBlank()) {
            return true;
        }
        for (String c : continuation) {
            if (!c.isBlank()) {
                return true;
            }
        }
        return false;
    }

    public int lastLine() {
        return line + continuation.size();
    }
}
