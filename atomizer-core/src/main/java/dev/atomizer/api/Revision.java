package dev.atomizer.api;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A revision of a written report: the report stays, and its correction is written beside it under
 * the same name with {@code .rN} before the extension, N from 2 on ({@code 2026-W50-report.md},
 * then {@code 2026-W50-report.r2.md}, {@code 2026-W50-report.r3.md}; the PDF beside each likewise).
 * Revision 1 is the original. A revision N supersedes revision N - 1; the latest revision is the
 * report that counts for readers, the original's commit is the one that counts for on-time.
 *
 * @param original the original report's path
 * @param number   2 or more
 */
public record Revision(String original, int number) {

    /** "name.rN.ext": N from 2 on, without leading zeros; the extension has no dot or slash. */
    private static final Pattern NAME = Pattern.compile("(.*[^/])\\.r([2-9]|[1-9][0-9]{1,8})(\\.[^./]+)");

    private static final Pattern WEEKLY =
            Pattern.compile(Pattern.quote(Workspace.weeklyReport("@")).replace("@", "\\E([0-9]{4}-W[0-9]{2})\\Q"));
    private static final Pattern CLOSEOUT =
            Pattern.compile(Pattern.quote(Workspace.closeoutReport("@")).replace("@", "\\E([^/]+)\\Q"));

    public Revision {
        if (number < 2) {
            throw new IllegalArgumentException("a revision is numbered from 2 on: " + number);
        }
    }

    /** Whether a path exists in some state of the repository. */
    @FunctionalInterface
    public interface Exists {
        boolean exists(String path) throws IOException;
    }

    /** The path of revision {@code number} of {@code original} (1: the original itself). */
    public static String path(String original, int number) {
        if (number == 1) {
            return original;
        }
        int slash = original.lastIndexOf('/');
        int dot = original.lastIndexOf('.');
        return dot > slash + 1
                ? original.substring(0, dot) + ".r" + number + original.substring(dot)
                : original + ".r" + number;
    }

    /** This revision's path. */
    public String path() {
        return path(original, number);
    }

    /** The path this revision supersedes: the previous revision, or the original. */
    public @Nullable String supersedes() {
        return path(original, number - 1);
    }

    /** The revision a path names ({@code …​.rN.ext}, N ≥ 2), or null when it names none. */
    public static @Nullable Revision parse(String path) {
        if (path == null) {
            return null;
        }
        Matcher m = NAME.matcher(path);
        return m.matches() ? new Revision(m.group(1) + m.group(3), Integer.parseInt(m.group(2))) : null;
    }

    /**
     * The number of the latest revision of {@code original} that exists (1: the original alone; 0:
     * not even the original). Revisions are numbered without gaps, each beside the one it supersedes.
     */
    public static int latest(String original, Exists files) throws IOException {
        if (!files.exists(original)) {
            return 0;
        }
        int n = 1;
        while (files.exists(path(original, n + 1))) {
            n++;
        }
        return n;
    }

    /**
     * The command that writes the next revision of the report at {@code path} (an original or a
     * revision of a weekly or closeout report), or null for another path.
     */
    public static @Nullable String reviseCommand(String path) {
        Revision r = parse(path);
        String original = r == null ? path : r.original();
        Matcher w = WEEKLY.matcher(original);
        if (w.matches()) {
            return "atomizer report weekly --week " + w.group(1) + " --revise --reason \"…\"";
        }
        Matcher c = CLOSEOUT.matcher(original);
        if (c.matches()) {
            return "atomizer report closeout " + c.group(1) + " --revise --reason \"…\"";
        }
        return null;
    }
}
