package dev.atomizer.render;

import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileSummary;
import dev.atomizer.api.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub Actions workflow commands, one annotation per diagnostic:
 * {@code ::error file=PATH,line=N,col=N,title=RULE::message} ({@code ::warning} for warnings),
 * then a plain summary line.
 *
 * <p>GitHub shows at most 10 annotations of each kind per step (actions/toolkit,
 * docs/problem-matchers.md: "10 warning annotations, 10 error annotations, and 10 notice
 * annotations per step"), so the rest are printed as plain log lines, still escaped, and counted in
 * the summary. The runner reads a workflow command in any line it prints (a line starting with
 * {@code ::} once leading space is trimmed, or holding {@code ##[} anywhere), so the plain lines are
 * printed between {@code ::stop-commands::TOKEN} and {@code ::TOKEN::} (GitHub's way to print text
 * that must not run), the token being a digest of those lines: no line can hold it. Severity has
 * no "info" level, so {@code ::notice} is never written.
 */
public final class GithubFormatter implements Formatter {

    /** Annotations of one kind GitHub shows per step. */
    public static final int PER_STEP = 10;

    private final Appendable out;
    private final Map<Severity, Integer> annotated = new EnumMap<>(Severity.class);
    private final Map<Severity, Integer> over = new EnumMap<>(Severity.class);
    private final List<String> plain = new ArrayList<>();

    public GithubFormatter(Appendable out) {
        this.out = out;
    }

    @Override
    public void diagnostic(Diagnostic d) throws IOException {
        Severity s = d.severity();
        int n = annotated.getOrDefault(s, 0);
        if (n < PER_STEP) {
            annotated.put(s, n + 1);
            out.append("::")
                    .append(command(s))
                    .append(" file=")
                    .append(property(d.path()))
                    .append(",line=")
                    .append(Integer.toString(d.line()))
                    .append(",col=")
                    .append(Integer.toString(d.column()))
                    .append(",title=")
                    .append(property(d.rule()))
                    .append("::")
                    .append(data(Diagnostic.visible(d.message())))
                    .append('\n');
        } else {
            over.merge(s, 1, Integer::sum);
            // a plain log line, escaped alike (one line each), printed with commands stopped
            plain.add(data(d.toText()));
        }
    }

    @Override
    public void finish(FileSummary summary) throws IOException {
        if (!plain.isEmpty()) {
            String token = token(plain);
            out.append("::stop-commands::").append(token).append('\n');
            for (String line : plain) {
                out.append(line).append('\n');
            }
            out.append("::").append(token).append("::\n");
        }
        StringBuilder b = new StringBuilder("atomizer: ")
                .append(count(summary.errors(), "error"))
                .append(", ")
                .append(count(summary.warnings(), "warning"))
                .append(" in ")
                .append(count(summary.entries(), "entry", "entries"));
        int errorsOver = over.getOrDefault(Severity.ERROR, 0);
        int warningsOver = over.getOrDefault(Severity.WARNING, 0);
        if (errorsOver + warningsOver > 0) {
            b.append(" (");
            if (errorsOver > 0) {
                b.append(count(errorsOver, "error"));
            }
            if (warningsOver > 0) {
                b.append(errorsOver > 0 ? ", " : "").append(count(warningsOver, "warning"));
            }
            b.append(" not annotated: GitHub shows ").append(PER_STEP).append(" per step)");
        }
        out.append(b).append('\n');
        if (out instanceof java.io.Flushable f) {
            f.flush();
        }
    }

    /** A token no line of {@code lines} holds: a digest of them all. */
    static String token(List<String> lines) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (String l : lines) {
                sha.update(l.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return "atomizer-" + java.util.HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static String command(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case OFF -> "notice"; // never reported: an off rule is not run
        };
    }

    /**
     * Escapes a command's data (the message), as the runner reads it: {@code %}, CR and LF
     * (actions/toolkit command.ts, escapeData).
     */
    public static String data(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '%' -> "%25";
                case '\r' -> "%0D";
                case '\n' -> "%0A";
                default -> null;
            };
            if (r != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (r != null) {
                    b.append(r);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }

    /** Escapes a property value: as {@link #data} and also {@code :} and {@code ,} (escapeProperty). */
    public static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    static String count(int n, String one) {
        return count(n, one, one + "s");
    }

    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
