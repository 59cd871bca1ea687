package dev.atomizer;

import dev.atomizer.alert.AlertReport;
import dev.atomizer.alert.Watchdog;
import dev.atomizer.api.Alerts;
import dev.atomizer.api.Appended;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Checks;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileOutcome;
import dev.atomizer.api.FileSummary;
import dev.atomizer.api.Gate;
import dev.atomizer.api.NewEntry;
import dev.atomizer.api.PublishOptions;
import dev.atomizer.api.PublishOutcome;
import dev.atomizer.api.ReportOutcome;
import dev.atomizer.api.Severities;
import dev.atomizer.api.Severity;
import dev.atomizer.api.Workspace;
import dev.atomizer.audit.Audit;
import dev.atomizer.audit.AuditSummary;
import dev.atomizer.audit.StepSummary;
import dev.atomizer.contract.Contract;
import dev.atomizer.contract.ContractDiff;
import dev.atomizer.contract.ContractLoader;
import dev.atomizer.derive.Derived;
import dev.atomizer.derive.Gates;
import dev.atomizer.derive.GeneratedStale;
import dev.atomizer.derive.KpiMetrics;
import dev.atomizer.derive.Kpis;
import dev.atomizer.derive.Regeneration;
import dev.atomizer.derive.Sources;
import dev.atomizer.git.CommitInfo;
import dev.atomizer.git.GitCli;
import dev.atomizer.git.GitRepo;
import dev.atomizer.git.Tree;
import dev.atomizer.governance.CheckWarmup;
import dev.atomizer.governance.GitChecks;
import dev.atomizer.install.HookInstaller;
import dev.atomizer.install.Scaffold;
import dev.atomizer.lint.Linter;
import dev.atomizer.merge.LogMerge;
import dev.atomizer.publish.Publisher;
import dev.atomizer.publish.VerifiedRef;
import dev.atomizer.render.TextFormatter;
import dev.atomizer.report.IsoWeek;
import dev.atomizer.report.ReportClock;
import dev.atomizer.report.Reports;
import dev.atomizer.startup.HookProcess;
import dev.atomizer.startup.JvmFlags;
import dev.atomizer.startup.Trace;
import dev.atomizer.startup.Warmup;
import dev.atomizer.state.Format;
import dev.atomizer.status.ProjectStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The façade: every use case of Atomizer, for the command line, the Maven plugin and the hooks
 * alike. An instance is bound to a workspace and the severity overrides the user gave; each method
 * takes what its use case needs and returns a result the front ends render. The workspace's
 * contract and project status are read on first need: the git use cases read them from the index
 * or from each commit instead. The layering behind it: docs/architecture.md.
 *
 * <pre>{@code
 * Atomizer atomizer = Atomizer.open(Workspace.discover(Path.of("")), Map.of());
 * FileSummary s = atomizer.lint(atomizer.workspace().log(), System.out::println);
 * }</pre>
 */
public final class Atomizer {

    /** The workspace, or null until a workspace use case discovers it from {@link #start}. */
    private Workspace workspace;

    private final Map<String, Severity> overrides;
    private final Path displayBase;
    /** Where the git use cases look for the repository (as git does, honouring GIT_DIR). */
    private final Path start;

    private Loaded loaded;

    /** The working tree's contract, project status and severities, read once. */
    private record Loaded(Contract contract, ProjectStatus status, Severities severities) {}

    private Atomizer(Workspace workspace, Map<String, Severity> overrides, Path displayBase, Path start) {
        this.workspace = workspace;
        this.overrides = Map.copyOf(overrides);
        this.displayBase = displayBase.toAbsolutePath().normalize();
        this.start = start.toAbsolutePath().normalize();
    }

    /**
     * An Atomizer for the workspace, reading nothing yet; {@code overrides} lay rule severities over
     * the contract's Rules table. Paths in messages are shown relative to {@code displayBase}.
     */
    public static Atomizer at(Workspace workspace, Map<String, Severity> overrides, Path displayBase) {
        return new Atomizer(workspace, overrides, displayBase, workspace.root());
    }

    /**
     * As {@link #at(Workspace, Map, Path)}, for the workspace that holds {@code dir}, showing paths
     * relative to it; the git use cases find the repository from {@code dir}.
     */
    public static Atomizer at(Path dir, Map<String, Severity> overrides) {
        return new Atomizer(null, overrides, dir, dir);
    }

    /**
     * Loads the workspace's contract (the default when schemas.md is absent) and project status;
     * {@code overrides} lay rule severities over the contract's Rules table.
     *
     * @throws AtomizerException when schemas.md or PROJECT_STATUS.md is malformed or unreadable
     */
    public static Atomizer open(Workspace workspace, Map<String, Severity> overrides) throws AtomizerException {
        return open(workspace, overrides, Path.of("").toAbsolutePath());
    }

