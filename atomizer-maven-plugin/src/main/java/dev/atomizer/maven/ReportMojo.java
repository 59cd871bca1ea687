package dev.atomizer.maven;

import dev.atomizer.Atomizer;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.ReportOutcome;
import java.time.LocalDateTime;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Makes a report: {@code weekly} writes {@code shared/reports/weekly/YYYY-Www-report.md},
 * {@code closeout} writes {@code shared/reports/project/SLUG-closeout.md} (both once: an existing
 * report is left unchanged; {@code atomizer.revise} writes the next revision beside it, with its reason),
 * {@code status} logs a project's status report. Not bound to a phase:
 * run {@code mvn atomizer:report -Datomizer.report=weekly}.
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractAtomizerMojo {

    /** Which report: {@code weekly}, {@code closeout} or {@code status}. */
    @Parameter(property = "atomizer.report", defaultValue = "weekly")
    private String report;

    /** The ISO week of a weekly report, {@code YYYY-Www} (default: the last complete week before the newest entry). */
    @Parameter(property = "atomizer.week")
    private String week;

    /** The project slug of a closeout or status report. */
    @Parameter(property = "atomizer.project")
    private String slug;

    /** Also write the weekly or closeout report as PDF beside it. */
    @Parameter(property = "atomizer.pdf", defaultValue = "false")
    private boolean pdf;

    /**
     * The as-of moment, {@code YYYY-MM-DD HH:MM}: which weeks are complete (weekly), or the moment a
     * status report describes (default: the newest entry's timestamp).
     */
    @Parameter(property = "atomizer.asOf")
    private String asOf;

    /**
     * Why the existing weekly or closeout report is superseded: writes its next revision beside it
     * ({@code …-report.r2.md}), which is committed with an approval (default: none, no revision).
     */
    @Parameter(property = "atomizer.revise")
    private String revise;

    @Override
    protected void process() throws AtomizerException {
        String kind = report == null ? "weekly" : report.strip();
        switch (kind) {
            case "weekly" -> {
                String w = week == null || week.isBlank() ? null : week;
                log(Atomizer.weeklyReport(
                        root.toPath(), w, "atomizer.week", asOf(), Atomizer.clock(System.getenv()), reason(), pdf));
            }
            case "closeout" -> log(Atomizer.closeoutReport(root.toPath(), project(), reason(), pdf));
            case "status" -> {
                for (String line :
                        Atomizer.statusReport(root.toPath(), project(), asOf()).split("\n", -1)) {
                    getLog().info(line);
                }
            }
            default ->
                throw new AtomizerException("atomizer.report '" + report + "' is not one of weekly, closeout, status");
        }
    }

    private String project() throws AtomizerException {
        if (slug == null || slug.isBlank()) {
            throw new AtomizerException("atomizer.report=" + report + " needs a project: -Datomizer.project=SLUG");
        }
        return slug.strip();
    }

    private String reason() throws AtomizerException {
        if (revise != null && revise.isBlank()) {
            throw new AtomizerException(
                    "atomizer.revise is the reason of a revision: say what was wrong with the report");
        }
        return revise;
    }

    private LocalDateTime asOf() throws AtomizerException {
        return Atomizer.asOf(asOf, "atomizer.asOf");
    }

    private void log(ReportOutcome o) {
        getLog().info(
                        o.supersedes() != null
                                ? "Wrote " + o.path() + ", a revision superseding " + o.supersedes()
                                        + "; commit it with the trailers 'Change-Request: <id>' and 'Approved-by: <approver id>'"
                                : o.written()
                                        ? "Wrote " + o.path()
                                        : o.path() + " exists, left unchanged; reports are write-once");
        if (o.pdf() != null) {
            getLog().info(
                            o.pdfWritten()
                                    ? "Wrote " + o.pdf()
                                    : o.pdf() + " exists, left unchanged; reports are write-once");
        }
    }
}
