package dev.atomizer.derive;

import dev.atomizer.state.Entry;
import dev.atomizer.state.Format;
import dev.atomizer.state.LogState;
import dev.atomizer.state.Track;
import dev.atomizer.status.StatusFile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code operations.md}: agent health, throughput per agent per day, queue depth, token
 * budget against use, and alerts.
 */
public final class Operations extends Artifact {

    public static final String PATH = "shared/dashboards/operations.md";
    static final int DAYS = 7;
    static final int MAX_ROWS = 15;
    static final Duration DAY = Duration.ofHours(24);
    static final Duration SILENT = Duration.ofHours(72);

    public Operations() {
        super(PATH);
    }

    @Override
    public String render(Sources s) {
        LogState log = s.log();
        Page page = s.page("Operations dashboard");
        if (log.asOf() == null) {
            page.paragraph("*The log has no entries yet.*");
            return page.text();
        }
        List<String> agents = agents(s);
        Map<String, AgentStats> stats = stats(log, agents);
        List<String> alerts = new ArrayList<>();
        health(page, log, agents, stats, alerts);
        throughput(page, log, agents);
        queue(page, log, alerts, s.contract().settings().minutes(dev.atomizer.contract.Settings.Setting.K5_TARGET));
        budget(page, s, stats, alerts);
        page.h2("Alerts");
        page.bullets(alerts.isEmpty() ? List.of("*None.*") : capped(alerts));
        page.paragraph(
                "Disk, memory and process health are not in the repository; the alerts above come from the log.");
        return page.text();
    }

    /** The contract's agent registry in its order, then other agents of the log by name. */
    private static List<String> agents(Sources s) {
        Set<String> out = new LinkedHashSet<>(s.contract().agents());
        out.addAll(new TreeSet<>(s.log().agents()));
        return List.copyOf(out);
    }

    /** What one agent did. */
    static final class AgentStats {
        Entry last;
        int errors24h;
        int entries7d;
        long tokensMonth;
    }

    private static Map<String, AgentStats> stats(LogState log, List<String> agents) {
        LocalDateTime asOf = log.asOf();
        LocalDateTime monthStart = Window.monthStart(asOf);
        LocalDateTime weekStart = asOf.toLocalDate().minusDays(DAYS - 1L).atStartOfDay();
        Map<String, AgentStats> out = new HashMap<>();
        for (String a : agents) {
            out.put(a, new AgentStats());
        }
        for (Entry e : log.entries()) {
            AgentStats st = out.get(e.agent());
            if (st.last == null || !e.time().isBefore(st.last.time())) {
                st.last = e;
            }
            if (log.isError(e) && Duration.between(e.time(), asOf).compareTo(DAY) <= 0) {
                st.errors24h++;
            }
            if (!e.time().isBefore(weekStart) && !e.time().isAfter(asOf)) {
                st.entries7d++;
            }
            if (!e.time().isBefore(monthStart)) {
                st.tokensMonth += e.count("tokens");
            }
        }
        return out;
    }

    private static void health(
            Page page, LogState log, List<String> agents, Map<String, AgentStats> stats, List<String> alerts) {
        page.h2("Agent health");
        Md.Table t = new Md.Table("Agent", "Health", "Last active", "Idle:", "Errors (24 h):", "Entries (7 days):");
        for (String a : agents) {
            AgentStats st = stats.get(a);
            if (st.last == null) {
                t.row(a, "⚪ no entries", "–", "–", "0", "0");
                continue;
            }
            Duration idle = Duration.between(st.last.time(), log.asOf());
            String health = st.errors24h >= 3 || idle.compareTo(SILENT) > 0
                    ? "🔴"
                    : st.errors24h > 0 || idle.compareTo(DAY) > 0 ? "🟠" : "🟢";
            t.row(
                    a,
                    health,
                    Format.timestamp(st.last.time()),
                    Format.age(idle),
                    Integer.toString(st.errors24h),
                    Integer.toString(st.entries7d));
            if (st.errors24h > 0) {
                alerts.add("**" + a + "**: " + st.errors24h + " error" + (st.errors24h == 1 ? "" : "s")
                        + " in the last 24 h");
            }
            if (idle.compareTo(SILENT) > 0) {
                alerts.add("**" + a + "**: silent for " + Format.age(idle));
            }
        }
        page.table(t);
        page.paragraph("Health: 🔴 three or more errors in 24 h or silent over 72 h; 🟠 an error in 24 h or idle over "
                + "24 h; 🟢 otherwise. Errors are `error` entries and entries with status `failed`.");
    }

