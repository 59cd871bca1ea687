package dev.atomizer.governance;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A governed-path glob from schemas.md, relative to the repository root: {@code *} matches
 * within one path segment, {@code **} across segments ({@code **}{@code /} also matches no
 * segment at all), {@code ?} one character. Any character a path may hold matches (a line break
 * too).
 *
 * <p>A path is governed when it matches exactly, as git compares paths: {@code Context-Docs/a.md}
 * is another path than {@code context-docs/a.md}, and {@code ſhared/project_log.md} (a long s) is
 * not the log. Such a name is still a danger: a file system that folds names puts both in one file.
 * {@link #matchesFolded} tells it, and the {@code path-collision} rule refuses a new path that folds
 * onto a governed one (see {@link #fold}).
 */
public final class PathGlob {

    private final String glob;
    private final Pattern pattern;
    /** Compiled on first use: a hook that sees no new path never needs it. */
    private Pattern folded;

    public PathGlob(String glob) {
        this.glob = glob;
        this.pattern = compile(glob, false);
    }

    private static Pattern compile(String glob, boolean folded) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    i++;
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                        i++;
                        re.append("(?:.*/)?");
                    } else {
                        re.append(".*");
                    }
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                // a folded name is decomposed: one character may be a letter and its accents
                re.append(folded ? "[^/]\\p{M}*" : "[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** True when {@code path} is governed by this glob: an exact match, case and all, as git compares paths. */
    public boolean matches(String path) {
        return path != null && pattern.matcher(path).matches();
    }

    /** True when {@code path}, folded, matches this glob folded: a file system that folds names may take it for a governed path. */
    public boolean matchesFolded(String path) {
        if (path == null) {
            return false;
        }
        if (folded == null) {
            folded = compile(fold(glob), true);
        }
        return folded.matcher(fold(path)).matches();
    }

    /**
     * A path as a file system that folds names sees it, made to cover the major ones at once: NTFS
     * compares names case-insensitively (each character upper-cased), APFS and HFS+ both
     * case-insensitively (Unicode case folding) and normalisation-insensitively (a precomposed
     * {@code é} is {@code e} and a combining accent). So the fold decomposes (NFD, which also maps
     * the Kelvin sign to {@code K}), upper-cases and lower-cases with Unicode's full mappings (the
     * long {@code ſ} is {@code s}, the dotless {@code ı} is {@code i}, {@code ß} is {@code ss}), and
     * decomposes again. {@code İ} (I with a dot above) folds to {@code i} and a combining dot, not to
     * {@code i}: neither system takes it for {@code i}. Two names with one fold may be one file on
     * some machine; the fold errs on the side of seeing a collision.
     */
    public static String fold(String path) {
        if (isAscii(path)) {
            return path.toLowerCase(Locale.ROOT); // ASCII is its own decomposition; its case is its letters'
        }
        String decomposed = Normalizer.normalize(path, Normalizer.Form.NFD);
        String cased = decomposed.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(cased, Normalizer.Form.NFD);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return glob;
    }
}
