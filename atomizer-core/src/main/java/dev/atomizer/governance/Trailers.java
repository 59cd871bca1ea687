package dev.atomizer.governance;

import java.util.ArrayList;
import java.util.List;

/**
 * The trailers of a commit message, read exactly as git (2.39) reads them — what
 * {@code git interpret-trailers --parse} prints for the message, with no {@code trailer.*}
 * configuration and {@code #} as the comment character:
 * <ol>
 * <li>The message ends at the first line that starts with {@code ---} and a whitespace character
 *     (a patch below a divider), then before the scissors line
 *     ({@code # ------------------------ >8 ------------------------}) and the run of comment
 *     ({@code #}), empty and old {@code Conflicts:} lines at its end.</li>
 * <li>The first paragraph (the subject, comment lines skipped) is never trailers. The last
 *     paragraph is the trailer block only if all its lines are trailers, or at least a quarter are
 *     and one is git-generated ({@code Signed-off-by: } or {@code (cherry picked from commit }).
 *     Comment lines do not count; a line starting with whitespace continues the trailer above it
 *     (and counts against the block if no trailer follows it up to the paragraph's start).</li>
 * <li>A trailer line is {@code <token>[spaces or tabs]:<value>}, the token made of ASCII letters,
 *     digits and hyphens and starting the line: an indented line is never a trailer of its own,
 *     and {@code Approved by: x} is no trailer. A line that continues a trailer is folded into
 *     its value, whitespace around a fold collapsing to one space; token and value are trimmed.</li>
 * </ol>
 * Whitespace is git's: space, tab, line feed and carriage return. (git 2.39 never returns on a
 * message with a divider line above a scissors line; here the message ends at the divider.)
 */
public final class Trailers {

    /** A trailer as git prints it: {@code token: value}. */
    public record Trailer(String token, String value) {}

    private static final char COMMENT = '#';
    private static final String SCISSORS = COMMENT + " ------------------------ >8 ------------------------\n";
    private static final List<String> GIT_GENERATED = List.of("Signed-off-by: ", "(cherry picked from commit ");

    private Trailers() {}

    /** The trailers of {@code message}, in order; lines of the block that are not trailers are left out. */
    public static List<Trailer> parse(String message) {
        String buf = message;
        int end = endOfTrailers(buf, patchStart(buf));
        int start = trailerStart(buf, end);
        List<String> items = new ArrayList<>();
        int last = -1; // the item a continuation line is folded into, if the one above is a trailer
        for (int bol = start; bol < end; ) {
            int next = nextLine(buf, bol, end);
            String line = buf.substring(bol, next);
            if (last >= 0 && isSpace(line.charAt(0))) {
                items.set(last, items.get(last) + line);
            } else {
                items.add(line);
                last = separator(line, 0) >= 1 ? items.size() - 1 : -1;
            }
            bol = next;
        }
        List<Trailer> out = new ArrayList<>();
        for (String item : items) {
            if (item.charAt(0) == COMMENT) {
                continue;
            }
            int sep = separator(item, 0);
            if (sep >= 1) {
                out.add(new Trailer(trim(item.substring(0, sep)), unfold(trim(item.substring(sep + 1)))));
            }
        }
        return List.copyOf(out);
    }

    /** Where a patch below a {@code ---} divider starts, or the message's length. */
    private static int patchStart(String buf) {
        for (int s = 0; s < buf.length() && buf.charAt(s) != 0; s = nextLine(buf, s, buf.length())) {
            if (buf.startsWith("---", s) && s + 3 < buf.length() && isSpace(buf.charAt(s + 3))) {
                return s;
            }
        }
        return buf.length();
    }

    /** {@code len} less the scissors line and what follows it, and the trailing run of comment, empty and Conflicts: lines. */
    private static int endOfTrailers(String buf, int len) {
        int cutoff = Math.min(scissors(buf, len), len);
        int boc = 0; // where the run begins (0: no run, as in git)
        boolean conflicts = false;
        for (int bol = 0; bol < cutoff; bol = nextLine(buf, bol, len)) {
            char c = buf.charAt(bol);
            if (c == COMMENT || c == '\n') {
                if (boc == 0) {
                    boc = bol;
                }
            } else if (buf.startsWith("Conflicts:\n", bol)) {
                conflicts = true;
                if (boc == 0) {
                    boc = bol;
                }
            } else if (conflicts && c == '\t') {
                // a path of the Conflicts: block
            } else if (boc != 0) {
                boc = 0;
                conflicts = false;
            }
        }
        return boc != 0 ? boc : cutoff;
    }

