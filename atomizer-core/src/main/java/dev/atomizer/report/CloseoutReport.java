package dev.atomizer.report;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Workspace;
import dev.atomizer.derive.Burn;
import dev.atomizer.derive.Md;
import dev.atomizer.derive.Page;
import dev.atomizer.derive.Sources;
import dev.atomizer.state.Entry;
import dev.atomizer.state.Format;
import dev.atomizer.state.LogState;
import dev.atomizer.state.Study;
import dev.atomizer.state.Track;
import dev.atomizer.status.StatusFile;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The project closeout report, {@code shared/reports/project/SLUG-closeout.md}, for a
 * finished project: PROJECT_STATUS.md says {@code completed}, or a {@code milestone} entry carries
 * {@code closeout=true}. It covers the project's log up to its closing moment (the first closeout
 * milestone, else the project's last entry), so it reads the same whenever it is made:
 * <ul>
 *   <li>the decision trail: every decision track of the project with all its entries;</li>
 *   <li>final results: its studies (iterations, best objective, convergence) and their outcomes (the
 *       Summary and Detail of each study-complete);</li>
 *   <li>lessons learned: entries carrying a {@code lesson} metric (any value, e.g. {@code lesson=true}),
 *       with their Detail, then the Detail of the closeout milestone; and the errors and failures met;</li>
 *   <li>knowledge-base entries created: entries with a {@code kb=} metric;</li>
 *   <li>the delegated work, task by task.</li>
 * </ul>
 */
public final class CloseoutReport {

    private CloseoutReport() {}

    public static String path(String slug) {
        return Workspace.closeoutReport(slug);
    }

    /** The closeout milestone of a project (the first {@code milestone} with {@code closeout=true}), or null. */
    static Entry closeout(LogState log, String slug) {
        for (Entry e : log.entries()) {
            if (e.project().equals(slug)
                    && log.sections().has(dev.atomizer.contract.Sections.Section.MILESTONES, e.event())
                    && "true".equals(e.metric("closeout"))) {
                return e;
            }
        }
        return null;
    }

    /** The moment the report describes: the closeout milestone, else the project's last entry; null without entries. */
    static LocalDateTime closingMoment(LogState log, String slug) {
        Entry c = closeout(log, slug);
        if (c != null) {
            return c.time();
        }
        LocalDateTime last = null;
        for (Entry e : log.entries()) {
            if (e.project().equals(slug)) {
                last = e.time();
            }
        }
        return last;
    }

    /**
     * Refuses a project that is unknown or not finished.
     *
     * @param log the whole log
     */
    static void requireFinished(LogState log, StatusFile status, String slug) throws AtomizerException {
        StatusFile.Project declared = status.project(slug);
        boolean entries = log.entries().stream().anyMatch(e -> e.project().equals(slug));
        if (declared == null && !entries) {
            throw new AtomizerException(
                    "unknown project '" + slug + "': not in " + Workspace.STATUS + " and no log entry names it");
        }
        if ((declared == null || !declared.completed()) && closeout(log, slug) == null) {
            throw new AtomizerException("project '" + slug + "' is not finished: "
                    + (declared == null
                            ? "it is not in " + Workspace.STATUS
                            : Workspace.STATUS + " says Status '" + (declared.onHold() ? "on-hold" : "active")
                                    + "' (line " + declared.line() + ")")
                    + " and no milestone entry carries closeout=true; a closeout report is made once a project is"
                    + " completed");
        }
        if (!entries) {
            throw new AtomizerException("project '" + slug + "' has no log entries: nothing to report");
        }
    }

    /**
     * The report.
     *
     * @param sources the sources folded to the project's closing moment
     */
    public static String render(Sources sources, String slug) throws AtomizerException {
        LogState state = sources.log();
        StatusFile.Project declared = sources.status().project(slug);
        List<Entry> mine =
                state.entries().stream().filter(e -> e.project().equals(slug)).toList();
        Entry closeout = closeout(state, slug);
        Set<Integer> wanted = new TreeSet<>();
        for (Entry e : mine) {
            if (e.metric("lesson") != null
                    || e.equals(closeout)
                    || state.sections().studyRole(e.event()) == dev.atomizer.contract.Sections.StudyRole.END) {
                wanted.add(e.line());
            }
        }
        Map<Integer, String> details;
        try {
            details = Details.of(sources, wanted);
        } catch (IOException e) {
            throw new AtomizerException(Workspace.LOG + ": cannot read: " + e.getMessage(), e);
        }
        String name = declared != null && !declared.name().isEmpty() ? declared.name() : slug;
        Page page = new Page("<!-- Closeout report of " + slug + ": generated by atomizer from " + Workspace.LOG
                + " (entries up to " + Format.timestamp(state.asOf()) + ")"
                + (sources.status().present() ? " and " + Workspace.STATUS : "")
                + ". A snapshot: write-once, never edited; see 'atomizer report closeout " + slug + "'. -->");
        page.h1("Closeout report — " + Md.inline(name.equals(slug) ? slug : name + " (" + slug + ")"));
        summary(page, state, declared, mine, closeout);
        decisionTrail(page, state, slug);
        results(page, state, slug, details);
        lessons(page, state, mine, closeout, details);
        knowledge(page, state, mine);
        work(page, state, slug);
        return page.text();
    }

