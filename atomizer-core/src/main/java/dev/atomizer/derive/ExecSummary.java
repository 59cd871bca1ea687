package dev.atomizer.derive;

import dev.atomizer.state.Entry;
import dev.atomizer.state.Format;
import dev.atomizer.state.LogState;
import dev.atomizer.state.ProjectHealth;
import dev.atomizer.state.Track;
import dev.atomizer.status.StatusFile;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code exec-summary.md}, the CEO's page: project RAG one line each, decisions needed oldest
 * first, resource burn, wins this week and the top 3 risks, in at most 30 lines, spent by priority
 * (see {@link #allocate}).
 */
public final class ExecSummary extends Artifact {

    public static final String PATH = "shared/dashboards/exec-summary.md";
    /** The page's hard cap (K4). */
    public static final int MAX_LINES = 30;
    /** The most lines a whole section (resource burn, the top 3 risks) takes; never cut. */
    static final int SHORT = 3;

    public ExecSummary() {
        super(PATH);
    }

    @Override
    public String render(Sources s) {
        LogState log = s.log();
        LocalDateTime asOf = log.asOf();
        List<String> projects = projects(s);
        Section projectSection = new Section("🚦 Projects", projects, "no active projects");
        Section decisions = new Section(
                "📌 Decisions needed",
                asOf == null
                        ? List.of()
                        : decisions(
                                log, s.contract().settings().minutes(dev.atomizer.contract.Settings.Setting.K5_TARGET)),
                "none open");
        Section burn = new Section("💰 Resource burn", asOf == null ? List.of() : burn(log), "no entries yet");
        Section wins = new Section("🏆 Wins this week", asOf == null ? List.of() : wins(log), "none yet this week");
        Section risks = new Section("⚠️ Top risks", risks(s), "none listed");
        List<Section> sections = List.of(projectSection, decisions, burn, wins, risks);
        int red = (int) ProjectHealth.of(log, s.status()).stream()
                .filter(p -> !p.closed() && p.rag() == dev.atomizer.status.StatusFile.Rag.RED)
                .count();
        Page page = s.page("Executive summary");
        int fixed = page.lineCount() + sections.size() * 3; // blank, heading, blank per section
        allocate(
                sections,
                MAX_LINES - fixed,
                List.of(
                        new Claim(projectSection, red),
                        new Claim(decisions, Integer.MAX_VALUE),
                        new Claim(risks, SHORT),
                        new Claim(burn, SHORT),
                        new Claim(wins, Integer.MAX_VALUE),
                        new Claim(projectSection, Integer.MAX_VALUE)));
        for (Section sec : sections) {
            page.h2(sec.title);
            page.bullets(sec.shown());
        }
        return page.text();
    }

    /** A section's claim on the page: up to {@code lines} item lines (a cut's "…and N more" counts as one). */
    record Claim(Section section, int lines) {}

    /**
     * Spends {@code budget} item lines by priority: every section first gets one line (its first
     * item, or that it has none), then the claims are served in order, each as far as the budget
     * goes: the red projects, every decision waiting on the CEO, the top risks, the burn, the wins,
     * then the other projects. A section that cannot show all its items ends with "…and N more".
     */
    static void allocate(List<Section> sections, int budget, List<Claim> claims) {
        int left = budget;
        for (Section s : sections) {
            s.lines = 1;
            left -= 1;
        }
        for (Claim c : claims) {
            Section s = c.section();
            int want = Math.min(c.lines(), s.items.size());
            if (want > s.lines && left > 0) {
                int grant = Math.min(want - s.lines, left);
                s.lines += grant;
                left -= grant;
            }
        }
    }

    private static List<String> projects(Sources s) {
        List<String> out = new ArrayList<>();
        List<ProjectHealth> projects = new ArrayList<>(ProjectHealth.of(s.log(), s.status()));
        projects.removeIf(ProjectHealth::closed);
        // worst first, so that a cut never hides a Red project; otherwise PROJECT_STATUS.md's order
        projects.sort(Comparator.comparing((ProjectHealth p) -> p.rag()).reversed());
        for (ProjectHealth p : projects) {
            StringBuilder sb = new StringBuilder();
            sb.append(p.rag().mark())
                    .append(" **")
                    .append(p.slug())
                    .append("** ")
                    .append(p.rag().label());
            if (p.mismatch()) {
                sb.append(" (declared ").append(p.declared().label()).append(": check)");
            }
            if (!p.reasons().isEmpty()) {
                sb.append(" — ").append(Md.inline(Md.clip(String.join("; ", p.reasons()), 90)));
            } else if (p.declared() == null && p.last() != null) {
                sb.append(" — last entry ").append(Format.timestamp(p.last().time()));
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static List<String> decisions(LogState log, Duration target) {
        List<Track> open = new ArrayList<>();
        for (Track t : log.decisions()) {
            if (t.open()) {
                open.add(t);
            }
        }
        open.sort(Comparator.comparing(Track::since));
        List<String> out = new ArrayList<>();
        for (Track t : open) {
            Duration age = t.age(log.asOf());
            String late = age.compareTo(target) > 0 ? " ⏰" : "";
            out.add("**" + Md.inline(t.name()) + "** " + Md.inline(t.project())
                    + ", open " + Format.age(age) + late + (t.blocked() ? ", blocked" : "") + ": "
                    + Md.inline(Md.clip(t.first().summary(), 90)));
        }
        return out;
    }

    private static List<String> burn(LogState log) {
        LocalDateTime asOf = log.asOf();
        Burn day = Burn.of(log.entries(), Window.dayStart(asOf), asOf, e -> true);
        Burn week = Burn.of(log.entries(), Window.weekStart(asOf), asOf, e -> true);
        List<String> out = new ArrayList<>();
        out.add("Today (" + Format.date(asOf.toLocalDate()) + "): " + Format.count(day.tokens()) + " tokens, "
                + Format.usd(day.cost()));
        String line = "This week (" + Format.isoWeek(asOf.toLocalDate()) + "): " + Format.count(week.tokens())
                + " tokens, " + Format.usd(week.cost());
        Map<String, Long> byAgent = new HashMap<>();
        for (Entry e : log.entries()) {
            if (!e.time().isBefore(Window.weekStart(asOf)) && !e.time().isAfter(asOf)) {
                byAgent.merge(e.agent(), e.count("tokens"), Long::sum);
            }
        }
        byAgent.entrySet().stream()
                .filter(en -> en.getValue() > 0)
                .min(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(top ->
                        line + "; most by " + top.getKey() + " (" + Format.percent(top.getValue(), week.tokens()) + ")")
                .ifPresentOrElse(out::add, () -> out.add(line));
        return out;
    }

    private static List<String> wins(LogState log) {
        LocalDateTime from = Window.weekStart(log.asOf());
        List<Entry> wins = new ArrayList<>();
        for (Entry e : log.entries()) {
            if (!e.time().isBefore(from) && log.isWin(e)) {
                wins.add(e);
            }
        }
        wins.sort(Comparator.comparing(Entry::time).reversed().thenComparing(Entry::line));
        List<String> out = new ArrayList<>();
        for (Entry e : wins) {
            out.add(Format.date(e.time().toLocalDate()) + " **" + e.project() + "**: "
                    + Md.inline(Md.clip(e.summary(), 100)));
        }
        return out;
    }

    private static List<String> risks(Sources s) {
        List<String> out = new ArrayList<>();
        List<StatusFile.Risk> risks = new ArrayList<>(s.status().risks());
        if (!risks.isEmpty()) {
            // the highest-impact risks across all projects; likelihood breaks ties, then table order
            risks.sort(Comparator.comparing(StatusFile.Risk::impact)
                    .reversed()
                    .thenComparing(
                            Comparator.comparing(StatusFile.Risk::likelihood).reversed())
                    .thenComparingInt(StatusFile.Risk::line));
            for (StatusFile.Risk r : risks.subList(0, Math.min(3, risks.size()))) {
                out.add("**" + r.impact().label() + " impact, "
                        + r.likelihood().label().toLowerCase(java.util.Locale.ROOT)
                        + " likelihood**" + (r.project() == null ? "" : " (" + r.project() + ")") + ": "
                        + Md.inline(Md.clip(r.risk(), 110)));
            }
            return out;
        }
        // no risk register: the longest-blocked work is the risk the log shows
        LogState log = s.log();
        List<Track> blocked = log.blocked();
        blocked.sort(Comparator.comparing(Track::blockedSince));
        for (Track t : blocked.subList(0, Math.min(3, blocked.size()))) {
            out.add("**Blocked " + Format.age(Duration.between(t.blockedSince(), log.asOf())) + "** (" + t.project()
                    + "): " + Md.inline(Md.clip(t.latest().summary(), 100)));
        }
        return out;
    }

    /** A section's items and how many lines it gets. */
    static final class Section {
        final String title;
        final List<String> items;
        final String none;
        int lines;

        Section(String title, List<String> items, String none) {
            this.title = title;
            this.items = items;
            this.none = none;
        }

        List<String> shown() {
            if (items.isEmpty()) {
                return List.of("*" + none + "*");
            }
            if (items.size() <= lines) {
                return items;
            }
            if (lines <= 1) {
                // one line: the first item, with the count of the others on it
                return List.of(items.get(0) + " (+" + (items.size() - 1) + " more)");
            }
            List<String> out = new ArrayList<>(items.subList(0, lines - 1));
            out.add("…and " + (items.size() - (lines - 1)) + " more");
            return out;
        }
    }
}
