import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes a deterministic, valid project log of N entries for the Atomizer benchmark.
 *
 * <p>Usage: {@code java bench/GenerateLog.java N OUT}
 *
 * <p>Same N gives the same bytes on every run and machine: fixed seed, no wall clock, LF line
 * endings, UTF-8 (ASCII only). Timestamps start at 2026-01-05 08:00 and advance 0..7 minutes per
 * entry. About 1 entry in 10 has a multi-line Detail with a bullet list and about 1 in 50 a fenced
 * code block holding a {@code ---} line and a fake entry heading (code, which must not break
 * parsing). Entries average about 230 bytes, so 100,000 entries make about 23 MB.
 *
 * <p>Entries are separated by a blank line; the file ends with the last entry's {@code ---} line
 * (no trailing blank line, which markdownlint's MD012 would flag), so both linters in the benchmark
 * see a clean file.
 *
 * <p>The output is written to a temporary file beside OUT and moved into place, so OUT is never
 * half-written.
 */
public final class GenerateLog {

    private static final long SEED = 20260105L;

    private static final String[] AGENTS = {
        "manager", "tech-lead", "secretary", "auditor", "optimizer", "study-builder", "nx-expert", "webster"
    };

    private static final String[] PROJECTS = {
        "bracket-topology", "wing-rib-sizing", "hull-fairing", "gearbox-mount", "heat-sink-array"
    };

    private static final String[] EVENTS = {
        "study-start", "study-iteration", "study-complete", "review-request", "decision-needed",
        "task-delegated", "task-completed", "error", "milestone"
    };

    // Relative weights of EVENTS (same order): iterations dominate a real optimisation log.
    private static final int[] EVENT_WEIGHTS = {6, 40, 5, 9, 6, 12, 12, 4, 6};

    private static final String[] VERBS = {
        "Ran", "Checked", "Updated", "Reviewed", "Rebuilt", "Meshed", "Compared", "Summarised",
        "Validated", "Prepared", "Exported", "Scheduled"
    };

    private static final String[] OBJECTS = {
        "the baseline mesh", "the load cases", "the boundary conditions", "the design space",
        "the solver settings", "the convergence history", "the mass budget", "the stress report",
        "the material cards", "the parameter sweep", "the results archive", "the review notes"
    };

    private static final String[] TAILS = {
        "for the next design pass", "against last week's numbers", "after the contract update",
        "with the tighter tolerance", "before handing over to review", "using the coarse model",
        "on the shared workstation", "per the tech-lead's request", "to unblock the optimizer",
        "and logged the outcome"
    };

    private static final String[] BULLETS = {
        "Max von Mises stress stays below the allowable",
        "Mass is within two percent of the target",
        "Mesh refinement changed the peak by under one percent",
        "Two load cases still need a manual check",
        "Solver warnings were benign contact messages",
        "Results archived under the study folder",
        "First mode frequency moved up slightly",
        "Constraint on displacement is active"
    };

    private static final String[] BLOCKERS = {
        "Waiting for nx-expert to fix the licence server; manager can escalate.",
        "Missing load spectrum from the customer; tech-lead to chase.",
        "Solver crashes on the refined mesh; nx-expert to investigate.",
        "Review slot not booked yet; secretary can schedule it."
    };

    private GenerateLog() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java bench/GenerateLog.java N OUT");
            System.exit(2);
        }
        int n;
        try {
            n = Integer.parseInt(args[0]);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 0) {
            System.err.println("GenerateLog: N must be a non-negative integer, got '" + args[0] + "'");
            System.exit(2);
        }
        Path out = Path.of(args[1]).toAbsolutePath();
        Path dir = out.getParent();
        Files.createDirectories(dir);
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try {
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16)) {
                write(w, n);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void write(Writer w, int n) throws IOException {
        Random rnd = new Random(SEED);
        Map<String, Integer> iterations = new HashMap<>();
        Map<String, Double> objectives = new HashMap<>();
        LocalDateTime t = LocalDateTime.of(2026, 1, 5, 8, 0);
        StringBuilder e = new StringBuilder(1024);
        LocalDateTime minute = null;
        Set<String> headingsThisMinute = new HashSet<>();

        w.write("# Project log\n\n");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                t = t.plusMinutes(rnd.nextInt(8));
            }
            String agent = AGENTS[rnd.nextInt(AGENTS.length)];
            String project = PROJECTS[rnd.nextInt(PROJECTS.length)];
            String event = EVENTS[pickWeighted(rnd, EVENT_WEIGHTS)];
            String status = statusFor(event, rnd);
            // Same minute, agent, project and event would repeat a heading (markdownlint MD024):
            // move such an entry one minute on instead.
            String key = agent + '|' + project + '|' + event;
            if (!t.equals(minute)) {
                minute = t;
                headingsThisMinute.clear();
            }
            if (!headingsThisMinute.add(key)) {
                t = t.plusMinutes(1);
                minute = t;
                headingsThisMinute.clear();
                headingsThisMinute.add(key);
            }

            e.setLength(0);
            if (i > 0) {
                e.append('\n'); // the blank line after the previous entry's `---`
            }
            e.append("## [");
            appendTimestamp(e, t);
            e.append("] ").append(agent).append(" | ").append(project).append(" | ").append(event).append("\n\n");
            e.append("**Status:** ").append(status).append('\n');
            e.append("**Summary:** ").append(VERBS[rnd.nextInt(VERBS.length)]).append(' ')
                .append(OBJECTS[rnd.nextInt(OBJECTS.length)]);
            if (rnd.nextBoolean()) {
                e.append(' ').append(TAILS[rnd.nextInt(TAILS.length)]);
            }
            e.append(".\n");

            int detailRoll = rnd.nextInt(100);
            if (detailRoll < 2) {
                // Fenced code holding a thematic break and a heading-shaped line: both are code.
                e.append("**Detail:** Solver output excerpt:\n\n");
                e.append("```text\n");
                e.append("step ").append(1 + rnd.nextInt(400)).append(" residual 1.").append(rnd.nextInt(10))
                    .append("e-0").append(3 + rnd.nextInt(6)).append('\n');
                e.append("---\n");
                e.append("## [2026-01-01 00:00] fake | x | y\n");
                e.append("```\n\n");
            } else if (detailRoll < 12) {
                e.append("**Detail:** Findings from this pass:\n\n");
                int bullets = 2 + rnd.nextInt(2);
                int first = rnd.nextInt(BULLETS.length);
                for (int b = 0; b < bullets; b++) {
                    e.append("- ").append(BULLETS[(first + b) % BULLETS.length]).append('\n');
                }
                e.append('\n');
            }

            e.append("**Metrics:** ");
            if (event.equals("study-iteration")) {
                int iteration = iterations.merge(project, 1, Integer::sum);
                double objective = objectives.getOrDefault(project, 100.0 + rnd.nextInt(400));
                objective = Math.max(1.0, objective * (0.95 + rnd.nextDouble() * 0.06));
                objectives.put(project, objective);
                e.append("iteration=").append(iteration).append(", objective=");
                appendFixed(e, objective, 4);
                e.append(", ");
            }
            e.append("tokens=").append(200 + rnd.nextInt(4800)).append(", cost_usd=");
            appendFixed(e, 0.01 + rnd.nextInt(150) / 100.0, 2);
            if (rnd.nextInt(3) == 0) {
                e.append(", duration_s=").append(5 + rnd.nextInt(900));
            }
            e.append('\n');

            if (status.equals("blocked")) {
                e.append("**Blockers:** ").append(BLOCKERS[rnd.nextInt(BLOCKERS.length)]).append('\n');
            }
            e.append("\n---\n");
            w.append(e);
        }
    }

    private static String statusFor(String event, Random rnd) {
        switch (event) {
            case "study-complete":
            case "task-completed":
            case "milestone":
                return "completed";
            case "error":
                return rnd.nextInt(4) == 0 ? "blocked" : "failed";
            case "decision-needed":
                return "blocked";
            default:
                int r = rnd.nextInt(100);
                return r < 85 ? "in-progress" : r < 95 ? "completed" : "blocked";
        }
    }

    private static int pickWeighted(Random rnd, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = rnd.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static void appendTimestamp(StringBuilder sb, LocalDateTime t) {
        sb.append(t.getYear()).append('-');
        pad2(sb, t.getMonthValue());
        sb.append('-');
        pad2(sb, t.getDayOfMonth());
        sb.append(' ');
        pad2(sb, t.getHour());
        sb.append(':');
        pad2(sb, t.getMinute());
    }

    private static void pad2(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }

    /** Locale-independent fixed-point formatting (String.format would follow the default locale). */
    private static void appendFixed(StringBuilder sb, double v, int decimals) {
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long scaled = Math.round(v * scale);
        sb.append(scaled / scale).append('.');
        String frac = Long.toString(scaled % scale);
        for (int i = frac.length(); i < decimals; i++) {
            sb.append('0');
        }
        sb.append(frac);
    }
}
