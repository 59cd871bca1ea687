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
 * {@code exec-summary.md}, the CEO's page: project RAG one line each, decisions needed most urgent
 * first, resource burn, wins this week and the top 3 risks, in at most 30 lines, spent by priority
 * (see {@link #allocate}).
 *
 * <p>The page is one nested list under the title: each section is a bold item, its lines are the
 * items nested under it, and a section with nothing to list (or the burn, which is one line) says
 * so on that item. Headings would cost three lines a section (the blank lines around each), a
 * third of the page; a nested list renders as sections on GitHub for one line each.
 */
public final class ExecSummary extends Artifact {

    public static final String PATH = "shared/dashboards/exec-summary.md";
    /** The page's hard cap (K4). */
    public static final int MAX_LINES = 30;
    /** The most lines a whole section (the top 3 risks) takes; never cut. */
    static final int SHORT = 3;
    /** The projects and the decisions shown before the page spends a line on anything else. */
    static final int AT_LEAST = 8;

    public ExecSummary() {
        super(PATH);
    }

    @Override
    public String render(Sources s) {
        LogState log = s.log();
        LocalDateTime asOf = log.asOf();
        List<ProjectHealth> active = active(s);
        Section projects = new Section(
                "🚦 Projects",
                active.stream().map(ExecSummary::project).toList(),
                active.stream().map(p -> p.rag().mark() + " " + p.slug()).toList(),
                "no active projects");
        Duration target = s.contract().settings().minutes(dev.atomizer.contract.Settings.Setting.K5_TARGET);
        List<Track> open = asOf == null ? List.of() : open(log, target);
        Section decisions = new Section(
                "📌 Decisions needed",
                open.stream().map(t -> decision(t, log.asOf(), target)).toList(),
                open.stream().map(Track::name).toList(),
                "none open");
        Section wins = new Section("🏆 Wins this week", asOf == null ? List.of() : wins(log), null, "none yet");
        Section risks = new Section("⚠️ Top risks", risks(s), null, "none listed");
        String burn = "- **💰 Resource burn:** " + (asOf == null ? "*no entries yet*" : burn(log));
        List<Section> sections = List.of(projects, decisions, wins, risks);
        int red =
                (int) active.stream().filter(p -> p.rag() == StatusFile.Rag.RED).count();
        Page page = s.page("Executive summary");
        // a blank line, then one line for each section's own item (the burn's included)
        int fixed = page.lineCount() + 1 + sections.size() + 1;
        allocate(
                sections,
                MAX_LINES - fixed,
                List.of(
                        new Claim(projects, red),
                        new Claim(projects, AT_LEAST),
                        new Claim(decisions, AT_LEAST),
                        new Claim(risks, SHORT),
                        new Claim(projects, Integer.MAX_VALUE),
                        new Claim(decisions, Integer.MAX_VALUE),
                        new Claim(wins, Integer.MAX_VALUE)));
        List<String> lines = new ArrayList<>();
        lines.addAll(projects.lines());
        lines.addAll(decisions.lines());
        lines.add(burn);
        lines.addAll(wins.lines());
        lines.addAll(risks.lines());
        page.lines(lines);
        return page.text();
    }

    /** A section's claim on the page: its first {@code items} items (and, when that cuts it, the "…and N more" line). */
    record Claim(Section section, int items) {}

    /**
     * Spends {@code budget} lines nested under the sections by priority: every section with items
     * first gets one line, then the claims are served in order, each as far as the budget goes:
     * the red projects, the first {@value #AT_LEAST} projects, the {@value #AT_LEAST} most urgent
     * decisions, the top risks, the other projects, the other decisions, then the wins. A section
     * that cannot show all its items ends with "…and N more", naming them as far as the line goes.
     */
    static void allocate(List<Section> sections, int budget, List<Claim> claims) {
        int left = budget;
        for (Section s : sections) {
            s.lines = Math.min(1, s.items.size());
            left -= s.lines;
        }
        for (Claim c : claims) {
            Section s = c.section();
            int want = s.items.size() <= c.items() ? s.items.size() : c.items() + 1;
            if (want > s.lines && left > 0) {
                int grant = Math.min(want - s.lines, left);
                s.lines += grant;
                left -= grant;
            }
        }
    }

    /** The projects not closed, worst first (a cut never hides a Red one); otherwise PROJECT_STATUS.md's order. */
    private static List<ProjectHealth> active(Sources s) {
        List<ProjectHealth> projects = new ArrayList<>(ProjectHealth.of(s.log(), s.status()));
        projects.removeIf(ProjectHealth::closed);
        projects.sort(Comparator.comparing((ProjectHealth p) -> p.rag()).reversed());
        return projects;
    }

    private static String project(ProjectHealth p) {
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
        return sb.toString();
    }

    /**
     * The open decisions, most urgent first: those past the K5 target (the CEO is already late on
     * them), then those holding work up (blocked), then the longest open; the log's order breaks ties.
     */
    public static List<Track> open(LogState log, Duration target) {
        List<Track> open = new ArrayList<>();
        for (Track t : log.decisions()) {
            if (t.open()) {
                open.add(t);
            }
        }
        open.sort(Comparator.comparing((Track t) -> t.age(log.asOf()).compareTo(target) <= 0)
                .thenComparing(t -> !t.blocked())
                .thenComparing(Track::since));
        return open;
    }

    private static String decision(Track t, LocalDateTime asOf, Duration target) {
        Duration age = t.age(asOf);
        String late = age.compareTo(target) > 0 ? " ⏰" : "";
        return "**" + Md.inline(t.name()) + "** " + Md.inline(t.project())
                + ", open " + Format.age(age) + late + (t.blocked() ? ", blocked" : "") + ": "
                + Md.inline(Md.clip(t.first().summary(), 90));
    }

    /** Today's and this week's tokens and cost on one line, with the agent who used the most tokens this week. */
    private static String burn(LogState log) {
        LocalDateTime asOf = log.asOf();
        Burn day = Burn.of(log.entries(), Window.dayStart(asOf), asOf, e -> true);
        Burn week = Burn.of(log.entries(), Window.weekStart(asOf), asOf, e -> true);
        String line = "today (" + Format.date(asOf.toLocalDate()) + ") " + Format.count(day.tokens()) + " tokens, "
                + Format.usd(day.cost()) + "; this week (" + Format.isoWeek(asOf.toLocalDate()) + ") "
                + Format.count(week.tokens()) + " tokens, " + Format.usd(week.cost());
        Map<String, Long> byAgent = new HashMap<>();
        for (Entry e : log.entries()) {
            if (!e.time().isBefore(Window.weekStart(asOf)) && !e.time().isAfter(asOf)) {
                byAgent.merge(e.agent(), e.count("tokens"), Long::sum);
            }
        }
        return byAgent.entrySet().stream()
                .filter(en -> en.getValue() > 0)
                .min(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(top -> line + ", " + Format.percent(top.getValue(), week.tokens()) + " of the tokens by "
                        + top.getKey())
                .orElse(line);
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
        /** How long a "…and N more" line grows with the names of what it leaves out. */
        static final int MORE = 100;

        final String title;
        final List<String> items;
        /** Each item's short name (a project's slug, a decision's ref), named on the "…and N more" line; or null. */
        final List<String> keys;

        final String none;
        int lines;

        Section(String title, List<String> items, List<String> keys, String none) {
            this.title = title;
            this.items = items;
            this.keys = keys;
            this.none = none;
        }

        /** The section's own item, then its lines nested under it. */
        List<String> lines() {
            if (items.isEmpty()) {
                return List.of("- **" + title + ":** *" + none + "*");
            }
            List<String> out = new ArrayList<>();
            out.add("- **" + title + "**");
            for (String l : shown()) {
                out.add("  - " + l);
            }
            return out;
        }

        List<String> shown() {
            if (items.size() <= lines) {
                return items;
            }
            if (lines <= 1) {
                // one line: the first item, with the count of the others on it
                return List.of(items.get(0) + " (+" + (items.size() - 1) + " more)");
            }
            List<String> out = new ArrayList<>(items.subList(0, lines - 1));
            out.add(more(lines - 1));
            return out;
        }

        /** "…and N more", with the names of the items left out as far as {@link #MORE} characters go. */
        String more(int from) {
            String line = "…and " + (items.size() - from) + " more";
            if (keys == null) {
                return line;
            }
            StringBuilder sb = new StringBuilder(line).append(": ");
            for (int i = from; i < keys.size(); i++) {
                String key = Md.inline(keys.get(i));
                boolean last = i == keys.size() - 1;
                if (sb.length() + key.length() + (last ? 0 : 3) > MORE) {
                    return sb.append('…').toString();
                }
                sb.append(key).append(last ? "" : ", ");
            }
            return sb.toString();
        }
    }
}
