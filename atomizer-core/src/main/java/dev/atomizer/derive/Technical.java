package dev.atomizer.derive;

import dev.atomizer.contract.Sections;
import dev.atomizer.contract.Sections.Section;
import dev.atomizer.state.Entry;
import dev.atomizer.state.Format;
import dev.atomizer.state.LogState;
import dev.atomizer.state.Study;
import dev.atomizer.status.StatusFile;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code technical.md}: studies, their runs, the model registry, optimization curves (a table and
 * a Mermaid {@code xychart-beta} chart) and the knowledge-base delta. A part that the contract
 * feeds no event type (its {@code ## Dashboard sections}) and that has no data is left out: a team
 * without study events sees no study tables.
 */
public final class Technical extends Artifact {

    public static final String PATH = "shared/dashboards/technical.md";
    static final Duration RECENT = Duration.ofDays(7);
    static final int CURVE_STUDIES = 3;
    static final int CURVE_ROWS = 10;
    static final int CHART_POINTS = 100;
    /** Below this many points the iterations are named one by one on the axis. */
    static final int FEW_POINTS = 10;

    static final int MAX_ROWS = 20;

    public Technical() {
        super(PATH);
    }

    @Override
    public String render(Sources s) {
        LogState log = s.log();
        Page page = s.page("Technical dashboard");
        boolean studies = !s.contract().section(Section.STUDIES).isEmpty()
                || !log.studies().isEmpty();
        boolean knowledge = !s.contract().section(Section.KNOWLEDGE).isEmpty()
                || log.entries().stream().anyMatch(log::isKnowledge);
        if (studies) {
            List<Study> shown = studies(log);
            studiesSection(page, log, shown);
            runs(page, log);
            models(page, s.status());
            curves(page, shown);
        } else if (!s.status().models().isEmpty()) {
            models(page, s.status());
        }
        if (knowledge) {
            knowledge(page, log);
        }
        if (!studies && !knowledge && s.status().models().isEmpty()) {
            page.paragraph("*Nothing to show: the contract feeds no event type to the `studies` or `knowledge` "
                    + "sections (the `## Dashboard sections` table of schemas.md) and no entry carries a `kb=` "
                    + "metric.*");
        }
        return page.text();
    }

    /** Active studies, then those completed or failed in the last 7 days, most recently updated first. */
    static List<Study> studies(LogState log) {
        List<Study> active = new ArrayList<>();
        List<Study> recent = new ArrayList<>();
        for (Study st : log.studies()) {
            if (st.active()) {
                active.add(st);
            } else if (log.asOf() != null
                    && Duration.between(st.latest().time(), log.asOf()).compareTo(RECENT) <= 0) {
                recent.add(st);
            }
        }
        Comparator<Study> newest = Comparator.comparing(
                        (Study st) -> st.latest().time())
                .reversed()
                .thenComparing(Study::id);
        active.sort(newest);
        recent.sort(newest);
        active.addAll(recent);
        return active;
    }

    private static void studiesSection(Page page, LogState log, List<Study> studies) {
        page.h2("Active studies");
        if (studies.isEmpty()) {
            page.paragraph("*No study running, none finished in the last 7 days.*");
            return;
        }
        Md.Table t = new Md.Table(
                "Study", "Project", "State", "Iterations:", "Best objective:", "Convergence:", "Last update");
        for (Study st : studies.subList(0, Math.min(MAX_ROWS, studies.size()))) {
            Entry best = st.best();
            BigDecimal conv = st.convergence();
            String iterations = st.maxIterations() > 0
                    ? st.iterationCount() + " / " + st.maxIterations()
                    : Long.toString(st.iterationCount());
            t.row(
                    st.id(),
                    st.project(),
                    state(st),
                    iterations,
                    best == null
                            ? "–"
                            : Format.decimal(best.decimal("objective")) + " (iter " + iterationOf(best) + ")",
                    conv == null ? "–" : Format.decimal(conv, 1) + "%",
                    Format.timestamp(st.latest().time()));
        }
        page.table(t);
        if (studies.size() > MAX_ROWS) {
            page.paragraph("…and " + (studies.size() - MAX_ROWS) + " more.");
        }
    }

    private static String state(Study st) {
        if (st.complete() != null) {
            return st.complete().is(Entry.FAILED) ? "failed" : "completed";
        }
        return st.latest().is(Entry.FAILED) ? "failed" : st.latest().is(Entry.BLOCKED) ? "blocked" : "running";
    }

    private static String iterationOf(Entry e) {
        String i = e.metric("iteration");
        return i == null ? "?" : i;
    }

    /**
     * Solver runs: every {@code study-iteration} is one; completed or failed by its status (an
     * {@code error} tied to a study by ref counts as a failed run); each running study has one run
     * in flight; pending is what its {@code max_iter} leaves.
     */
    private static void runs(Page page, LogState log) {
        page.h2("Study runs");
        long running = 0;
        long pending = 0;
        long done = 0;
        long failed = 0;
        long done7 = 0;
        long failed7 = 0;
        LocalDateTime asOf = log.asOf();
        for (Study st : log.studies()) {
            for (Entry e : st.entries()) {
                boolean iteration = log.sections().studyRole(e.event()) == Sections.StudyRole.ITERATION;
                boolean run = iteration || log.sections().has(Section.ERRORS, e.event());
                if (!run) {
                    continue;
                }
                boolean recent = Duration.between(e.time(), asOf).compareTo(RECENT) <= 0;
                if (e.is(Entry.FAILED)) {
                    failed++;
                    failed7 += recent ? 1 : 0;
                } else if (iteration && e.is(Entry.COMPLETED)) {
                    done++;
                    done7 += recent ? 1 : 0;
                }
            }
            if (st.active() && !st.latest().is(Entry.BLOCKED)) {
                running++;
                if (st.maxIterations() > 0) {
                    pending += Math.max(0, st.maxIterations() - st.iterationCount() - 1);
                }
            }
        }
        Md.Table t = new Md.Table(
                "Pending:", "Running:", "Completed (7 days):", "Failed (7 days):", "Completed (all):", "Failed (all):");
        t.row(
                Long.toString(pending),
                Long.toString(running),
                Long.toString(done7),
                Long.toString(failed7),
                Long.toString(done),
                Long.toString(failed));
        page.table(t);
        page.paragraph("One run per iteration entry (" + codes(log.sections().of(Section.STUDIES), 1)
                + "; an error entry with the study's `ref` is a failed run); a running study has one run in flight "
                + "and `max_iter` minus its iterations pending.");
    }

    private static void models(Page page, StatusFile status) {
        page.h2("Model registry");
        if (status.models().isEmpty()) {
            page.paragraph("*No model registry: add a `## Models` table (Model, Project, Mesh, Last validated) "
                    + "to PROJECT_STATUS.md.*");
            return;
        }
        Md.Table t = new Md.Table("Model", "Project", "Mesh", "Last validated", "Notes");
        for (StatusFile.Model m : status.models()) {
            t.row(m.model(), m.project() == null ? "" : m.project(), m.mesh(), m.validated(), m.notes());
        }
        page.table(t);
    }

    private static void curves(Page page, List<Study> studies) {
        page.h2("Optimization curves");
        List<Study> withCurves = new ArrayList<>();
        for (Study st : studies) {
            if (withCurves.size() < CURVE_STUDIES && objectives(st).size() >= 2) {
                withCurves.add(st);
            }
        }
        if (withCurves.isEmpty()) {
            page.paragraph("*No study with two or more iterations reporting an `objective`.*");
            return;
        }
        for (Study st : withCurves) {
            List<Entry> its = objectives(st);
            page.h3(Md.inline(st.id()) + " (" + st.project() + ")");
            Md.Table t = new Md.Table("Iteration:", "Objective:", "Constraints", "Convergence:");
            int from = Math.max(0, its.size() - CURVE_ROWS);
            for (Entry e : its.subList(from, its.size())) {
                String ok = e.metric("constraint_ok");
                BigDecimal conv = e.decimal("convergence");
                t.row(
                        iterationOf(e),
                        Format.decimal(e.decimal("objective")),
                        ok == null ? "–" : ok.equals("true") ? "met" : ok.equals("false") ? "violated" : ok,
                        conv == null ? "–" : Format.decimal(conv, 1) + "%");
            }
            page.table(t);
            if (from > 0) {
                page.paragraph("Last " + CURVE_ROWS + " of " + its.size() + " iterations; the chart shows "
                        + (its.size() > CHART_POINTS ? "the last " + CHART_POINTS : "all") + ".");
            }
            page.lines(curve(st, its).lines());
        }
    }

    /** The types from index {@code from} (to the one before last when {@code from} is 1) as inline code. */
    private static String codes(List<String> types, int from) {
        List<String> out = new ArrayList<>();
        int to = from == 1 ? types.size() - 1 : types.size();
        for (int i = from; i < to; i++) {
            out.add("`" + types.get(i) + "`");
        }
        return out.isEmpty() ? "none" : String.join(", ", out);
    }

    /**
     * The last {@link #CHART_POINTS} objectives on a numeric iteration axis (the renderer picks the
     * ticks, so 100 points read as well as 3). When the iterations are not numbered one by one
     * (a number missing, repeated or not a number), the axis counts the reported iterations instead.
     */
    static Chart curve(Study st, List<Entry> its) {
        List<Entry> points = its.subList(Math.max(0, its.size() - CHART_POINTS), its.size());
        List<java.math.BigDecimal> ys = new ArrayList<>();
        boolean consecutive = true;
        Long first = null;
        Long previous = null;
        for (Entry e : points) {
            ys.add(e.decimal("objective"));
            Long n = wholeNumber(e.metric("iteration"));
            consecutive &= n != null && (previous == null || n == previous + 1);
            first = first == null ? n : first;
            previous = n;
        }
        String title = st.id() + ": objective by iteration";
        if (points.size() < FEW_POINTS) {
            // a numeric axis over a few points gets fractional ticks (114.1, 114.2, …): name each one
            List<String> labels = new ArrayList<>();
            for (Entry e : points) {
                labels.add(iterationOf(e));
            }
            return Chart.categories(title, "iteration", labels, "objective").line("objective", ys);
        }
        Chart c = consecutive && first != null
                ? Chart.numeric(title, "iteration", first, previous, "objective")
                : Chart.numeric(title, "reported iteration", 1, points.size(), "objective");
        return c.line("objective", ys);
    }

    private static Long wholeNumber(String s) {
        if (s == null || !s.matches("\\d{1,9}")) {
            return null;
        }
        return Long.parseLong(s);
    }

    private static List<Entry> objectives(Study st) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : st.iterations()) {
            if (e.decimal("objective") != null) {
                out.add(e);
            }
        }
        return out;
    }

    /** Entries carrying a {@code kb=} metric since the start of the as-of's ISO week (the last weekly report). */
    private static void knowledge(Page page, LogState log) {
        page.h2("Knowledge base delta");
        if (log.asOf() == null) {
            page.paragraph("*No entries yet.*");
            return;
        }
        LocalDateTime from = Window.weekStart(log.asOf());
        Md.Table t = new Md.Table("Date", "Agent", "Project", "KB entry", "Summary");
        int n = 0;
        for (Entry e : log.since(from)) {
            if (log.isKnowledge(e) && !e.time().isBefore(from)) {
                if (++n <= MAX_ROWS) {
                    String kb = e.metric("kb");
                    t.row(
                            Format.timestamp(e.time()),
                            e.agent(),
                            e.project(),
                            kb == null ? e.event() : kb,
                            Md.clip(e.summary(), 100));
                }
            }
        }
        page.paragraph("Since " + Format.date(from.toLocalDate()) + " (week " + Format.isoWeek(from.toLocalDate())
                + "): " + n + " new or updated " + (n == 1 ? "entry" : "entries") + " (log entries with a `kb=` metric"
                + (log.sections().of(Section.KNOWLEDGE).isEmpty()
                        ? ""
                        : " or of type " + codes(log.sections().of(Section.KNOWLEDGE), 0))
                + ").");
        if (n > 0) {
            page.table(t);
        }
        if (n > MAX_ROWS) {
            page.paragraph("…and " + (n - MAX_ROWS) + " more.");
        }
    }
}
