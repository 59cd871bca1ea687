package dev.atomizer.report;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Workspace;
import dev.atomizer.derive.Derived;
import dev.atomizer.derive.Sources;
import dev.atomizer.git.Tree;
import dev.atomizer.md.MarkdownTables;
import dev.atomizer.state.Format;
import dev.atomizer.state.LogState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * The reports, for the command line and the Maven plugin: the weekly report and
 * the closeout report are snapshots, written once and never rewritten; the status report is printed.
 *
 * <pre>{@code
 * Reports.Outcome o = Reports.weekly(root, null, null, false);   // the last complete week
 * }</pre>
 */
public final class Reports {

    private Reports() {}

    /**
     * What a report command did.
     *
     * @param path    the report's path from the root
     * @param written false when it existed already (left unchanged)
     * @param pdf     the PDF's path, or null when none was asked for
     * @param pdfWritten false when the PDF existed already
     */
    public record Outcome(String path, boolean written, String pdf, boolean pdfWritten) {}

    /** As {@link #weekly(Path, IsoWeek, LocalDateTime, java.time.Instant, boolean)} with no clock: now is the newest entry. */
    public static Outcome weekly(Path root, IsoWeek week, LocalDateTime asOf, boolean pdf) throws AtomizerException {
        return weekly(root, week, asOf, null, pdf);
    }

    /**
     * Writes the weekly report of {@code week} unless it exists. A week's report covers its period
     * ({@link ReportWeek}: up to the week's cut-off) and may be written once the cut-off has come.
     * Without a week: the last week whose cut-off has come.
     *
     * @param asOf the moment that decides which weeks may be written, and the log is read up to
     *             (null: {@code now})
     * @param clock the wall clock, read in the log's time zone (null: the newest entry's timestamp)
     */
    public static Outcome weekly(Path root, IsoWeek week, LocalDateTime asOf, java.time.Instant clock, boolean pdf)
            throws AtomizerException {
        Tree files = Sources.workingTree(root);
        dev.atomizer.contract.Contract contract =
                dev.atomizer.contract.ContractLoader.fromBytes(read(files, Workspace.CONTRACT), Workspace.CONTRACT);
        dev.atomizer.contract.Settings settings = contract.settings();
        LogState whole = LogState.of(read(files, Workspace.LOG), Workspace.LOG, asOf, contract.sections());
        if (whole.entries().isEmpty()) {
            throw new AtomizerException(Workspace.LOG + " has no entries"
                    + (asOf == null ? "" : " as of " + Format.timestamp(asOf)) + ": there is no week to report yet");
        }
        LocalDateTime now = clock == null
                ? null
                : LocalDateTime.ofInstant(clock, settings.zone()).withSecond(0).withNano(0);
        LocalDateTime newest = whole.entries().stream()
                .map(e -> e.time())
                .max(LocalDateTime::compareTo)
                .orElseThrow();
        LocalDateTime ready = asOf != null ? asOf : now != null ? now : newest;
        String readyText = Format.timestamp(ready)
                + (asOf != null ? "" : now != null ? " (now, " + settings.zone().getId() + ")" : " (the newest entry)");
        ReportWeek w;
        if (week != null) {
            w = ReportWeek.of(week, settings);
        } else {
            // the last week whose cut-off has come: a silent week gets its report too
            w = ReportWeek.containing(ready, settings).previous();
        }
        if (!w.readyAt(ready)) {
            throw new AtomizerException("week " + w + " is not over yet as of " + readyText
                    + ": its report covers the log"
                    + " from " + w.period() + " (its cut-off: 'Weekly report due' "
                    + settings.get(dev.atomizer.contract.Settings.Setting.WEEKLY_DUE) + " less 'Weekly report cut-off' "
                    + settings.weekly().cutOff().toMinutes() + " minutes) and can be written from "
                    + Format.timestamp(w.to()) + " on");
        }
        LocalDateTime first = whole.entries().stream()
                .map(e -> e.time())
                .min(LocalDateTime::compareTo)
                .orElseThrow();
        if (!w.to().isAfter(first)) {
            // a typo in --week would otherwise leave an empty snapshot behind
            throw new AtomizerException("week " + w + " (" + w.period() + ") ends before the log's first entry ("
                    + Format.timestamp(first) + "): there is nothing to report");
        }
        String path = WeeklyReport.path(w.iso());
        byte[] existing = read(files, path);
        if (existing == null) {
            String templatePath = WeeklyReport.TEMPLATE;
            byte[] t = read(files, templatePath);
            String text;
            if (t == null) {
                templatePath = "the built-in template";
                text = builtIn(WeeklyReport.BUILT_IN);
            } else {
                text = MarkdownTables.decode(t, templatePath);
            }
            ReportTemplate template = ReportTemplate.compile(text, templatePath, WeeklyReport.names());
            Sources sources = Sources.read(files, w.lastMinute());
            existing = WeeklyReport.render(sources, w, template, templatePath).getBytes(StandardCharsets.UTF_8);
            Derived.write(root, Map.of(path, existing));
            return pdf(
                    root, files, path, existing, true, settings.organisation(), "Weekly report " + w, w.period(), pdf);
        }
        return pdf(root, files, path, existing, false, settings.organisation(), "Weekly report " + w, w.period(), pdf);
    }