    /** As {@link #open(Workspace, Map)}, showing paths relative to {@code displayBase}. */
    public static Atomizer open(Workspace workspace, Map<String, Severity> overrides, Path displayBase)
            throws AtomizerException {
        Atomizer a = at(workspace, overrides, displayBase);
        a.loaded();
        return a;
    }

    private Loaded loaded() throws AtomizerException {
        if (loaded == null) {
            Workspace ws = workspace();
            Contract contract = ContractLoader.load(ws.contract(), display(ws.contract()));
            ProjectStatus status = ProjectStatus.load(ws.status(), display(ws.status()));
            loaded = new Loaded(
                    contract, status, Severities.of(contract.severities()).with(overrides));
        }
        return loaded;
    }

    /** The workspace: the one given, or the one that holds the start directory. */
    public Workspace workspace() throws AtomizerException {
        if (workspace == null) {
            workspace = Workspace.discover(start);
        }
        return workspace;
    }

    public Contract contract() throws AtomizerException {
        return loaded().contract();
    }

    public ProjectStatus status() throws AtomizerException {
        return loaded().status();
    }

    public Severities severities() throws AtomizerException {
        return loaded().severities();
    }

    /** The severity overrides the user gave (the command line's --rule, the POM's rules). */
    public Map<String, Severity> overrides() {
        return overrides;
    }

    /**
     * A linter bound to this workspace's contract, projects and severities, checking
     * {@code timestamp-future} against the wall clock in the contract's time zone.
     */
    public Linter linter() throws AtomizerException {
        return new Linter(contract(), status().slugs(), severities(), now());
    }

    /** The contract's time zone: the log's timestamps are in it. */
    public java.time.ZoneId zone() throws AtomizerException {
        return contract().settings().zone();
    }

    /** The wall clock in the contract's time zone, to the minute. */
    public LocalDateTime now() throws AtomizerException {
        return LocalDateTime.now(contract().settings().zone()).withSecond(0).withNano(0);
    }

    /**
     * Appends one entry to the workspace's log: linted against the contract and the time of the last
     * entry first, written atomically, or not at all (the result says why). With {@code fixedTime}
     * false the entry is stamped with {@code entry}'s time, or with the last entry's when that one
     * is ahead of the clock within the contract's tolerance; a dry run writes nothing. When the
     * contract says {@code Entry inbox: on}, the entry becomes a new file of the inbox instead
     * (unless the workspace names another log file than the repository's, as {@code --file} does).
     */
    public Appended append(NewEntry entry, boolean fixedTime, boolean dryRun) throws AtomizerException {
        Workspace ws = workspace();
        String shown = display(ws.log());
        try {
            if (!dryRun) {
                Workspace.writable(
                        ws.root(),
                        ws.root()
                                .relativize(ws.log().toAbsolutePath().normalize())
                                .toString());
            }
            dev.atomizer.lint.EntryWriter writer = new dev.atomizer.lint.EntryWriter(
                    linter(), contract().settings().clockTolerance());
            if (contract().settings().entryInbox()
                    && ws.log().equals(ws.root().resolve(Workspace.LOG).normalize())) {
                // the inbox: one file per entry, folded into the log on the main line by the bot
                return writer.toInbox(ws.root(), entry, fixedTime, dryRun);
            }
            return writer.append(ws.log(), shown, entry, fixedTime, dryRun);
        } catch (IOException e) {
            throw new AtomizerException(shown + ": cannot append: " + e.getMessage(), e);
        }
    }

    /**
     * {@code archive}: moves the log's entries dated before {@code before} (the longest such prefix)
     * byte for byte into a new archive file and commits it with the shortened log in one commit,
     * or leaves both staged ({@code commit} false). Refuses, changing nothing, when nothing is
     * dated before that day, the archive exists, other changes are staged, or the moved entries
     * have lint errors.
     */
    public dev.atomizer.api.Archived archive(java.time.LocalDate before, boolean commit) throws AtomizerException {
        return new dev.atomizer.lint.Archiver(linter(), workspace().root()).archive(before, commit);
    }

