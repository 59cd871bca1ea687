package dev.atomizer.report;

import dev.atomizer.api.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A throwaway repository for report tests: a log built entry by entry, optional status and template. */
final class ReportFixture {

    final Path root;
    private final StringBuilder log = new StringBuilder("# Project log\n\n");

    ReportFixture(Path root) {
        this.root = root;
    }

    /** Appends an entry; {@code metrics} and {@code blockers} may be null. */
    ReportFixture entry(
            String time, String agent, String project, String event, String status, String summary, String metrics) {
        return entry(time, agent, project, event, status, summary, null, metrics, null);
    }

    ReportFixture entry(
            String time,
            String agent,
            String project,
            String event,
            String status,
            String summary,
            String detail,
            String metrics,
            String blockers) {
        log.append("## [")
                .append(time)
                .append("] ")
                .append(agent)
                .append(" | ")
                .append(project)
                .append(" | ")
                .append(event)
                .append("\n\n**Status:** ")
                .append(status)
                .append("\n**Summary:** ")
                .append(summary)
                .append('\n');
        if (detail != null) {
            log.append("**Detail:** ").append(detail).append('\n');
        }
        if (metrics != null) {
            log.append("**Metrics:** ").append(metrics).append('\n');
        }
        if (blockers != null) {
            log.append("**Blockers:** ").append(blockers).append('\n');
        }
        log.append("\n---\n\n");
        return this;
    }

    ReportFixture write() throws IOException {
        return file(Workspace.LOG, log.toString());
    }

    ReportFixture file(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return this;
    }

    String read(String path) throws IOException {
        return Files.readString(root.resolve(path));
    }

    boolean exists(String path) {
        return Files.exists(root.resolve(path));
    }

    static final String STATUS = "# Status\n\n## Projects\n\n| Slug | Name | RAG | Status | Phase | Owner |\n"
            + "|---|---|---|---|---|---|\n"
            + "| alpha | Alpha wing | Green | active | Sizing | tech-lead |\n"
            + "| beta | Beta pump | Green | completed | Closed | manager |\n\n"
            + "## Planned\n\n| Project | Item | Due | Owner |\n|---|---|---|---|\n"
            + "| alpha | Drawing release | 2027-01-06 | nx-expert |\n"
            + "| alpha | Far away | 2027-03-01 | nx-expert |\n";
}
