package dev.atomizer.governance;

import java.util.regex.Pattern;

/**
 * A governed-path glob from schemas.md, relative to the repository root: {@code *} matches
 * within one path segment, {@code **} across segments ({@code **}{@code /} also matches no
 * segment at all), {@code ?} one character. Any character a path may hold matches (a line break
 * too), and case is ignored: {@code Context-Docs/00-mission.md} is the same file as
 * {@code context-docs/00-mission.md} in a Windows or macOS checkout, so it is governed alike.
 */
public final class PathGlob {

    private final String glob;
    private final Pattern pattern;

    public PathGlob(String glob) {
        this.glob = glob;
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
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        pattern = Pattern.compile(re.toString(), Pattern.DOTALL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public boolean matches(String path) {
        return path != null && pattern.matcher(path).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
