package dev.atomizer.derive;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.state.Entry;
import dev.atomizer.state.Format;
import dev.atomizer.state.LogState;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The rollout gates G1–G6. Sign-offs are {@code milestone} entries carrying {@code gate=Gn}; G2, G4,
 * G5 and G6 are also computed from the log, the weekly KPIs and the repository's files.
 *
 * @param id       G1 … G6
 * @param passed   passed (computed, or signed off where only a person can judge)
 * @param evidence what decided it
 */
public record Gates(String id, String name, boolean passed, String evidence) {

    /** Every gate, in order. {@code weeks} are the KPI rows, newest first. */
    public static List<Gates> of(Sources s, List<Kpis.Week> weeks) {
        LogState log = s.log();
        List<Gates> out = new ArrayList<>();
        String approvers = approvers(s);
        out.add(signOff(log, "G1", "Schema approved", approvers + " signs off the data contracts and layout"));
        out.add(computed(log, "G2", "Logging stable", g2(s)));
        out.add(signOff(
                log, "G3", "Exec dashboard valid", approvers + " confirms the exec summary matches the team's view"));
        out.add(computed(log, "G4", "Full dashboards live", g4(s, weeks)));
        out.add(computed(log, "G5", "Reports automated", g5(s, weeks)));
        out.add(computed(log, "G6", "System mature", g6(weeks)));
        return out;
    }

    /** "an approver (ceo or mario)": who may sign off, from the contract's Approvers table. */
    private static String approvers(Sources s) {
        List<String> a = new ArrayList<>(s.contract().approvers());
        if (a.size() == 1) {
            return "the approver " + a.get(0);
        }
        return "an approver (" + String.join(", ", a.subList(0, a.size() - 1)) + " or " + a.get(a.size() - 1) + ")";
    }

    private static Entry milestone(LogState log, String gate) {
        return milestones(log).get(gate);
    }

    private static LogState milestonesOf;
    private static Map<String, Entry> milestones;

    /** The first completed milestone of each gate, found in one pass over the log (kept for the last log asked). */
    private static synchronized Map<String, Entry> milestones(LogState log) {
        if (log != milestonesOf) {
            Map<String, Entry> first = new HashMap<>();
            for (Entry e : log.entries()) {
                String gate = e.metric("gate");
                if (gate != null && log.isMilestone(e)) {
                    first.putIfAbsent(gate, e);
                }
            }
            milestones = first;
            milestonesOf = log;
        }
        return milestones;
    }

    private static Gates signOff(LogState log, String id, String name, String who) {
        Entry e = milestone(log, id);
        return e == null
                ? new Gates(
                        id,
                        name,
                        false,
                        "no sign-off yet (" + who + "; a completed "
                                + String.join(
                                                " or ",
                                                log.sections().of(dev.atomizer.contract.Sections.Section.MILESTONES))
                                        .replaceFirst("^$", "log")
                                + " entry with gate=" + id + ")")
                : new Gates(
                        id,
                        name,
                        true,
                        "signed off " + Format.timestamp(e.time()) + " by " + e.agent() + " (log line " + e.line()
                                + ")");
    }

    /** A computed criterion; a sign-off milestone is shown beside it. */
    private static Gates computed(LogState log, String id, String name, String[] result) {
        Entry e = milestone(log, id);
        String evidence =
                result[1] + (e == null ? "" : "; milestone " + Format.timestamp(e.time()) + " by " + e.agent());
        return new Gates(id, name, result[0] != null, evidence);
    }