    private static void summary(
            Page page, LogState state, StatusFile.Project declared, List<Entry> mine, Entry closeout) {
        List<String> items = new ArrayList<>();
        if (closeout != null) {
            items.add("**Closed:** " + Format.timestamp(closeout.time()) + " by " + closeout.agent() + ": "
                    + Md.inline(closeout.summary()));
        } else {
            items.add("**Closed:** Status completed in " + Workspace.STATUS + "; last entry "
                    + Format.timestamp(mine.get(mine.size() - 1).time()));
        }
        if (declared != null) {
            List<String> parts = new ArrayList<>();
            if (!declared.owner().isEmpty()) {
                parts.add("**Owner:** " + Md.inline(declared.owner()));
            }
            if (!declared.phase().isEmpty()) {
                parts.add("**Phase:** " + Md.inline(declared.phase()));
            }
            if (!parts.isEmpty()) {
                items.add(String.join(" · ", parts));
            }
        }
        Set<String> agents = new LinkedHashSet<>();
        Burn burn = Burn.ZERO;
        for (Entry e : mine) {
            agents.add(e.agent());
            burn = burn.plus(e);
        }
        items.add("**Period:** " + Format.timestamp(mine.get(0).time()) + " to "
                + Format.timestamp(mine.get(mine.size() - 1).time()) + ", " + Format.count(mine.size())
                + (mine.size() == 1 ? " entry" : " entries") + " by " + agents.size()
                + (agents.size() == 1 ? " agent" : " agents") + " (" + String.join(", ", new TreeSet<>(agents)) + ")");
        items.add("**Burn:** " + Format.count(burn.tokens()) + " tokens, " + Format.usd(burn.cost()));
        page.bullets(items);
    }

    private static void decisionTrail(Page page, LogState state, String slug) {
        page.h2("Decision trail");
        List<Track> decisions =
                state.decisions().stream().filter(t -> t.project().equals(slug)).toList();
        if (decisions.isEmpty()) {
            page.paragraph("*No decision was recorded for this project.*");
            return;
        }
        for (Track t : decisions) {
            String state2 = t.open()
                    ? (t.blocked() ? "blocked, still open" : "still open")
                    : t.failed() ? "failed" : "resolved";
            page.h3(Md.inline(t.name()) + " — " + state2);
            List<String> items = new ArrayList<>();
            for (Entry e : t.entries()) {
                items.add(Format.timestamp(e.time()) + " " + e.agent() + ", " + e.event()
                        + (e.status().isEmpty() ? "" : " (" + e.status() + ")") + ": " + Md.inline(e.summary())
                        + (e.blockers() != null ? " Blockers: " + Md.inline(e.blockers()) : ""));
            }
            page.bullets(items);
        }
    }

    private static void results(Page page, LogState state, String slug, Map<Integer, String> details) {
        page.h2("Final results");
        List<Study> studies =
                state.studies().stream().filter(s -> s.project().equals(slug)).toList();
        if (studies.isEmpty()) {
            if (!state.sections()
                            .of(dev.atomizer.contract.Sections.Section.STUDIES)
                            .isEmpty()
                    && state.entries().stream().anyMatch(e -> state.sections().studyRole(e.event()) != null)) {
                page.paragraph("*No study was run for this project.*");
                return;
            }
            List<String> wins = new ArrayList<>();
            for (Entry e : state.entries()) {
                if (e.project().equals(slug) && state.isWin(e)) {
                    wins.add(Format.date(e.time().toLocalDate()) + " " + e.agent() + ", " + e.event() + ": "
                            + Md.inline(e.summary()));
                }
            }
            if (wins.isEmpty()) {
                page.paragraph("*No win was recorded for this project.*");
            } else {
                page.bullets(wins);
            }
            return;
        }
        Md.Table table =
                new Md.Table("Study", "State", "Iterations:", "Best objective:", "Convergence:", "Last update");
        List<String> outcomes = new ArrayList<>();
        for (Study s : studies) {
            Map<String, Object> m = WeeklyReport.study(s);
            table.row(
                    s.id(),
                    (String) m.get("state"),
                    (String) m.get("iterations"),
                    (String) m.get("best"),
                    (String) m.get("convergence"),
                    Format.timestamp(s.latest().time()));
            Entry end = s.complete() != null ? s.complete() : s.latest();
            String detail = details.get(end.line());
            outcomes.add(withDetail(
                    "**" + Md.inline(s.id()) + "** (" + Format.date(end.time().toLocalDate()) + "): "
                            + Md.inline(end.summary()),
                    detail));
        }
        page.table(table);
        page.bullets(outcomes);
    }

