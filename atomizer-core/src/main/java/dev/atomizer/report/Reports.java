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
        dev.atomizer.contract.Contract contract = contract(files);
        dev.atomizer.contract.Settings settings = contract.settings();
        LogState whole = LogState.of(read(files, Workspace.LOG), Workspace.LOG, asOf, contract.sections());
        if (whole.entries().isEmpty()) {
            throw new AtomizerException(Workspace.LOG + " has no entries"
                    + (asOf == null ? "" : " as of " + Format.timestamp(asOf)) + ": there is no week to report yet");
        }
        LocalDateTime now = clock == null ? null : minute(clock, settings);
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
        reportable(w, whole, ready, readyText);
        String path = WeeklyReport.path(w.iso());
        byte[] existing = read(files, path);
        if (existing == null) {
            existing = weeklyReport(files, w);
            Derived.write(root, Map.of(path, existing));
            return pdf(root, files, path, existing, true, weeklyTitle(settings, w), pdf);
        }
        return pdf(root, files, path, existing, false, weeklyTitle(settings, w), pdf);
    }

    /** Refuses a week whose cut-off has not come as of {@code ready}, or that ends before the log's first entry. */
    private static void reportable(ReportWeek w, LogState whole, LocalDateTime ready, String readyText)
            throws AtomizerException {
        dev.atomizer.contract.Settings settings = w.settings();
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
    }

    /** The weekly report of {@code w} made of the files of one state: its template, its sources folded to the week's cut-off. */
    private static byte[] weeklyReport(Tree files, ReportWeek w) throws AtomizerException {
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
        return WeeklyReport.render(sources, w, template, templatePath).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the closeout report of a finished project unless it exists. */
    public static Outcome closeout(Path root, String slug, boolean pdf) throws AtomizerException {
        Tree files = Sources.workingTree(root);
        Sources whole = Sources.read(files, null);
        CloseoutReport.requireFinished(whole.log(), whole.status(), slug);
        String path = CloseoutReport.path(slug);
        byte[] existing = read(files, path);
        boolean written = false;
        if (existing == null) {
            existing = closeoutReport(files, whole, slug);
            Derived.write(root, Map.of(path, existing));
            written = true;
        }
        return pdf(root, files, path, existing, written, closeoutTitle(whole, slug), pdf);
    }

    /** The closeout report of a finished project ({@code whole}: the state's sources, not folded). */
    private static byte[] closeoutReport(Tree files, Sources whole, String slug) throws AtomizerException {
        byte[] log = read(files, Workspace.LOG);
        LocalDateTime closing = CloseoutReport.closingMoment(whole.log(), slug);
        Sources sources = new Sources(
                LogState.of(log, Workspace.LOG, closing, whole.contract().sections()),
                whole.status(),
                whole.contract(),
                whole.logBytes(),
                whole.history(),
                files);
        return CloseoutReport.render(sources, log, slug).getBytes(StandardCharsets.UTF_8);
    }

    private static dev.atomizer.report.pdf.PdfExport.TitleBlock weeklyTitle(
            dev.atomizer.contract.Settings settings, ReportWeek w) {
        return new dev.atomizer.report.pdf.PdfExport.TitleBlock(
                settings.organisation(), "Weekly report " + w, w.period());
    }

    private static dev.atomizer.report.pdf.PdfExport.TitleBlock closeoutTitle(Sources whole, String slug) {
        dev.atomizer.status.StatusFile.Project declared = whole.status().project(slug);
        String name =
                declared == null || declared.name() == null || declared.name().isBlank() ? slug : declared.name();
        return new dev.atomizer.report.pdf.PdfExport.TitleBlock(
                whole.contract().settings().organisation(), "Closeout report — " + name, null);
    }

    /** A weekly report's name: its ISO week, then {@code -report}. */
    private static final java.util.regex.Pattern WEEKLY_NAME =
            java.util.regex.Pattern.compile("([0-9]{4}-W[0-9]{2})-report");
    /** A closeout report's name: the project's slug, then {@code -closeout}. */
    private static final java.util.regex.Pattern CLOSEOUT_NAME = java.util.regex.Pattern.compile("(.+)-closeout");

    /**
     * The bytes {@code atomizer report} makes at {@code path} (a weekly or closeout report, or the
     * PDF beside one) of the files of {@code state} at {@code now}: what the command writes when
     * the repository holds those files. The governance rule {@code not-generated} compares an added
     * report with them.
     *
     * @throws AtomizerException when the command makes no such file of this state, saying why (a
     *                           week whose cut-off has not come by {@code now}, a project not
     *                           finished, a PDF without its report), or {@code path} is no
     *                           report's name
     */
    public static byte[] snapshot(Tree state, String path, java.time.Instant now) throws AtomizerException {
        // the state's files alone: a report reads no git history, and the command reads none
        Tree files = state::read;
        boolean pdf = path.endsWith(".pdf");
        if (!pdf && !path.endsWith(".md")) {
            throw new AtomizerException("not the name of a report");
        }
        String md = path.substring(0, path.lastIndexOf('.')) + ".md";
        String folder = md.substring(0, Math.max(0, md.lastIndexOf('/')));
        String name = md.substring(md.lastIndexOf('/') + 1, md.length() - ".md".length());
        java.util.regex.Matcher weekly = WEEKLY_NAME.matcher(name);
        java.util.regex.Matcher closeout = CLOSEOUT_NAME.matcher(name);
        byte[] markdown;
        dev.atomizer.report.pdf.PdfExport.TitleBlock title;
        if (folder.equals(Workspace.WEEKLY_REPORTS) && weekly.matches()) {
            IsoWeek week = IsoWeek.parse(weekly.group(1), "the report's week");
            dev.atomizer.contract.Contract contract = contract(files);
            ReportWeek w = ReportWeek.of(week, contract.settings());
            title = weeklyTitle(contract.settings(), w);
            if (pdf) {
                markdown = read(files, md);
            } else {
                LogState whole = LogState.of(read(files, Workspace.LOG), Workspace.LOG, null, contract.sections());
                if (whole.entries().isEmpty()) {
                    throw new AtomizerException(Workspace.LOG + " has no entries: there is no week to report");
                }
                LocalDateTime wall = minute(now, contract.settings());
                reportable(
                        w,
                        whole,
                        wall,
                        Format.timestamp(wall) + " (now, "
                                + contract.settings().zone().getId() + ")");
                return weeklyReport(files, w);
            }
        } else if (folder.equals(Workspace.CLOSEOUT_REPORTS) && closeout.matches()) {
            String slug = closeout.group(1);
            Sources whole = Sources.read(files, null);
            title = closeoutTitle(whole, slug);
            if (pdf) {
                markdown = read(files, md);
            } else {
                CloseoutReport.requireFinished(whole.log(), whole.status(), slug);
                return closeoutReport(files, whole, slug);
            }
        } else {
            throw new AtomizerException("not the name of a report");
        }
        if (markdown == null) {
            throw new AtomizerException("a report's PDF is made from the report, and " + md + " is not there");
        }
        return dev.atomizer.report.pdf.PdfExport.pdf(new String(markdown, StandardCharsets.UTF_8), title);
    }

    private static LocalDateTime minute(java.time.Instant clock, dev.atomizer.contract.Settings settings) {
        return LocalDateTime.ofInstant(clock, settings.zone()).withSecond(0).withNano(0);
    }

    private static dev.atomizer.contract.Contract contract(Tree files) throws AtomizerException {
        return dev.atomizer.contract.ContractLoader.fromBytes(read(files, Workspace.CONTRACT), Workspace.CONTRACT);
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
            dev.atomizer.report.pdf.PdfExport.TitleBlock title,
            boolean wanted)
            throws AtomizerException {
        if (!wanted) {
            return new Outcome(path, written, null, false);
        }
        String pdfPath = path.substring(0, path.length() - ".md".length()) + ".pdf";
        if (read(files, pdfPath) != null) {
            return new Outcome(path, written, pdfPath, false);
        }
        // the PDF libraries load here, or when a commit adds a PDF (snapshot), never on the hook's common path
        byte[] bytes = dev.atomizer.report.pdf.PdfExport.pdf(new String(markdown, StandardCharsets.UTF_8), title);
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