    /** Writes the closeout report of a finished project unless it exists. */
    public static Outcome closeout(Path root, String slug, boolean pdf) throws AtomizerException {
        Tree files = Sources.workingTree(root);
        byte[] log = read(files, Workspace.LOG);
        Sources whole = Sources.read(files, null);
        CloseoutReport.requireFinished(whole.log(), whole.status(), slug);
        String path = CloseoutReport.path(slug);
        byte[] existing = read(files, path);
        boolean written = false;
        if (existing == null) {
            LocalDateTime closing = CloseoutReport.closingMoment(whole.log(), slug);
            Sources sources = new Sources(
                    LogState.of(log, Workspace.LOG, closing, whole.contract().sections()),
                    whole.status(),
                    whole.contract(),
                    whole.logBytes(),
                    whole.history(),
                    files);
            existing = CloseoutReport.render(sources, log, slug).getBytes(StandardCharsets.UTF_8);
            Derived.write(root, Map.of(path, existing));
            written = true;
        }
        dev.atomizer.status.StatusFile.Project declared = whole.status().project(slug);
        String name =
                declared == null || declared.name() == null || declared.name().isBlank() ? slug : declared.name();
        return pdf(
                root,
                files,
                path,
                existing,
                written,
                whole.contract().settings().organisation(),
                "Closeout report — " + name,
                null,
                pdf);
    }

    /** The status report of a project, as of {@code asOf} (null: the newest entry). */
    public static String status(Path root, String slug, LocalDateTime asOf) throws AtomizerException {
        return StatusReport.render(Sources.read(Sources.workingTree(root), asOf), slug);
    }

    /** The PDF beside a report, made from the report as written, unless it exists. */
    private static Outcome pdf(
            Path root,
            Tree files,
            String path,
            byte[] markdown,
            boolean written,
            String organisation,
            String title,
            String period,
            boolean wanted)
            throws AtomizerException {
        if (!wanted) {
            return new Outcome(path, written, null, false);
        }
        String pdfPath = path.substring(0, path.length() - ".md".length()) + ".pdf";
        if (read(files, pdfPath) != null) {
            return new Outcome(path, written, pdfPath, false);
        }
        // the only reference to the PDF libraries: they load here, never on the hook path
        byte[] bytes = dev.atomizer.report.pdf.PdfExport.pdf(
                new String(markdown, StandardCharsets.UTF_8),
                new dev.atomizer.report.pdf.PdfExport.TitleBlock(organisation, title, period));
        Derived.write(root, Map.of(pdfPath, bytes));
        return new Outcome(path, written, pdfPath, true);
    }

    /** The built-in template of a report. */
    static String builtIn(String name) {
        try (InputStream in = Reports.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("built-in template " + name + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in template " + name, e);
        }
    }

    private static byte[] read(Tree files, String path) throws AtomizerException {
        try {
            return files.read(path);
        } catch (IOException e) {
            throw new AtomizerException(path + ": cannot read: " + e.getMessage(), e);
        }
    }
}
