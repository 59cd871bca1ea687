package dev.atomizer.derive;

import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.Severities;
import dev.atomizer.api.Severity;
import dev.atomizer.contract.Settings;
import dev.atomizer.git.History;
import dev.atomizer.lint.Linter;
import dev.atomizer.state.Entry;
import dev.atomizer.state.Format;
import dev.atomizer.state.LogState;
import dev.atomizer.state.ProjectHealth;
import dev.atomizer.state.Track;
import dev.atomizer.status.StatusFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The KPIs K1–K8, week by week (ISO weeks; the as-of's week is partial), computed from the
 * log, PROJECT_STATUS.md and, where given, the git history behind the files.
 */
public final class Kpis {

    /** One KPI's value in one week: its text, whether its target is met (null: not measurable), and the number charted (or null). */
    public record Value(String text, Boolean met, BigDecimal amount) {
        public Value(String text, Boolean met) {
            this(text, met, null);
        }

        static Value na(String why) {
            return new Value(why, null);
        }
    }

    /** One week's row. */
    public record Week(LocalDate monday, boolean partial, Map<String, Value> values) {
        public String id() {
            return Format.isoWeek(monday);
        }

        /** Every KPI measured and met. */
        public boolean allMet() {
            return values.values().stream().allMatch(v -> Boolean.TRUE.equals(v.met()));
        }
    }

    public static final List<String> IDS = List.of("K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8");

    private final Sources s;
    private final LogState log;
    private final Set<Integer> failing = new HashSet<>();
    private final int execLines;
    private final Settings settings;
    private List<History.Commit> visible;

    Kpis(Sources s, int execLines) {
        this.s = s;
        this.log = s.log();
        this.execLines = execLines;
        this.settings = s.contract().settings();
        lint();
    }

    /**
     * The commits K3 and G5 may see: those before the newest commit that changed the log, or all of
     * them when the log of these sources differs from the history's (the commit being made changes
     * it). So committing a report, or anything but the log, never changes this set, and derived files
     * made before such a commit are still what the generator makes after it; the commit shows once
     * the log moves on. Null without history.
     */
    List<History.Commit> visibleCommits() {
        History h = s.history();
        if (h == null) {
            return null;
        }
        if (visible == null) {
            List<History.Commit> all = h.commits();
            int last = -1;
            for (int i = 0; i < all.size(); i++) {
                if (dev.atomizer.git.LogFiles.addsEntries(all.get(i).paths())) {
                    last = i;
                }
            }
            boolean logChanges = last < 0 || !logBlobId().equals(h.tipEntries());
            visible = logChanges ? all : all.subList(0, last);
        }
        return visible;
    }

    /** The log's blob id, hashed from a stream of it. */
    private String logBlobId() {
        try {
            return History.blobId(s.openLog(), s.logSize());
        } catch (dev.atomizer.api.AtomizerException | IOException e) {
            throw new IllegalStateException(
                    dev.atomizer.api.Workspace.LOG + ": cannot read again: " + e.getMessage(), e);
        }
    }

    /** The first visible commit that added {@code path}, or null. */
    History.Commit committed(String path) {
        List<History.Commit> commits = visibleCommits();
        if (commits != null) {
            for (History.Commit c : commits) {
                if (c.paths().contains(path)) {
                    return c;
                }
            }
        }
        return null;
    }

    private static Sources lastSources;
    private static Kpis last;

    /** The KPIs of these sources, made once (the log is linted once for K2 and G2). */
    static synchronized Kpis of(Sources s) {
        if (s != lastSources) {
            int lines = s.log().asOf() == null
                    ? 0
                    : (int) new ExecSummary().render(s).lines().count();
            last = new Kpis(s, lines);
            lastSources = s;
        }
        return last;
    }

    /** The weekly rows, newest first: the as-of's week and up to {@code count - 1} weeks before it, not before the first entry. */
    public static List<Week> weeks(Sources s, int count) {
        if (s.log().asOf() == null) {
            return List.of();
        }
        Kpis k = of(s);
        LocalDate current = Window.weekStart(s.log().asOf().toLocalDate());
        LocalDate first = Window.weekStart(
                (s.log().oldest() == null ? s.log().asOf() : s.log().oldest()).toLocalDate());
        List<Week> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate monday = current.minusWeeks(i);
            if (monday.isBefore(first)) {
                break;
            }
            // minute-resolution timestamps: an as-of at Sunday 23:59 has seen the whole week
            boolean partial =
                    s.log().asOf().isBefore(monday.plusWeeks(1).atStartOfDay().minusMinutes(1));
            out.add(k.week(monday, partial));
        }
        return out;
    }

    private void lint() {
        if (s.logSize() == 0) {
            return;
        }
        Linter linter = new Linter(
                s.contract(),
                s.status().projects().isEmpty()
                        ? null
                        : s.status().projects().stream()
                                .map(StatusFile.Project::slug)
                                .collect(java.util.stream.Collectors.toSet()),
                Severities.of(s.contract().severities()));
        try (java.io.InputStream in = s.openLog()) {
            linter.lint(log.source(), in, (Diagnostic d) -> {
                if (d.severity() == Severity.ERROR) {
                    failing.add(log.headingOf(d.line()));
                }
            });
        } catch (IOException | dev.atomizer.api.AtomizerException e) {
            throw new IllegalStateException(
                    dev.atomizer.api.Workspace.LOG + ": cannot read again: " + e.getMessage(), e);
        }
    }

    private Week week(LocalDate monday, boolean partial) {
        LocalDateTime from = monday.atStartOfDay();
        // a complete week ends at the next Monday 00:00 (exclusive); the partial one at the as-of (inclusive)
        LocalDateTime end =
                partial ? log.asOf().plusNanos(1) : monday.plusWeeks(1).atStartOfDay();
        List<Entry> in = new ArrayList<>();
        for (Entry e : log.between(from, end)) {
            if (!e.time().isBefore(from) && e.time().isBefore(end)) {
                in.add(e);
            }
        }
        Map<String, Value> v = new LinkedHashMap<>();
        v.put("K1", freshness(from, end, partial));
        v.put("K2", compliance(in));
        v.put("K3", reportOnTime(monday));
        v.put("K4", partial ? new Value(execLines + " lines", execLines <= ExecSummary.MAX_LINES) : Value.na("–"));
        v.put("K5", backlog(end));
        v.put("K6", partial ? surprises() : Value.na("–"));
        v.put("K7", errorRate(in));
        v.put("K8", cost(in));
        return new Week(monday, partial, v);
    }

    /**
     * K1: for each commit of the week that changed the log, the time until a commit (in the same
     * week) changed the exec summary; the worst of the week. Only complete weeks: commits made
     * later never change a week's value, so the file stays true once committed.
     */
    private Value freshness(LocalDateTime from, LocalDateTime end, boolean partial) {
        History h = s.history();
        if (h == null) {
            return Value.na("no git history");
        }
        if (partial) {
            return Value.na("week not over");
        }
        Duration worst = null;
        int never = 0;
        List<History.Commit> commits = h.commits();
        for (int i = 0; i < commits.size(); i++) {
            History.Commit c = commits.get(i);
            LocalDateTime t = LocalDateTime.ofInstant(c.time(), settings.zone());
            if (!dev.atomizer.git.LogFiles.addsEntries(c.paths()) || t.isBefore(from) || !t.isBefore(end)) {
                continue;
            }
            Duration lag = null;
            for (int j = i; j < commits.size(); j++) {
                History.Commit d = commits.get(j);
                if (!LocalDateTime.ofInstant(d.time(), settings.zone()).isBefore(end)) {
                    break;
                }
                if (d.paths().contains(ExecSummary.PATH)) {
                    lag = Duration.between(c.time(), d.time());
                    break;
                }
            }
            if (lag == null) {
                never++;
            } else if (worst == null || lag.compareTo(worst) > 0) {
                worst = lag.isNegative() ? Duration.ZERO : lag;
            }
        }
        if (never > 0) {
            return new Value(
                    never + " log commit" + (never == 1 ? "" : "s") + " never followed by a regeneration", false);
        }
        if (worst == null) {
            return Value.na("no log commits");
        }
        return new Value(Format.age(worst), worst.compareTo(settings.minutes(Settings.Setting.K1_TARGET)) <= 0);
    }

    /** Whether an entry has no error diagnostic. */
    boolean compliant(Entry e) {
        return !failing.contains(e.line());
    }

    /** K2: entries of the week without an error, of all the week's entries. */
    private Value compliance(List<Entry> in) {
        if (in.isEmpty()) {
            return Value.na("no entries");
        }
        long ok = in.stream().filter(e -> !failing.contains(e.line())).count();
        return new Value(
                Format.percent(ok, in.size(), 1) + " of " + in.size(),
                BigDecimal.valueOf(ok * 100L)
                                .compareTo(settings.decimal(Settings.Setting.K2_TARGET)
                                        .multiply(BigDecimal.valueOf(in.size())))
                        >= 0,
                BigDecimal.valueOf(ok * 1000L / in.size(), 1));
    }

    /**
     * K3: the week's report committed by its due time (the contract's {@code Weekly report due}).
     * Read from the visible commits only ({@link #visibleCommits()}), so it settles. The original's
     * commit is the one that counts; the latest committed revision is named beside it.
     */
    private Value reportOnTime(LocalDate monday) {
        if (s.history() == null) {
            return Value.na("no git history");
        }
        Instant due = settings.weekly().due(monday);
        String original = reportPath(monday);
        History.Commit c = committed(original);
        if (c != null) {
            // the original's commit counts; a revision corrects the report, not when it came
            int latest = 1;
            while (committed(dev.atomizer.api.Revision.path(original, latest + 1)) != null) {
                latest++;
            }
            String revised = latest == 1 ? "" : " (latest: r" + latest + ")";
            Duration late = Duration.between(due, c.time());
            return late.isNegative() || late.isZero()
                    ? new Value("on time" + revised, true)
                    : new Value(Format.age(late) + " late" + revised, false);
        }
        Instant now = log.asOf().atZone(settings.zone()).toInstant();
        return now.isBefore(due) ? Value.na("not due yet") : new Value("missing", false);
    }

    /** Where the weekly report of the week starting on {@code monday} lives. */
    static String reportPath(LocalDate monday) {
        return dev.atomizer.api.Workspace.weeklyReport(Format.isoWeek(monday));
    }

    /** K5: the oldest decision still open at the end of the week. */
    private Value backlog(LocalDateTime end) {
        Duration worst = null;
        for (Track t : log.decisions()) {
            if (!t.since().isBefore(end) || !t.open() && t.latestTime().isBefore(end)) {
                continue; // opened later, or closed by the week's end: no entry to read
            }
            Entry state = null;
            for (Entry e : t.entries()) {
                if (e.time().isBefore(end)) {
                    state = e;
                }
            }
            if (state != null && !state.is(Entry.COMPLETED) && !state.is(Entry.FAILED)) {
                Duration age = Duration.between(t.since(), end.getNano() == 1 ? end.minusNanos(1) : end);
                if (worst == null || age.compareTo(worst) > 0) {
                    worst = age;
                }
            }
        }
        return worst == null
                ? new Value("none open", true, BigDecimal.ZERO)
                : new Value(
                        Format.age(worst),
                        worst.compareTo(settings.minutes(Settings.Setting.K5_TARGET)) <= 0,
                        BigDecimal.valueOf(worst.toMinutes() / 6, 1));
    }

    /** K6: projects PROJECT_STATUS.md declares better than the log shows (Green over Amber or Red, Amber over Red). */
    private Value surprises() {
        if (!s.status().present()) {
            return Value.na("no PROJECT_STATUS.md");
        }
        List<String> names = new ArrayList<>();
        for (ProjectHealth p : ProjectHealth.of(log, s.status())) {
            if (p.declared() != null
                    && p.derived() != null
                    && p.declared().ordinal() < p.derived().ordinal()) {
                names.add(p.slug());
            }
        }
        return new Value(names.isEmpty() ? "0" : names.size() + " (" + String.join(", ", names) + ")", names.isEmpty());
    }

    /** K7: the worst agent's share of error entries ({@code error} or status failed) in its entries of the week. */
    private Value errorRate(List<Entry> in) {
        Map<String, int[]> byAgent = new HashMap<>();
        for (Entry e : in) {
            int[] c = byAgent.computeIfAbsent(e.agent(), k -> new int[2]);
            c[0]++;
            if (log.isError(e)) {
                c[1]++;
            }
        }
        String worst = null;
        double rate = -1;
        for (Map.Entry<String, int[]> a : new java.util.TreeMap<>(byAgent).entrySet()) {
            double r = a.getValue()[1] / (double) a.getValue()[0];
            if (r > rate) {
                rate = r;
                worst = a.getKey();
            }
        }
        if (worst == null) {
            return Value.na("no entries");
        }
        int[] c = byAgent.get(worst);
        return new Value(
                Format.percent(c[1], c[0], 1) + " (" + worst + ")",
                BigDecimal.valueOf(c[1] * 100L)
                                .compareTo(settings.decimal(Settings.Setting.K7_TARGET)
                                        .multiply(BigDecimal.valueOf(c[0])))
                        <= 0);
    }

    /** K8: cost_usd of entries tagged {@code generation=} (dashboards and report work). */
    private Value cost(List<Entry> in) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Entry e : in) {
            BigDecimal c = e.decimal("cost_usd");
            if (e.metric("generation") != null && c != null) {
                sum = sum.add(c);
            }
        }
        return new Value(Format.usd(sum), sum.compareTo(settings.decimal(Settings.Setting.K8_TARGET)) <= 0);
    }
}
