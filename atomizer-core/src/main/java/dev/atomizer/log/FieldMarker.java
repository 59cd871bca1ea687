package dev.atomizer.log;

/**
 * The start of a field line: {@code **Name:**} after at most three spaces ("A field is a
 * line that starts with `**Name:**`"), or the common slip {@code **Name**:}, which is read as the
 * field it was meant to be so that one typo gives one message. Hand-written: it runs on every
 * paragraph line of the log.
 *
 * @param name         the field name, trimmed
 * @param indent       spaces before the opening {@code **}
 * @param valueStart   index in the line just after the marker
 * @param colonOutside true for {@code **Name**:}
 */
record FieldMarker(String name, int indent, int valueStart, boolean colonOutside) {

    static FieldMarker match(String line) {
        int n = line.length();
        int i = 0;
        while (i < n && i < 4 && line.charAt(i) == ' ') {
            i++;
        }
        if (i > 3 || i + 4 >= n || line.charAt(i) != '*' || line.charAt(i + 1) != '*') {
            return null;
        }
        int nameStart = i + 2;
        // **Name:**  — the name holds no '*'; the first "*" after it must be the closing "**"
        int star = line.indexOf('*', nameStart);
        if (star < 0 || star == nameStart) {
            return null;
        }
        if (star + 1 < n && line.charAt(star + 1) == '*') {
            if (line.charAt(star - 1) == ':' && star - 1 > nameStart) {
                String name = line.substring(nameStart, star - 1).trim();
                return name.isEmpty() ? null : new FieldMarker(name, i, star + 2, false);
            }
            // **Name**:  — letters and spaces only, then a colon right after the bold
            if (star + 2 < n && line.charAt(star + 2) == ':' && lettersAndSpaces(line, nameStart, star)) {
                return new FieldMarker(line.substring(nameStart, star).trim(), i, star + 3, true);
            }
        }
        return null;
    }

    private static boolean lettersAndSpaces(String s, int from, int to) {
        char first = s.charAt(from);
        if (!(first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z')) {
            return false;
        }
        for (int k = from + 1; k < to; k++) {
            char c = s.charAt(k);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == ' ')) {
                return false;
            }
        }
        return true;
    }
}
