package dev.atomizer.report;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Workspace;
import dev.atomizer.derive.Md;
import dev.atomizer.derive.Page;
import dev.atomizer.derive.Sources;
import dev.atomizer.state.Entry;
import dev.atomizer.state.Format;
import dev.atomizer.state.LogState;
import dev.atomizer.state.ProjectHealth;
import dev.atomizer.state.Study;
import dev.atomizer.state.Track;
import dev.atomizer.status.StatusFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The on-demand status report of one project ("give me a status report on [project]"),
 * printed, never written: RAG derived from the log beside the declared one, phase, owner, open
 * decisions, open delegations, blocked work, active studies, the last 10 entries and the planned
 * items.
 */
public final class StatusReport {

    static final int LAST = 10;

    private StatusReport() {}

    /** The report of {@code slug} from sources folded to the as-of time. */
    public static String render(Sources sources, String slug) throws AtomizerException {
        LogState log = sources.log();
        StatusFile.Project declared = sources.status().project(slug);
        ProjectHealth health = null;
        for (ProjectHealth p : ProjectHealth.of(log, sources.status())) {
            if (p.slug().equals(slug)) {
                health = p;
            }
        }
        if (health == null) {
            throw new AtomizerException("unknown project '" + slug + "': not in " + Workspace.STATUS
                    + " and no log entry names it"
                    + (log.projects().isEmpty()
                            ? ""
                            : " (projects in the log: "
                                    + String.join(
                                            ", ",
                                            log.projects().stream().sorted().toList()) + ")"));
        }
        String name = declared != null && !declared.name().isEmpty() ? declared.name() + " (" + slug + ")" : slug;
        Page page = new Page("<!-- Status report of " + slug + ": made by atomizer from " + Workspace.LOG
                + (sources.status().present() ? " and " + Workspace.STATUS : "") + " as of " + sources.asOfText()
                + ". Printed on demand, not stored. -->");
        page.h1("Status report — " + Md.inline(name) + " — " + sources.asOfText());
        List<String> head = new ArrayList<>();
        if (health.closed()) {
            head.add("**RAG:** closed (completed)");
        } else if (health.rag() != null) {
            head.add("**RAG:** " + health.rag().mark() + " " + health.rag().label() + " (derived from the log)"
                    + (health.reasons().isEmpty() ? "" : " — " + Md.inline(String.join("; ", health.reasons()))));
        }
        if (health.declared() != null) {
            head.add("**Declared RAG:** " + health.declared().label() + " in " + Workspace.STATUS
                    + (health.mismatch() ? " — differs from the log: check" : ""));
        }
        if (declared != null) {
            head.add("**Status:** " + (declared.completed() ? "completed" : declared.onHold() ? "on-hold" : "active")
                    + (declared.phase().isEmpty() ? "" : " · **Phase:** " + Md.inline(declared.phase()))
                    + (declared.owner().isEmpty() ? "" : " · **Owner:** " + Md.inline(declared.owner())));
            if (!declared.next().isEmpty()) {
                head.add("**Next milestone:** " + Md.inline(declared.next()));
            }
        } else {
            head.add("**Status:** not listed in " + Workspace.STATUS);
        }
        page.bullets(head);

        List<Track> mine = log.tracks().stream()
                .filter(t -> t.project().equals(slug) && t.open())
                .toList();
        section(
                page,
                "Open decisions",
                mine.stream().filter(log::isDecision).map(t -> track(t, log)).toList(),
                "none");
        section(
                page,
                "Open delegations",
                mine.stream()
                        .filter(t -> log.delegations().contains(t))
                        .map(t -> track(t, log)
                                + (t.first().metric("to") == null
                                        ? ""
                                        : " (to " + t.first().metric("to") + ")"))
                        .toList(),
                "none");
        section(
                page,
                "Blocked work",
                log.blocked().stream()
                        .filter(t -> t.project().equals(slug))
                        .map(t -> "**" + Md.inline(t.name()) + "** blocked "
                                + Format.age(Duration.between(t.blockedSince(), log.asOf())) + " ("
                                + t.latest().agent() + "): "
                                + Md.inline(
                                        t.latest().blockers() != null
                                                ? t.latest().blockers()
                                                : t.latest().summary()))
                        .toList(),
                "none");

        if (sources.contract()
                        .section(dev.atomizer.contract.Sections.Section.STUDIES)
                        .isEmpty()
                && log.studies().isEmpty()) {
            last(page, log, slug, sources);
            return page.text();
        }
        page.h2("Active studies");
        Md.Table studies = new Md.Table("Study", "Iterations:", "Best objective:", "Convergence:", "Last update");
        for (Study s : log.studies()) {
            if (s.project().equals(slug) && s.active()) {
                Map<String, Object> m = WeeklyReport.study(s);
                studies.row(
                        s.id(),
                        (String) m.get("iterations"),
                        (String) m.get("best"),
                        (String) m.get("convergence"),
                        Format.timestamp(s.latest().time()));
            }
        }
        if (studies.isEmpty()) {
            page.paragraph("*none running*");
        } else {
            page.table(studies);
        }
        last(page, log, slug, sources);
        return page.text();
    }

    private static void last(Page page, LogState log, String slug, Sources sources) {
        page.h2("Last " + LAST + " entries");
        List<Entry> entries =
                log.entries().stream().filter(e -> e.project().equals(slug)).toList();
        Md.Table last = new Md.Table("Time", "Agent", "Event", "Status", "Summary");
        for (int i = entries.size() - 1; i >= Math.max(0, entries.size() - LAST); i--) {
            Entry e = entries.get(i);
            last.row(Format.timestamp(e.time()), e.agent(), e.event(), e.status(), Md.clip(e.summary(), 120));
        }
        if (last.isEmpty()) {
            page.paragraph("*no entries*");
        } else {
            page.table(last);
        }

        page.h2("Planned");
        Md.Table planned = new Md.Table("Due", "Item", "Owner");
        List<StatusFile.Planned> items = new ArrayList<>(sources.status().planned().stream()
                .filter(p -> slug.equals(p.project()))
                .toList());
        items.sort(Comparator.comparing((StatusFile.Planned p) -> p.due() == null ? "9999" : Format.date(p.due()))
                .thenComparingInt(StatusFile.Planned::line));
        for (StatusFile.Planned p : items) {
            planned.row(p.due() == null ? "" : Format.date(p.due()), p.item(), p.owner());
        }
        if (planned.isEmpty()) {
            page.paragraph("*nothing planned in " + Workspace.STATUS + "*");
        } else {
            page.table(planned);
        }
    }

    private static String track(Track t, LogState log) {
        return "**" + Md.inline(t.name()) + "** open " + Format.age(t.age(log.asOf()))
                + (t.blocked() ? ", blocked" : "") + " (" + t.first().agent() + "): "
                + Md.inline(t.first().summary());
    }

    private static void section(Page page, String title, List<String> items, String none) {
        page.h2(title);
        if (items.isEmpty()) {
            page.paragraph("*" + none + "*");
        } else {
            page.bullets(items);
        }
    }
}
