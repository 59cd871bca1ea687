package dev.atomizer.report;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.ReportOutcome;
import dev.atomizer.api.Revision;
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
 * A written snapshot is corrected by a revision beside it ({@link Revision}), which says what it
 * supersedes and why, and is committed with an approval like any governed change.
 *
 * <pre>{@code
 * Reports.ReportOutcome o = Reports.weekly(root, null, null, false);   // the last complete week
 * }</pre>
 */
public final class Reports {

    private Reports() {}

    /** As {@link #weekly(Path, IsoWeek, LocalDateTime, java.time.Instant, boolean)} with no clock: now is the newest entry. */
    public static ReportOutcome weekly(Path root, IsoWeek week, LocalDateTime asOf, boolean pdf)
            throws AtomizerException {
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
    public static ReportOutcome weekly(
            Path root, IsoWeek week, LocalDateTime asOf, java.time.Instant clock, boolean pdf)
            throws AtomizerException {
        return weekly(root, week, asOf, clock, null, pdf);
    }

    /**
     * As {@link #weekly(Path, IsoWeek, LocalDateTime, java.time.Instant, boolean)}; with a clock, a
     * moment {@code asOf} later than it is refused (a report is never written before its cut-off has
     * come by the wall clock). With {@code revise}, the week's report must exist and its next revision is
     * written beside it, made anew from the sources as they are, headed by what it supersedes and why.
     *
     * @param revise the reason for a revision (null: no revision; the report is written once)
     */
    public static ReportOutcome weekly(
            Path root, IsoWeek week, LocalDateTime asOf, java.time.Instant clock, String revise, boolean pdf)
            throws AtomizerException {
        if (revise != null && week == null) {
            throw new AtomizerException("a revision names its week: which week's report does it supersede?");
        }
        String reason = reason(revise);
        Tree files = Sources.workingTree(root);
        dev.atomizer.contract.Contract contract = contract(files);
        dev.atomizer.contract.Settings settings = contract.settings();
        LogState whole = log(files, asOf, contract);
        if (whole.entries().isEmpty()) {
            throw new AtomizerException(Workspace.LOG + " has no entries"
                    + (asOf == null ? "" : " as of " + Format.timestamp(asOf)) + ": there is no week to report yet");
        }
        LocalDateTime now = clock == null ? null : minute(clock, settings);
        LocalDateTime newest = whole.entries().stream()
                .map(e -> e.time())
                .max(LocalDateTime::compareTo)
                .orElseThrow();
        if (asOf != null && now != null && asOf.isAfter(now)) {
            throw new AtomizerException("the as-of moment " + Format.timestamp(asOf) + " is later than now ("
                    + Format.timestamp(now) + ", " + settings.zone().getId()
                    + "): a report describes what has happened, so it is written once its moment has come; "
                    + "leave the as-of out to write the last week whose cut-off has come");
        }
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
        String original = WeeklyReport.path(w.iso());
        Target target = target(files, original, reason, "atomizer report weekly --week " + w.iso());
        byte[] existing = target.revision == null ? read(files, original) : null;
        String title = "Weekly report " + w + (target.revision == null ? "" : ", revision " + target.revision.number());
        if (existing == null) {
            existing = (target.head() + new String(weeklyReport(files, w), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            Derived.write(root, Map.of(target.path(), existing));
            return pdf(root, files, target, existing, true, settings.organisation(), title, w.period(), pdf);
        }
        return pdf(root, files, target, existing, false, settings.organisation(), title, w.period(), pdf);
    }

    /**
     * Writes the report of every week that is due and missing at {@code clock}: each week whose
     * cut-off has come, after the newest week with a report in the folder (from the log's first
     * week when there is none), up to the last one; a week whose report is there is left alone. A
     * job that missed a Friday writes that week on its next run, as well as its own.
     *
     * @return what was done for each week, oldest first (empty when every due week has its report)
     */
    public static java.util.List<ReportOutcome> weeklyDue(Path root, java.time.Instant clock) throws AtomizerException {
        Tree files = Sources.workingTree(root);
        dev.atomizer.contract.Contract contract = contract(files);
        dev.atomizer.contract.Settings settings = contract.settings();
        LogState whole = log(files, null, contract);
        if (whole.entries().isEmpty()) {
            return java.util.List.of();
        }
        LocalDateTime now = minute(clock, settings);
        ReportWeek last = ReportWeek.containing(now, settings).previous();
        LocalDateTime first = whole.entries().stream()
                .map(e -> e.time())
                .min(LocalDateTime::compareTo)
                .orElseThrow();
        ReportWeek from = ReportWeek.containing(first, settings);
        IsoWeek newest = newestWeekly(root.resolve(Workspace.WEEKLY_REPORTS));
        if (newest != null) {
            from = ReportWeek.of(newest, settings).next();
        }
        java.util.List<ReportOutcome> out = new java.util.ArrayList<>();
        for (ReportWeek w = from; w.iso().compareTo(last.iso()) <= 0; w = w.next()) {
            if (w.to().isAfter(first) && read(files, WeeklyReport.path(w.iso())) == null) {
                out.add(weekly(root, w.iso(), null, clock, null, false));
            }
        }
        return out;
    }

    /**
     * The latest weekly report of the repository at {@code root}: its newest week's latest revision
     * (relative to {@code root}), or null when none is written.
     */
    public static String latestWeekly(Path root) throws AtomizerException {
        IsoWeek newest = newestWeekly(root.resolve(Workspace.WEEKLY_REPORTS));
        if (newest == null) {
            return null;
        }
        String original = WeeklyReport.path(newest);
        try {
            int n = dev.atomizer.api.Revision.latest(original, p -> java.nio.file.Files.isRegularFile(root.resolve(p)));
            return n == 0 ? null : dev.atomizer.api.Revision.path(original, n);
        } catch (java.io.IOException e) {
            throw new AtomizerException("cannot list " + Workspace.WEEKLY_REPORTS + ": " + e.getMessage(), e);
        }
    }

    /** The newest ISO week with a weekly report in {@code folder}, or null. */
    private static IsoWeek newestWeekly(Path folder) throws AtomizerException {
        if (!java.nio.file.Files.isDirectory(folder)) {
            return null;
        }
        IsoWeek newest = null;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                java.util.regex.Matcher m = WEEKLY_NAME.matcher(name.replaceFirst("(\\.r[0-9]+)?\\.(md|pdf)$", ""));
                if (m.matches()) {
                    IsoWeek w = IsoWeek.parse(m.group(1), name);
                    newest = newest == null || w.compareTo(newest) > 0 ? w : newest;
                }
            }
        } catch (java.io.IOException e) {
            throw new AtomizerException("cannot list " + Workspace.WEEKLY_REPORTS + ": " + e.getMessage(), e);
        }
        return newest;
    }

    /** As {@link #closeout(Path, String, String, boolean)} without a revision. */
    public static ReportOutcome closeout(Path root, String slug, boolean pdf) throws AtomizerException {
        return closeout(root, slug, null, pdf);
    }

    /**
     * Writes the closeout report of a finished project unless it exists; with {@code revise} (the
     * reason), writes the next revision of the existing one beside it instead.
     */
    public static ReportOutcome closeout(Path root, String slug, String revise, boolean pdf) throws AtomizerException {
        String reason = reason(revise);
        Tree files = Sources.workingTree(root);
        Sources whole = Sources.read(files, null);
        CloseoutReport.requireFinished(whole.log(), whole.status(), slug);
        Target target = target(files, CloseoutReport.path(slug), reason, "atomizer report closeout " + slug);
        byte[] existing = target.revision == null ? read(files, target.path()) : null;
        boolean written = false;
        if (existing == null) {
            existing = (target.head() + new String(closeoutReport(files, whole, slug), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            Derived.write(root, Map.of(target.path(), existing));
            written = true;
        }
        dev.atomizer.status.StatusFile.Project declared = whole.status().project(slug);
        String name =
                declared == null || declared.name() == null || declared.name().isBlank() ? slug : declared.name();
        return pdf(
                root,
                files,
                target,
                existing,
                written,
                whole.contract().settings().organisation(),
                "Closeout report — " + name + (target.revision == null ? "" : ", revision " + target.revision.number()),
                null,
                pdf);
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

    /** The log of a state folded as of {@code asOf}, streamed (a log of any size is never held whole). */
    private static LogState log(Tree files, LocalDateTime asOf, dev.atomizer.contract.Contract contract)
            throws AtomizerException {
        try (java.io.InputStream in = files.open(Workspace.LOG)) {
            return LogState.read(
                    in == null ? java.io.InputStream.nullInputStream() : in, Workspace.LOG, asOf, contract.sections());
        } catch (java.io.IOException e) {
            throw new AtomizerException(Workspace.LOG + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The closeout report of a finished project ({@code whole}: the state's sources, not folded). */
    private static byte[] closeoutReport(Tree files, Sources whole, String slug) throws AtomizerException {
        LocalDateTime closing = CloseoutReport.closingMoment(whole.log(), slug);
        Sources sources = Sources.read(files, closing);
        return CloseoutReport.render(sources, slug).getBytes(StandardCharsets.UTF_8);
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
        Tree files = state.withoutHistory();
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
                LogState whole = log(files, null, contract);
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

    /**
     * Where a report goes: the original, or the next revision of it.
     *
     * @param revision the revision to write, or null
     * @param reason   why (a revision's)
     */
    private record Target(String original, Revision revision, String reason) {

        String path() {
            return revision == null ? original : revision.path();
        }

        /** The revision's first line, what it supersedes and why; nothing for an original. */
        String head() {
            return revision == null
                    ? ""
                    : "> **Revision " + revision.number() + "**, superseding `" + revision.supersedes()
                            + "` (which stays as it was): " + dev.atomizer.derive.Md.inline(reason) + "\n\n";
        }
    }

    private static Target target(Tree files, String original, String reason, String command) throws AtomizerException {
        if (reason == null) {
            return new Target(original, null, null);
        }
        int latest;
        try {
            latest = Revision.latest(original, p -> files.read(p) != null);
        } catch (IOException e) {
            throw new AtomizerException(original + ": cannot read: " + e.getMessage(), e);
        }
        if (latest == 0) {
            throw new AtomizerException("there is no " + original + " to revise: write it first with '" + command
                    + "' (a revision supersedes a report written before)");
        }
        return new Target(original, new Revision(original, latest + 1), reason);
    }

    /** The reason of a revision, on one line; null for none; a blank one is refused. */
    private static String reason(String revise) throws AtomizerException {
        if (revise == null) {
            return null;
        }
        String r = revise.strip().replaceAll("\\s+", " ");
        if (r.isEmpty()) {
            throw new AtomizerException(
                    "a revision says why it supersedes the report: give a reason (what was wrong with it)");
        }
        return r;
    }

    /** The PDF beside a report, made from the report as written, unless it exists. */
    private static ReportOutcome pdf(
            Path root,
            Tree files,
            Target target,
            byte[] markdown,
            boolean written,
            String organisation,
            String title,
            String period,
            boolean wanted)
            throws AtomizerException {
        String path = target.path();
        String supersedes = target.revision == null ? null : target.revision.supersedes();
        if (!wanted) {
            return new ReportOutcome(path, written, null, false, supersedes);
        }
        String pdfPath = path.substring(0, path.length() - ".md".length()) + ".pdf";
        if (read(files, pdfPath) != null) {
            return new ReportOutcome(path, written, pdfPath, false, supersedes);
        }
        // the only reference to the PDF libraries: they load here, never on the hook path
        byte[] bytes = dev.atomizer.report.pdf.PdfExport.pdf(
                new String(markdown, StandardCharsets.UTF_8),
                new dev.atomizer.report.pdf.PdfExport.TitleBlock(organisation, title, period));
        Derived.write(root, Map.of(pdfPath, bytes));
        return new ReportOutcome(path, written, pdfPath, true, supersedes);
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
            // the log, as every derivation reads it, is its history as one (archives, log, inbox)
            return path.equals(Workspace.LOG) ? dev.atomizer.git.LogFiles.history(files) : files.read(path);
        } catch (IOException e) {
            throw new AtomizerException(path + ": cannot read: " + e.getMessage(), e);
        }
    }
}