    private static final java.util.regex.Pattern LIST_ITEM =
            java.util.regex.Pattern.compile("([-*+]|\\d{1,9}[.)])\\s+(.*)");

    /**
     * A list item with its Detail: the Detail's own list stays a list, nested under the item (its
     * text before the list follows a dash); a Detail without a list follows a dash on one line.
     */
    static String withDetail(String item, String detail) {
        if (detail == null || detail.isBlank()) {
            return item;
        }
        StringBuilder head = new StringBuilder();
        List<StringBuilder> sub = new ArrayList<>();
        boolean blank = false;
        for (String raw : detail.split("\\R")) {
            String l = raw.strip();
            if (l.isEmpty()) {
                blank = true;
                continue;
            }
            java.util.regex.Matcher m = LIST_ITEM.matcher(l);
            if (m.matches()) {
                sub.add(new StringBuilder(m.group(2)));
            } else if (sub.isEmpty()) {
                head.append(head.length() == 0 ? "" : " ").append(l);
            } else if (blank) {
                // a paragraph after the list: an item of its own, not the tail of the last one
                sub.add(new StringBuilder(l));
            } else {
                sub.get(sub.size() - 1).append(' ').append(l);
            }
            blank = false;
        }
        StringBuilder out = new StringBuilder(item);
        if (head.length() > 0) {
            out.append(" — ").append(Md.inline(head.toString()));
        }
        for (StringBuilder s : sub) {
            out.append("\n  - ").append(Md.inline(s.toString()));
        }
        return out.toString();
    }

    private static void lessons(
            Page page, LogState state, List<Entry> mine, Entry closeout, Map<Integer, String> details) {
        page.h2("Lessons learned");
        List<String> items = new ArrayList<>();
        for (Entry e : mine) {
            if (e.metric("lesson") != null) {
                String d = details.get(e.line());
                items.add(withDetail(
                        Format.date(e.time().toLocalDate()) + " " + e.agent() + ": " + Md.inline(e.summary()), d));
            }
        }
        if (closeout != null && details.containsKey(closeout.line())) {
            items.add("From the closeout: " + Md.inline(details.get(closeout.line())));
        }
        if (items.isEmpty()) {
            page.paragraph("*None recorded: tag an entry with a `lesson=` metric (e.g. `lesson=true`), or write them in"
                    + " the Detail of the closeout milestone.*");
        } else {
            page.bullets(items);
        }
        List<String> problems = new ArrayList<>();
        for (Entry e : mine) {
            if (state.isError(e)) {
                problems.add(Format.timestamp(e.time()) + " " + e.agent() + ", " + e.event() + ": "
                        + Md.inline(e.summary()));
            }
        }
        page.h3("Problems met");
        if (problems.isEmpty()) {
            page.paragraph("*No error or failure was logged.*");
        } else {
            page.bullets(problems);
        }
    }

    private static void knowledge(Page page, LogState state, List<Entry> mine) {
        page.h2("Knowledge-base entries created");
        List<String> items = new ArrayList<>();
        for (Entry e : mine) {
            if (state.isKnowledge(e)) {
                items.add("**" + Md.inline(e.metric("kb") != null ? e.metric("kb") : e.event()) + "** ("
                        + Format.date(e.time().toLocalDate()) + ", " + e.agent() + "): " + Md.inline(e.summary()));
            }
        }
        if (items.isEmpty()) {
            page.paragraph("*None: no entry of the project carries a `kb=` metric.*");
        } else {
            page.bullets(items);
        }
    }

    private static void work(Page page, LogState state, String slug) {
        page.h2("Delegated work");
        Md.Table table = new Md.Table("Task", "Delegated", "To", "State", "Closed", "Summary");
        List<Track> handoffs = state.handoffs();
        for (Track t : state.tracks()) {
            if (!t.project().equals(slug) || state.isDecision(t) || !handoffs.contains(t)) {
                continue;
            }
            String to = t.first().metric("to");
            table.row(
                    t.name(),
                    Format.timestamp(t.since()),
                    to == null ? "" : to,
                    t.open() ? (t.blocked() ? "blocked" : "open") : t.latest().status(),
                    t.open() ? "" : Format.timestamp(t.latest().time()),
                    Md.clip(t.first().summary(), 100));
        }
        if (table.isEmpty()) {
            page.paragraph("*No work was delegated.*");
        } else {
            page.table(table);
        }
    }
}