    private static void throughput(Page page, LogState log, List<String> agents) {
        page.h2("Throughput");
        LocalDate last = log.asOf().toLocalDate();
        LocalDate first = last.minusDays(DAYS - 1L);
        Map<String, int[]> counts = new HashMap<>();
        long[] tokens = new long[DAYS];
        for (Entry e : log.since(first.atStartOfDay())) {
            LocalDate d = e.time().toLocalDate();
            if (!d.isBefore(first) && !d.isAfter(last)) {
                int day = (int) (d.toEpochDay() - first.toEpochDay());
                counts.computeIfAbsent(e.agent(), k -> new int[DAYS])[day]++;
                tokens[day] += e.count("tokens");
            }
        }
        String[] headers = new String[DAYS + 2];
        headers[0] = "Agent";
        for (int i = 0; i < DAYS; i++) {
            LocalDate d = first.plusDays(i);
            headers[i + 1] = Format.day(d) + ":";
        }
        headers[DAYS + 1] = "Total:";
        Md.Table t = new Md.Table(headers);
        int[] total = new int[DAYS];
        for (String a : agents) {
            int[] c = counts.getOrDefault(a, new int[DAYS]);
            String[] row = new String[DAYS + 2];
            row[0] = a;
            int sum = 0;
            for (int i = 0; i < DAYS; i++) {
                row[i + 1] = Integer.toString(c[i]);
                sum += c[i];
                total[i] += c[i];
            }
            row[DAYS + 1] = Integer.toString(sum);
            t.row(row);
        }
        String[] row = new String[DAYS + 2];
        row[0] = "**all**";
        int sum = 0;
        for (int i = 0; i < DAYS; i++) {
            row[i + 1] = "**" + total[i] + "**";
            sum += total[i];
        }
        row[DAYS + 1] = "**" + sum + "**";
        t.rowMarkdown(row);
        page.paragraph("Log entries per agent per day, " + Format.date(first) + " to " + Format.date(last) + ":");
        page.table(t);
        List<String> days = new ArrayList<>();
        List<java.math.BigDecimal> entries = new ArrayList<>();
        List<java.math.BigDecimal> used = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            LocalDate d = first.plusDays(i);
            days.add(Format.day(d));
            entries.add(java.math.BigDecimal.valueOf(total[i]));
            used.add(java.math.BigDecimal.valueOf(tokens[i]));
        }
        page.lines(Chart.categories("Log entries per day", "day", days, "entries")
                .bar("entries", entries)
                .lines());
        if (used.stream().anyMatch(v -> v.signum() > 0)) {
            page.lines(Chart.categories("Tokens used per day", "day", days, "tokens")
                    .bar("tokens", used)
                    .lines());
        }
    }

    private static void queue(Page page, LogState log, List<String> alerts, Duration decisionTarget) {
        page.h2("Queue depth");
        LocalDateTime asOf = log.asOf();
        List<Track> delegations = new ArrayList<>();
        for (Track t : log.delegations()) {
            if (t.open()) {
                delegations.add(t);
            }
        }
        delegations.sort(Comparator.comparing(Track::since));
        List<Track> blocked = log.blocked();
        blocked.sort(Comparator.comparing(Track::blockedSince));
        long decisions = log.decisions().stream().filter(Track::open).count();
        page.paragraph("Open delegations: **" + delegations.size() + "** · blocked: **" + blocked.size()
                + "** · decisions waiting: **" + decisions + "**");
        if (!delegations.isEmpty()) {
            page.h3("Open delegations, oldest first");
            Md.Table t = new Md.Table("Task", "Project", "From", "To", "Open for:", "Summary");
            for (Track d : delegations.subList(0, Math.min(MAX_ROWS, delegations.size()))) {
                String to = d.first().metric("to");
                t.row(
                        d.name(),
                        d.project(),
                        d.first().agent(),
                        to == null ? "–" : to,
                        Format.age(d.age(asOf)),
                        Md.clip(d.first().summary(), 80));
            }
            page.table(t);
            more(page, delegations.size());
        }
        if (!blocked.isEmpty()) {
            page.h3("Blocked, longest first");
            Md.Table t = new Md.Table("Item", "Project", "Agent", "Blocked for:", "Blockers");
            for (Track b : blocked.subList(0, Math.min(MAX_ROWS, blocked.size()))) {
                Duration d = Duration.between(b.blockedSince(), asOf);
                String why = b.latest().blockers() != null
                        ? b.latest().blockers()
                        : b.latest().summary();
                t.row(b.name(), b.project(), b.latest().agent(), Format.age(d), Md.clip(Md.inline(why), 80));
                if (d.compareTo(Duration.ofHours(48)) > 0) {
                    alerts.add("**" + Md.inline(b.name()) + "** (" + b.project() + ") blocked for " + Format.age(d));
                }
            }
            page.table(t);
            more(page, blocked.size());
        }
        for (Track d : log.decisions()) {
            if (d.open() && d.age(asOf).compareTo(decisionTarget) > 0) {
                alerts.add("decision **" + Md.inline(d.name()) + "** (" + d.project() + ") waiting "
                        + Format.age(d.age(asOf)) + ", over the " + KpiMetrics.target(decisionTarget) + " target (K5)");
            }
        }
    }

    private static void more(Page page, int size) {
        if (size > MAX_ROWS) {
            page.paragraph("…and " + (size - MAX_ROWS) + " more.");
        }
    }

    /** Month-to-date tokens against the monthly budget, projected linearly to the month's end. */
    private static void budget(Page page, Sources s, Map<String, AgentStats> stats, List<String> alerts) {
        page.h2("Token budget");
        LocalDateTime asOf = s.log().asOf();
        LocalDateTime monthStart = Window.monthStart(asOf);
        long elapsed = Math.max(1, Duration.between(monthStart, asOf).toMinutes());
        long month = Duration.between(monthStart, monthStart.plusMonths(1)).toMinutes();
        Map<String, Long> budgets = new HashMap<>();
        for (StatusFile.Budget b : s.status().budgets()) {
            budgets.put(b.agent(), b.monthlyTokens());
        }
        List<String> agents = new ArrayList<>(stats.keySet());
        agents.sort(Comparator.naturalOrder());
        Md.Table t = new Md.Table("Agent", "Used this month:", "Projected month:", "Budget:", "Used:", "Projected:");
        long used = 0;
        long projected = 0;
        long budget = 0;
        for (String a : agents) {
            long u = stats.get(a).tokensMonth;
            long p = projected(u, elapsed, month);
            Long b = budgets.get(a);
            used += u;
            projected += p;
            budget += b == null ? 0 : b;
            t.row(
                    a,
                    Format.count(u),
                    Format.count(p),
                    b == null ? "–" : Format.count(b),
                    b == null ? "–" : Format.percent(u, b),
                    b == null ? "–" : Format.percent(p, b));
        }
        t.rowMarkdown(
                "**all**",
                "**" + Format.count(used) + "**",
                "**" + Format.count(projected) + "**",
                budget == 0 ? "–" : "**" + Format.count(budget) + "**",
                budget == 0 ? "–" : Format.percent(used, budget),
                budget == 0 ? "–" : Format.percent(projected, budget));
        for (Overrun o : overruns(s, asOf)) {
            alerts.add("**" + o.agent() + "**: projected " + Format.count(o.projected())
                    + " tokens this month, over its budget of " + Format.count(o.budget()) + " ("
                    + Format.percent(o.projected(), o.budget()) + ")");
        }
        page.paragraph("Month " + Format.date(monthStart.toLocalDate()).substring(0, 7) + " to "
                + Format.timestamp(asOf) + "; budgets from the `## Budgets` table of PROJECT_STATUS.md"
                + (budgets.isEmpty() ? " (none listed)" : "") + ".");
        page.table(t);
    }

    /** Tokens used in {@code elapsed} minutes of a {@code month}-minute month, projected linearly to its end. */
    private static long projected(long used, long elapsed, long month) {
        return BigDecimal.valueOf(used)
                .multiply(BigDecimal.valueOf(month))
                .divide(BigDecimal.valueOf(elapsed), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** An agent whose month's tokens, projected to the month's end, exceed its budget. */
    public record Overrun(String agent, long projected, long budget) {}

    /**
     * The agents over budget at {@code now}, in name order, as the token budget section projects them
     * (month-to-date tokens up to {@code now}, projected linearly to the month's end).
     */
    public static List<Overrun> overruns(Sources s, LocalDateTime now) {
        LocalDateTime monthStart = Window.monthStart(now);
        long elapsed = Math.max(1, Duration.between(monthStart, now).toMinutes());
        long month = Duration.between(monthStart, monthStart.plusMonths(1)).toMinutes();
        Map<String, Long> used = new java.util.TreeMap<>();
        for (Entry e : s.log().since(monthStart)) {
            if (!e.time().isBefore(monthStart) && !e.time().isAfter(now)) {
                used.merge(e.agent(), e.count("tokens"), Long::sum);
            }
        }
        List<Overrun> out = new ArrayList<>();
        for (StatusFile.Budget b : s.status().budgets()) {
            long p = projected(used.getOrDefault(b.agent(), 0L), elapsed, month);
            if (p > b.monthlyTokens()) {
                out.add(new Overrun(b.agent(), p, b.monthlyTokens()));
            }
        }
        out.sort(java.util.Comparator.comparing(Overrun::agent));
        return out;
    }

    private static List<String> capped(List<String> alerts) {
        if (alerts.size() <= MAX_ROWS) {
            return alerts;
        }
        List<String> out = new ArrayList<>(alerts.subList(0, MAX_ROWS - 1));
        out.add("…and " + (alerts.size() - MAX_ROWS + 1) + " more");
        return out;
    }
}