    /**
     * G2: a 48 h window ending at a day's end with ≥ 95% compliant entries from every agent active
     * in the 7 days before it. One sweep over the entries in time order: three cursors (the window's
     * end, its 48 h start, its 7-day start) only move forward, with a count per agent in each window,
     * so the sweep holds no entry list, whatever the log's length.
     */
    private static String[] g2(Sources s) {
        LogState log = s.log();
        if (log.asOf() == null || log.entries().isEmpty()) {
            return new String[] {null, "no entries yet"};
        }
        Kpis k = Kpis.of(s);
        List<Entry> byTime = log.byTime();
        Window to = new Window(byTime.iterator());
        Window from = new Window(byTime.iterator());
        Window week = new Window(byTime.iterator());
        Map<String, Integer> logged = new HashMap<>();
        Map<String, Integer> active = new HashMap<>();
        int total = 0;
        int ok = 0;
        LocalDate first = byTime.get(0).time().toLocalDate();
        for (LocalDate d = first.plusDays(1); !d.isAfter(log.asOf().toLocalDate()); d = d.plusDays(1)) {
            LocalDateTime end = d.plusDays(1).atStartOfDay();
            for (Entry e; (e = to.nextBefore(end)) != null; ) {
                total++;
                ok += k.compliant(e) ? 1 : 0;
                logged.merge(e.agent(), 1, Integer::sum);
                active.merge(e.agent(), 1, Integer::sum);
            }
            for (Entry e; (e = from.nextBefore(end.minusHours(48))) != null; ) {
                total--;
                ok -= k.compliant(e) ? 1 : 0;
                logged.computeIfPresent(e.agent(), (a, n) -> n == 1 ? null : n - 1);
            }
            for (Entry e; (e = week.nextBefore(end.minusDays(7))) != null; ) {
                active.computeIfPresent(e.agent(), (a, n) -> n == 1 ? null : n - 1);
            }
            if (total == 0 || ok * 100L < 95L * total) {
                continue;
            }
            // the 48 h window lies inside the 7 days: every agent logging is active, so equal counts say all
            if (logged.size() == active.size()) {
                return new String[] {
                    "",
                    "48 h to " + Format.date(d) + " 24:00: " + Format.percent(ok, total) + " of " + total
                            + " entries compliant, all " + active.size() + " active agents logging"
                };
            }
        }
        return new String[] {null, "no 48 h window yet with ≥ 95% compliant entries from every active agent"};
    }

    /** A cursor over entries in time order that hands out, one by one, those before a moment. */
    private static final class Window {
        private final Iterator<Entry> it;
        private Entry next;

        Window(Iterator<Entry> it) {
            this.it = it;
            this.next = it.hasNext() ? it.next() : null;
        }

        Entry nextBefore(LocalDateTime t) {
            if (next == null || !next.time().isBefore(t)) {
                return null;
            }
            Entry e = next;
            next = it.hasNext() ? it.next() : null;
            return e;
        }
    }

    /**
     * G4: K1 met in the last complete week (the three dashboards are regenerated with this file,
     * so their presence proves nothing: freshness is the criterion).
     */
    private static String[] g4(Sources s, List<Kpis.Week> weeks) {
        Kpis.Week last = weeks.stream().filter(w -> !w.partial()).findFirst().orElse(null);
        if (last == null) {
            return new String[] {null, "no complete week yet"};
        }
        Kpis.Value k1 = last.values().get("K1");
        if (!Boolean.TRUE.equals(k1.met())) {
            return new String[] {null, "K1 in " + last.id() + ": " + k1.text()};
        }
        return new String[] {"", "dashboards regenerated within " + k1.text() + " of every log commit in " + last.id()};
    }

    /**
     * G5: weekly reports committed for two consecutive complete weeks (the commits K3 sees); without
     * git history (a copy outside git), present in the files.
     */
    private static String[] g5(Sources s, List<Kpis.Week> weeks) {
        Kpis k = Kpis.of(s);
        boolean git = s.history() != null;
        String how = git ? "committed" : "present (no git history)";
        String previous = null;
        for (Kpis.Week w : weeks) {
            if (w.partial()) {
                continue;
            }
            String path = Kpis.reportPath(w.monday());
            boolean present = git ? k.committed(path) != null : exists(s, path);
            if (present && previous != null) {
                return new String[] {"", "weekly reports " + w.id() + " and " + previous + " " + how};
            }
            previous = present ? w.id() : null;
        }
        return new String[] {
            null, "no two consecutive weekly reports " + (git ? "committed to" : "in") + " shared/reports/weekly/"
        };
    }

    private static boolean exists(Sources s, String path) {
        try {
            return s.read(path) != null;
        } catch (AtomizerException e) {
            return false;
        }
    }

    /** G6: every KPI measured and met in two consecutive complete weeks. */
    private static String[] g6(List<Kpis.Week> weeks) {
        Kpis.Week newer = null;
        for (Kpis.Week w : weeks) {
            if (w.partial()) {
                continue;
            }
            if (newer != null && newer.allMet() && w.allMet()) {
                return new String[] {"", "all KPIs met in " + w.id() + " and " + newer.id()};
            }
            newer = w;
        }
        return new String[] {null, "not every KPI measured and met in two consecutive weeks"};
    }
}