    /**
     * Lints one log file, handing each diagnostic to {@code sink} in file order. The workspace's log
     * is linted with the rest of its history: each archive, then the log (and its size, {@code
     * log-size-render} and {@code log-size-limit}), then each inbox file, the timestamp order
     * running on from one file to the next.
     */
    public FileSummary lint(Path file, Consumer<Diagnostic> sink) throws AtomizerException {
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.equals(workspace().log().toAbsolutePath().normalize())) {
            return lint(file, null, sink);
        }
        Path root = workspace().root();
        dev.atomizer.git.LogFiles files;
        try {
            files = dev.atomizer.git.LogFiles.in(root);
        } catch (IOException e) {
            throw new AtomizerException(
                    display(root.resolve(Workspace.ARCHIVES)) + ": cannot list: " + e.getMessage(), e);
        }
        FileSummary total = FileSummary.EMPTY;
        String previous = null;
        for (String a : files.archives()) {
            Path archive = root.resolve(a);
            total = total.plus(lint(archive, previous, sink));
            previous = lastTimestamp(archive, previous);
        }
        total = total.plus(lint(file, previous, sink));
        total = total.plus(sizes(file, sink));
        if (!files.inbox().isEmpty()) {
            previous = lastTimestamp(file, previous);
            for (String i : files.inbox()) {
                Path entry = root.resolve(i);
                total = total.plus(lint(entry, previous, sink));
                previous = lastTimestamp(entry, previous);
            }
        }
        return total;
    }

    /** The log's size against the contract's limits: {@code log-size-render} and {@code log-size-limit}. */
    private FileSummary sizes(Path log, Consumer<Diagnostic> sink) throws AtomizerException {
        String shown = display(log);
        try {
            return linter().size(log, shown, sink);
        } catch (IOException e) {
            throw new AtomizerException(shown + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The timestamp of the last well-formed entry of {@code file}, or {@code previous} when it has none. */
    private String lastTimestamp(Path file, String previous) throws AtomizerException {
        try {
            byte[] b = Files.readAllBytes(file);
            dev.atomizer.log.LogGrammar.Starts starts = dev.atomizer.log.LogGrammar.entryStarts(b);
            String last = dev.atomizer.log.LogGrammar.lastTimestamp(b, starts, starts.size());
            return last == null ? previous : last;
        } catch (dev.atomizer.log.LimitException e) {
            return previous;
        } catch (IOException e) {
            throw new AtomizerException(display(file) + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Lints one file whose entries follow an entry stamped {@code previous} (null: none). */
    private FileSummary lint(Path file, String previous, Consumer<Diagnostic> sink) throws AtomizerException {
        String shown = display(file);
        try (InputStream in = Files.newInputStream(file)) {
            return linter().lint(shown, in, previous, sink);
        } catch (NoSuchFileException e) {
            if (file.toAbsolutePath()
                    .normalize()
                    .equals(workspace().log().toAbsolutePath().normalize())) {
                throw new AtomizerException(shown + ": no such file: there is no log yet; start it with 'atomizer log"
                        + " --agent <id> --project <slug> --event <type> --status <status> --summary <text>'");
            }
            throw new AtomizerException(shown + ": no such file");
        } catch (dev.atomizer.log.LimitException e) {
            throw new AtomizerException(e.getMessage(), e);
        } catch (IOException e) {
            throw new AtomizerException(shown + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Lints files and collects the diagnostics (convenient for small logs and tests). */
    public LintResult lint(List<Path> files) throws AtomizerException {
        List<Diagnostic> all = new ArrayList<>();
        FileSummary total = FileSummary.EMPTY;
        for (Path f : files) {
            total = total.plus(lint(f, all::add));
        }
        return new LintResult(List.copyOf(all), total);
    }

    /** A path as shown in messages: relative to the display base when under it, with '/' separators. */
    public String display(Path file) {
        return display(displayBase, file);
    }

    static String display(Path base, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
        String s = shown.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    /**
     * Regenerates every derived file (the dashboards) of the workspace from its working-tree sources, writing only those whose content changes.
     *
     * @param asOf the moment to describe, or null for the newest entry's timestamp
     */
    public List<FileOutcome> dashboards(LocalDateTime asOf) throws AtomizerException {
        Path root = workspace().root();
        try (Sourced s = sourced(root, false)) {
            return Derived.write(root, Derived.generate(s.files(), asOf));
        }
    }

    /** The gates G1–G6 of the workspace, from its working tree and git history. */
    public List<Gate> gates() throws AtomizerException {
        try (Sourced s = sourced(workspace().root(), false)) {
            Sources sources = Sources.read(s.files(), null);
            List<Gate> out = new ArrayList<>();
            for (Gates g : Gates.of(sources, Kpis.weeks(sources, KpiMetrics.WEEKS))) {
                out.add(new Gate(g.id(), g.name(), g.passed(), g.evidence()));
            }
            return List.copyOf(out);
        }
    }

    /** The derived files of the working tree that differ from a regeneration (missing ones included). */
    public List<String> staleDerived() throws AtomizerException {
        try (Sourced s = sourced(workspace().root(), true)) {
            return Derived.stale(s.files(), Derived.generate(s.files(), null));
        } catch (IOException e) {
            throw new AtomizerException("cannot read the derived files: " + e.getMessage(), e);
        }
    }

    /**
     * The working tree under root, with the git history when root is a git work tree: up to HEAD
     * (what a regeneration now uses), or, to judge a KPI file that is committed unchanged, up to
     * the parent of the commit that last changed it (the history it was made from).
     */
    private record Sourced(Tree files, GitRepo git) implements AutoCloseable {
        @Override
        public void close() {
            if (git != null) {
                git.close();
            }
        }
    }

    private static Sourced sourced(Path root, boolean asCommitted) throws AtomizerException {
        Tree files = Sources.workingTree(root);
        GitRepo git = openGit(root);
        if (git == null) {
            return new Sourced(files, null);
        }
        String rev = "HEAD";
        try {
            String kpi = KpiMetrics.PATH;
            byte[] committed = git.headFiles().read(kpi);
            if (asCommitted && committed != null && java.util.Arrays.equals(committed, files.read(kpi))) {
                CommitInfo last = git.lastChange(kpi);
                rev = last == null || last.parents().isEmpty()
                        ? null
                        : last.parents().get(0);
            }
        } catch (IOException e) {
            git.close();
            throw new AtomizerException("cannot read " + KpiMetrics.PATH + ": " + e.getMessage(), e);
        }
        return new Sourced(git.withHistory(files, rev, Derived.HISTORY_PATHS), git);
    }

    /**
     * {@code check}: the whole log linted, the working tree's changes against HEAD governed (when
     * the workspace is a git repository), and every derived file compared with a regeneration
     * ({@code generated-stale}). Diagnostics come sorted.
     */
    public LintResult check() throws AtomizerException {
        List<Diagnostic> all = new ArrayList<>();
        FileSummary summary = lint(workspace().log(), all::add);
        Path root = workspace().root();
        GitRepo opened = openGit(root);
        if (opened != null) {
            try (GitRepo git = opened) {
                GitChecks.Result r = GitChecks.workingTree(git, overrides, Generated.of(Derived.files()));
                all.addAll(r.diagnostics());
                summary = summary.plus(r.summary());
            }
        }
        Severity stale = severities().of(GeneratedStale.ID);
        if (stale != Severity.OFF) {
            for (Diagnostic d : GeneratedStale.diagnostics(root, staleDerived(), stale)) {
                all.add(d);
                summary = summary.plus(
                        new FileSummary(0, stale == Severity.ERROR ? 1 : 0, stale == Severity.WARNING ? 1 : 0));
            }
        }
        all.sort(Diagnostic.ORDER);
        return new LintResult(List.copyOf(all), summary);
    }

    /**
     * The git repository whose work tree is {@code root}, or null when root is not one (no
     * {@code .git}, or one git cannot open): git's checks and history are then left out.
     */
    private static GitRepo openGit(Path root) {
        if (!Files.exists(root.resolve(".git"))) {
            return null;
        }
        try {
            return GitRepo.open(root);
        } catch (AtomizerException notARepository) {
            return null;
        }
    }

    /**
     * {@code alerts}: the watchdog at {@code now} in the contract's time zone (the wall clock when
     * null): the log's and the agents' silence, decisions, blocked work and failures overdue, budgets
     * overrun, a stale committed exec summary, a weekly report past due. See {@link Watchdog}.
     */
    public Alerts alerts(LocalDateTime now) throws AtomizerException {
        LocalDateTime at = now != null ? now : now();
        try (Sourced s = sourced(workspace().root(), false)) {
            return new AlertReport(Watchdog.alerts(Sources.read(s.files(), at), at, s.git()), at);
        }
    }

    /**
     * {@code contract --format json-schema}: the JSON Schema of an entry made from the contract and
     * the projects of the status file (see {@link dev.atomizer.contract.EntrySchema}).
     */
    public String entrySchema() throws AtomizerException {
        return dev.atomizer.contract.EntrySchema.json(
                contract(), status().slugs(), dev.atomizer.lint.rule.SummaryTooLong.MAX);
    }

    /**
     * The open decisions at {@code now} (the wall clock when null), most urgent first as the exec
     * summary lists them: past the K5 target, then holding work up, then the longest open.
     */
    public List<dev.atomizer.state.Track> openDecisions(LocalDateTime now) throws AtomizerException {
        LocalDateTime at = now != null ? now : now();
        try (Sourced s = sourced(workspace().root(), false)) {
            Sources sources = Sources.read(s.files(), at);
            return dev.atomizer.derive.ExecSummary.open(
                    sources.log(),
                    sources.contract().settings().minutes(dev.atomizer.contract.Settings.Setting.K5_TARGET));
        }
    }

    /**
     * {@code contract-diff}: what changed in the contract from {@code base} to {@code head}, one line
     * each (see {@link ContractDiff}).
     */
    public List<String> contractDiff(String base, String head) throws AtomizerException {
        try (GitRepo git = GitRepo.open(start)) {
            return ContractDiff.between(
                    contractAt(git, git.commitId(base, "base")), contractAt(git, git.commitId(head, "head")));
        }
    }

    private static Contract contractAt(GitRepo git, String commit) throws AtomizerException {
        try {
            return ContractLoader.fromBytes(git.files(commit).read(Workspace.CONTRACT), Workspace.CONTRACT);
        } catch (IOException e) {
            throw new AtomizerException(
                    "cannot read " + Workspace.CONTRACT + " at " + commit + ": " + e.getMessage(), e);
        }
    }

    // ---- the git use cases: they read the contract from the index or from each commit ----

    /**
     * {@code pre-commit}: the staged index against HEAD, before the commit exists; the stale derived
     * files it finds are regenerated in the working tree (see {@link #preCommit(boolean, boolean)}).
     *
     * @param hookProcess this process runs the hook and exits: JGit in its one-command mode and a
     *                    warm-up on the second core (docs/startup.md)
     */
    public Checked preCommit(boolean hookProcess) throws AtomizerException {
        return preCommit(hookProcess, true);
    }

    /**
     * {@code pre-commit}, regenerating or not. A derived file untouched while its sources changed is
     * stale ({@code generated-file}); with {@code regenerate}, each stale one the check refuses is
     * written into the working tree as the generator makes it of the <em>staged</em> sources (the
     * commit's content), the index is left alone, and the check still fails: the commit goes
     * through once they are staged, as the pre-commit framework's fixers do. A hand edit is never
     * overwritten; nor is a working-tree copy that differs from the staged one. See {@link Regeneration}.
     */
    public Checked preCommit(boolean hookProcess, boolean regenerate) throws AtomizerException {
        Trace.mark("main");
        if (hookProcess) {
            HookProcess.begin(); // before the warm-up thread touches JGit
            Warmup.start(() -> CheckWarmup.readAhead(start), CheckWarmup::run);
        }
        try (GitRepo git = GitRepo.open(start)) {
            Trace.mark("repository opened");
            Regeneration derived = new Regeneration(Scaffold.tree());
            GitChecks.Result r = GitChecks.preCommit(git, overrides, Generated.of(derived));
            if (!regenerate || derived.staleFiles().isEmpty()) {
                return new Checked(checks(r), git.workTree());
            }
            return regenerated(git, r, derived);
        }
    }

    /** Writes the stale files the check refused into the working tree and says so at each. */
    private static Checked regenerated(GitRepo git, GitChecks.Result r, Regeneration derived) throws AtomizerException {
        String rule = dev.atomizer.governance.GeneratedFile.INFO.id();
        List<String> refused = new ArrayList<>();
        for (Diagnostic d : r.diagnostics()) {
            if (d.rule().equals(rule)
                    && d.severity() == Severity.ERROR
                    && derived.staleFiles().containsKey(d.path())) {
                refused.add(d.path());
            }
        }
        Tree staged = git.index();
        Path top = git.workTree();
        Map<String, Regeneration.Outcome> outcomes = new java.util.HashMap<>();
        for (Regeneration.Outcome o : derived.write(top, staged, refused)) {
            outcomes.put(o.path(), o);
        }
        List<Diagnostic> said = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (Diagnostic d : r.diagnostics()) {
            Regeneration.Outcome o = d.rule().equals(rule) ? outcomes.get(d.path()) : null;
            if (o == null) {
                said.add(d);
                continue;
            }
            String stale = d.path() + " is stale (untouched while its sources changed): ";
            if (o.regenerated()) {
                written.add(o.path());
            }
            said.add(new Diagnostic(
                    d.path(),
                    d.line(),
                    d.column(),
                    d.rule(),
                    d.severity(),
                    o.regenerated()
                            ? stale + "regenerated in the working tree from the staged sources"
                            : stale + "not regenerated, " + o.reason()
                                    + "; run 'atomizer dashboards' and stage the result"));
        }
        List<String> unstaged = written.isEmpty() ? List.of() : Regeneration.unstagedSources(top, staged);
        return new Checked(new Checks(said, r.summary()), top, written, unstaged);
    }

    /** {@code commit-msg}: the approval trailers of the message in {@code messageFile} (relative to the start). */
    public Checked commitMsg(Path messageFile, boolean hookProcess) throws AtomizerException {
        if (hookProcess) {
            HookProcess.begin();
        }
        try (GitRepo git = GitRepo.open(start)) {
            String message;
            try {
                message = Files.readString(start.resolve(messageFile), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AtomizerException("cannot read the commit message " + messageFile + ": " + e.getMessage(), e);
            }
            return new Checked(checks(GitChecks.commitMsg(git, message, overrides)), null);
        }
    }

    /**
     * After a training run of {@link #preCommit}: the head logs remembered (the first commit after
     * the install reads only what it appends) and the whole warm-up run on this thread (the hook's
     * own runs on a daemon thread the exit may cut short).
     */
    public void finishTraining() {
        try (GitRepo git = GitRepo.open(start)) {
            GitChecks.rememberHeadLogs(git);
        } catch (AtomizerException e) {
            // not a repository the hooks can check yet: the hook will say so
        }
        Warmup.runAll(() -> CheckWarmup.readAhead(start), CheckWarmup::run);
    }

    /**
     * {@code verify}: what {@code base..head} brings to its base ({@code RangeVerification};
     * docs/governance.md, "How a range is judged").
     *
     * @param auditorSummary also render the Auditor summary of the range
     * @param rulesOption    how the front end names severity overrides, for the warning when verify
     *                       ignores some ({@code --rule}, {@code <rules>})
     * @param progress       told of each commit as it is checked: its short id and subject, one line
     */
    public Verification verify(
            String base, String head, boolean auditorSummary, String rulesOption, Consumer<String> progress)
            throws AtomizerException {
        return verify(base, head, auditorSummary, rulesOption, progress, false);
    }

    /**
     * As {@link #verify(String, String, boolean, String, Consumer)}; {@code onMainLine}: the range is
     * the main line's since its last verified commit ({@code verify --since-verified}), where a
     * commit that told GitHub to skip its run is already in and covered by this one (a warning).
     */
    public Verification verify(
            String base,
            String head,
            boolean auditorSummary,
            String rulesOption,
            Consumer<String> progress,
            boolean onMainLine)
            throws AtomizerException {
        String ignored = GitChecks.ignoredByVerify(overrides, rulesOption);
        try (GitRepo git = GitRepo.open(start)) {
            int[] commits = new int[1];
            GitChecks.Result r = GitChecks.verify(
                    git,
                    base,
                    head,
                    overrides,
                    Generated.of(Derived.files()),
                    c -> {
                        commits[0]++;
                        progress.accept(c.shortId() + " " + c.subject());
                    },
                    onMainLine);
            String summary = auditorSummary ? AuditSummary.render(Audit.of(git, base, head, r)) : null;
            return new Verification(checks(r), git.workTree(), commits[0], base + ".." + head, ignored, summary);
        }
    }

    /**
     * The last verified commit of the main line: {@code remote}'s {@value VerifiedRef#REF}, fetched
     * (null when the remote has none yet). See {@link VerifiedRef}.
     */
    public String verifiedBase(String remote) throws AtomizerException {
        return VerifiedRef.fetch(new GitCli(start, Map.of()), remote);
    }

    /**
     * The root commit of {@code head}'s first-parent line: the base of the first verification of a
     * new main line, which has no verified commit and no commit before its push (the root is where
     * its history and its first contract start).
     */
    public String rootCommit(String head) throws AtomizerException {
        try (GitRepo git = GitRepo.open(start)) {
            return git.firstParentRoot(head);
        }
    }

    /**
     * Advances {@code remote}'s verified commit from {@code expected} (null: none yet) to
     * {@code head}, after a green verify of {@code expected..head}; never backwards. Returns what
     * became of it, one line (moved, already there, or why it was refused).
     */
    public String markVerified(String remote, String expected, String head) throws AtomizerException {
        String id;
        try (GitRepo git = GitRepo.open(start)) {
            id = git.commitId(head, "head");
        }
        return VerifiedRef.advance(new GitCli(start, Map.of()), remote, expected, id)
                .message();
    }

    /** The folders the bot writes on the main line: the derived files' and, with reports, the weekly reports'. */
    public static List<String> publishedFolders(boolean reports) {
        List<String> out = new ArrayList<>();
        for (dev.atomizer.governance.DerivedFiles.Folder f : Derived.FOLDERS) {
            out.add(f.path());
        }
        if (reports) {
            out.add(Workspace.WEEKLY_REPORTS);
        }
        return List.copyOf(out);
    }

    /**
     * {@code publish}: the bot's write to the main line (see {@link Publisher}): from the remote
     * branch's tip, the dashboards regenerated and, with {@code reports}, every weekly report due
     * at {@code clock} and missing written; committed and pushed, started over from the new tip
     * when the push loses a race, up to the options' attempts. Its own commit, verified green on a
     * verified tip, advances the verified ref in the same push.
     */
    public PublishOutcome publish(
            PublishOptions options, boolean reports, java.time.Instant clock, Consumer<String> progress)
            throws AtomizerException {
        Path root = workspace().root();
        boolean fold = contract().settings().entryInbox();
        if (fold) {
            // the bot folds the inbox into the log in the same commit as the dashboards it regenerates
            List<String> owned = new ArrayList<>(options.owned());
            owned.add(Workspace.LOG);
            owned.add(Workspace.INBOX);
            options = new PublishOptions(
                    options.remote(),
                    options.branch(),
                    options.attempts(),
                    options.backoff(),
                    options.identity(),
                    owned);
        }
        Publisher publisher = new Publisher(root, options, progress);
        return publisher.publish(
                dir -> {
                    List<String> written = new ArrayList<>();
                    List<String> weeks = new ArrayList<>();
                    int folded = 0;
                    if (fold) {
                        dev.atomizer.api.Folded f = dev.atomizer.merge.InboxFold.fold(dir);
                        folded = f.folded().size();
                        if (folded > 0) {
                            written.add(f.log());
                            written.addAll(f.folded());
                        }
                    }
                    if (reports) {
                        for (ReportOutcome o : dev.atomizer.report.Reports.weeklyDue(dir, clock)) {
                            if (o.written()) {
                                written.add(o.path());
                                String name = o.path().substring(o.path().lastIndexOf('/') + 1);
                                weeks.add(name.substring(0, name.indexOf("-report")));
                            }
                        }
                    }
                    for (FileOutcome o : at(Workspace.at(dir), overrides, dir).dashboards(null)) {
                        if (o.written()) {
                            written.add(o.path());
                        }
                    }
                    String subject = weeks.isEmpty()
                            ? "Regenerate derived files"
                            : (weeks.size() == 1 ? "Weekly report " : "Weekly reports ") + String.join(", ", weeks)
                                    + ", derived files regenerated";
                    if (folded > 0) {
                        subject = "Fold " + folded + (folded == 1 ? " entry" : " entries") + " of the inbox into the"
                                + " log; " + subject.substring(0, 1).toLowerCase(java.util.Locale.ROOT)
                                + subject.substring(1);
                    }
                    return new Publisher.Made(List.copyOf(written), subject);
                },
                (base, head) -> !verify(base, head, false, "--rule", c -> {}).failed());
    }

    /**
     * {@code fold}: every inbox file's entry appended to the log in name (time) order, byte for byte,
     * and the inbox files deleted, in the working tree (the caller commits; {@code publish} folds
     * before it regenerates). Nothing folded when the inbox is empty.
     */
    public dev.atomizer.api.Folded fold() throws AtomizerException {
        return dev.atomizer.merge.InboxFold.fold(workspace().root());
    }

    /**
     * {@code init}: lays out a status repository at the start directory (made a git repository if it
     * is not one), makes the dashboards and installs the hooks. Never overwrites a file.
     *
     * @param jar the jar the hooks run, or null when running from classes
     * @return what was done, one line each
     */
    public List<String> init(Path jar) throws AtomizerException {
        return init(jar, null);
    }

    /**
     * As {@link #init(Path)}, the workflow's watchdog on the schedule {@code watchdogCron} (null:
     * {@link Scaffold#WATCHDOG_CRON}, every 6 hours).
     */
    public List<String> init(Path jar, String watchdogCron) throws AtomizerException {
        String cron = Scaffold.watchdogCron(watchdogCron);
        List<String> done = new ArrayList<>();
        if (GitRepo.initIfNone(start)) {
            done.add("made a git repository (branch main)");
        }
        try (GitRepo git = GitRepo.open(start)) {
            Path top = git.workTree();
            done.addAll(Scaffold.make(top, cron));
            for (FileOutcome o : at(Workspace.at(top), overrides, top).dashboards(null)) {
                if (o.written()) {
                    done.add("made " + o.path());
                }
            }
            done.addAll(HookInstaller.install(
                    git, ContractLoader.load(top.resolve(Workspace.CONTRACT), Workspace.CONTRACT), jar));
        }
        return done;
    }

    /**
     * {@code install-hooks}: the hooks and the log's merge driver, as the workspace's contract
     * governs them; what was done, one line each.
     */
    public List<String> installHooks(Path jar) throws AtomizerException {
        try (GitRepo git = GitRepo.open(start)) {
            return HookInstaller.install(git, ContractLoader.load(workspace().contract(), Workspace.CONTRACT), jar);
        }
    }

    /** {@code uninstall-hooks}: what install-hooks added is removed; what was done, one line each. */
    public List<String> uninstallHooks() throws AtomizerException {
        try (GitRepo git = GitRepo.open(start)) {
            return HookInstaller.uninstall(git);
        }
    }

    // ---- the reports: write-once files of a working tree, made the same way by every front end ----

    /**
     * {@code report weekly}: the weekly report of {@code week} ({@code YYYY-Www}; null: the last week
     * whose cut-off has come), written once under {@code root} (see {@link Reports}).
     *
     * @param weekOption how the front end names the week, for the message when it is not a week
     * @param asOf       the moment to describe, or null
     * @param clock      now (see {@link #clock(Map)}): no report of a week whose cut-off has not come
     * @param revise     the reason for a revision (null: no revision; the report is written once)
     */
    public static ReportOutcome weeklyReport(
            Path root,
            String week,
            String weekOption,
            LocalDateTime asOf,
            java.time.Instant clock,
            String revise,
            boolean pdf)
            throws AtomizerException {
        IsoWeek w = week == null ? null : IsoWeek.parse(week, weekOption);
        return Reports.weekly(root, w, asOf, clock, revise, pdf);
    }

    /** {@code report closeout}: the closeout report of the finished project {@code slug}, written once. */
    public static ReportOutcome closeoutReport(Path root, String slug, String revise, boolean pdf)
            throws AtomizerException {
        return Reports.closeout(root, slug, revise, pdf);
    }

    /** {@code report status}: the status report (markdown) of the project {@code slug}; nothing is written. */
    public static String statusReport(Path root, String slug, LocalDateTime asOf) throws AtomizerException {
        return Reports.status(root, slug, asOf);
    }

    /**
     * Now, as the reports and publish see it: the system clock, or the instant the environment's
     * test clock gives (see {@link ReportClock}).
     */
    public static java.time.Instant clock(Map<String, String> env) throws AtomizerException {
        return ReportClock.now(env);
    }

    // ---- the front ends' helpers: the merge driver, the job summary, the webhook ----

    /**
     * {@code merge-driver}: git's merge driver of the log (see {@link LogMerge}): reads %O %A %B,
     * writes the merge into the %A file atomically and returns git's exit code (0 clean, 1 conflict),
     * handing the merge's message to {@code report}.
     */
    public static int mergeDriver(Path base, Path ours, Path theirs, Consumer<String> report) throws IOException {
        return LogMerge.run(base, ours, theirs, report);
    }

    /** The environment variable the GitHub runner sets to the step's summary file. */
    public static final String STEP_SUMMARY = StepSummary.VARIABLE;

    /** The job summary file the environment names (relative paths against {@code cwd}), or null. */
    public static Path stepSummary(Map<String, String> env, Path cwd) {
        return StepSummary.file(env, cwd);
    }

    /** Appends {@code markdown} to the job summary {@code file} (see {@link StepSummary}). */
    public static void appendStepSummary(Path file, String markdown) throws AtomizerException {
        StepSummary.append(file, markdown);
    }

    /** The JSON a Discord or Slack incoming webhook takes for the one message {@code text}, pinging no one. */
    public static String webhookMessage(String text) {
        return AlertReport.payload(text);
    }

    /** The rule that reports a derived file differing from its regeneration ({@code check}). */
    public static final String GENERATED_STALE = GeneratedStale.ID;

    /** {@code init}'s default schedule of the workflow's watchdog (GitHub's cron, UTC). */
    public static final String WATCHDOG_CRON = Scaffold.WATCHDOG_CRON;

    /** The hidden command install-hooks records the hook's class-data archive from. */
    public static final String TRAIN_COMMAND = JvmFlags.TRAIN_COMMAND;

    /**
     * A moment a user gave ({@code YYYY-MM-DD HH:MM}, or with a {@code T}), or null when blank; a
     * usage error naming {@code what} (the option) otherwise.
     */
    public static LocalDateTime asOf(String text, String what) throws AtomizerException {
        return Format.asOf(text, what);
    }

    /**
     * What a hook's check found, with the work tree its paths are relative to (null for commit-msg),
     * the derived files pre-commit regenerated in the working tree, and the sources whose working-tree
     * copy differs from the staged one (the regenerated files are made of the staged ones).
     */
    public record Checked(Checks result, Path workTree, List<String> regenerated, List<String> unstagedSources) {

        public Checked(Checks result, Path workTree) {
            this(result, workTree, List.of(), List.of());
        }

        public boolean failed() {
            return result.failed();
        }

        /**
         * {@code regenerated 3 files: stage them (git add …) and commit again}, or null when nothing
         * was regenerated.
         */
        public String regeneratedLine() {
            if (regenerated.isEmpty()) {
                return null;
            }
            String n = regenerated.size() == 1 ? "1 file" : regenerated.size() + " files";
            String them = regenerated.size() == 1 ? "it" : "them";
            if (unstagedSources.isEmpty()) {
                return "regenerated " + n + ": stage " + them + " (git add " + String.join(" ", regenerated)
                        + ") and commit again";
            }
            return "regenerated " + n + " from the staged sources (the working tree's "
                    + String.join(", ", unstagedSources) + " differ" + (unstagedSources.size() == 1 ? "s" : "")
                    + " from the staged " + (unstagedSources.size() == 1 ? "one" : "ones") + "): stage only "
                    + them + " (git add " + String.join(" ", regenerated) + ") and commit again";
        }
    }

    /**
     * What {@code verify} found: the checks, how many commits, the range, the warning about ignored
     * overrides (or null) and the Auditor summary (or null when not asked for).
     */
    public record Verification(
            Checks result, Path workTree, int commits, String range, String warning, String auditorSummary) {

        public boolean failed() {
            return result.failed();
        }

        /** {@code verified 3 commits of base..head: …}, the closing line of a text report. */
        public String summaryLine() {
            return "verified " + commits + " commit" + (commits == 1 ? "" : "s") + " of " + range + ": "
                    + TextFormatter.summaryLine(result.summary());
        }
    }

    /** A governance check's findings as the front ends see them. */
    private static Checks checks(GitChecks.Result r) {
        return new Checks(r.diagnostics(), r.summary());
    }

    /** What a lint of several files found. */
    public record LintResult(List<Diagnostic> diagnostics, FileSummary summary) {}
}