    /** Where the scissors line starts, or {@code len}. */
    private static int scissors(String buf, int len) {
        if (buf.startsWith(SCISSORS)) {
            return 0;
        }
        int p = buf.indexOf("\n" + SCISSORS);
        return p >= 0 ? p + 1 : len;
    }

    /** Where the trailer block of {@code buf[0, len)} starts, or {@code len} when there is none. */
    private static int trailerStart(String buf, int len) {
        int endOfTitle = 0;
        while (endOfTitle < len) {
            if (buf.charAt(endOfTitle) != COMMENT && isBlankLine(buf, endOfTitle)) {
                break;
            }
            endOfTitle = nextLine(buf, endOfTitle, buf.length());
        }
        boolean onlySpaces = true;
        boolean recognizedPrefix = false;
        int trailerLines = 0;
        int nonTrailerLines = 0;
        // lines that continue a trailer if one comes above them, else count as non-trailers
        int possibleContinuationLines = 0;
        outer:
        for (int l = lastLine(buf, len); l >= endOfTitle; l = lastLine(buf, l)) {
            char c = buf.charAt(l);
            if (c == COMMENT) {
                nonTrailerLines += possibleContinuationLines;
                possibleContinuationLines = 0;
                continue;
            }
            if (isBlankLine(buf, l)) {
                if (onlySpaces) {
                    continue;
                }
                nonTrailerLines += possibleContinuationLines;
                if (recognizedPrefix && trailerLines * 3 >= nonTrailerLines) {
                    return nextLine(buf, l, buf.length());
                } else if (trailerLines > 0 && nonTrailerLines == 0) {
                    return nextLine(buf, l, buf.length());
                }
                return len;
            }
            onlySpaces = false;
            for (String prefix : GIT_GENERATED) {
                if (buf.startsWith(prefix, l)) {
                    trailerLines++;
                    possibleContinuationLines = 0;
                    recognizedPrefix = true;
                    continue outer;
                }
            }
            if (separator(buf, l) >= l + 1 && !isSpace(c)) {
                trailerLines++;
                possibleContinuationLines = 0;
            } else if (isSpace(c)) {
                possibleContinuationLines++;
            } else {
                nonTrailerLines += 1 + possibleContinuationLines;
                possibleContinuationLines = 0;
            }
        }
        return len;
    }

    /**
     * The index of the {@code :} after a token at {@code from} (letters, digits, hyphens, then
     * optionally spaces or tabs), {@code from} itself when the line starts with it, or -1.
     */
    private static int separator(String s, int from) {
        boolean whitespace = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                break;
            }
            if (c == ':') {
                return i;
            }
            if (!whitespace && (isAlnum(c) || c == '-')) {
                continue;
            }
            if (i != from && (c == ' ' || c == '\t')) {
                whitespace = true;
                continue;
            }
            break;
        }
        return -1;
    }

    /** Collapses each line break and the whitespace after it to one space. */
    private static String unfold(String value) {
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i++);
            if (c == '\n') {
                while (i < value.length() && isSpace(value.charAt(i))) {
                    i++;
                }
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return trim(out.toString());
    }

    /** The start of the line after the one at {@code bol}, at most {@code limit}. */
    private static int nextLine(String buf, int bol, int limit) {
        int nl = buf.indexOf('\n', bol);
        return nl < 0 || nl >= limit ? limit : nl + 1;
    }

    /** The start of the last line of {@code buf[0, len)} (its final line feed belongs to it), or -1 if empty. */
    private static int lastLine(String buf, int len) {
        if (len == 0) {
            return -1;
        }
        for (int i = len - 2; i >= 0; i--) {
            if (buf.charAt(i) == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    private static boolean isBlankLine(String buf, int bol) {
        int i = bol;
        while (i < buf.length() && buf.charAt(i) != '\n' && isSpace(buf.charAt(i))) {
            i++;
        }
        return i == buf.length() || buf.charAt(i) == '\n' || buf.charAt(i) == 0;
    }

    private static String trim(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && isSpace(s.charAt(b))) {
            b++;
        }
        while (e > b && isSpace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(b, e);
    }

    /** git's isspace: not form feed nor vertical tab. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isAlnum(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
