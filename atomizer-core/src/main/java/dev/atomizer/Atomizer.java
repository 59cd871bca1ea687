package dev.atomizer;

import dev.atomizer.contract.Contract;
import dev.atomizer.contract.ContractLoader;
import dev.atomizer.derive.Derived;
import dev.atomizer.derive.Sources;
import dev.atomizer.git.GitRepo;
import dev.atomizer.git.Tree;
import dev.atomizer.governance.GitChecks;
import dev.atomizer.lint.RuleCatalog;
import dev.atomizer.lint.Diagnostic;
import dev.atomizer.lint.FileSummary;
import dev.atomizer.lint.Linter;
import dev.atomizer.lint.Severities;
import dev.atomizer.lint.Severity;
import dev.atomizer.status.ProjectStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The façade: a workspace with its contract, project status and rule severities loaded, ready to
 * lint. Used by the command line, the Maven plugin and the hooks alike.
 *
 * <pre>{@code
 * Atomizer atomizer = Atomizer.open(Workspace.discover(Path.of("")), Map.of());
 * FileSummary s = atomizer.lint(atomizer.workspace().log(), System.out::println);
 * }</pre>
 */
public final class Atomizer {

    private final Workspace workspace;
    private final Contract contract;
    private final ProjectStatus status;
    private final Severities severities;
    private final Path displayBase;

    private Atomizer(Workspace workspace, Contract contract, ProjectStatus status, Severities severities,
                     Path displayBase) {
        this.workspace = workspace;
        this.contract = contract;
        this.status = status;
        this.severities = severities;
        this.displayBase = displayBase;
    }

    /**
     * Loads the workspace's contract (the seed's default when schemas.md is absent) and project
     * status; {@code overrides} lay rule severities over the contract's Rules table.
     *
     * @throws AtomizerException when schemas.md or PROJECT_STATUS.md is malformed or unreadable
     */
    public static Atomizer open(Workspace workspace, Map<String, Severity> overrides) throws AtomizerException {
        return open(workspace, overrides, Path.of("").toAbsolutePath());
    }

    /** As {@link #open(Workspace, Map)}, showing paths relative to {@code displayBase}. */
    public static Atomizer open(Workspace workspace, Map<String, Severity> overrides, Path displayBase)
            throws AtomizerException {
        Path base = displayBase.toAbsolutePath().normalize();
        Contract contract = ContractLoader.load(workspace.contract(), display(base, workspace.contract()));
        ProjectStatus status = ProjectStatus.load(workspace.status(), display(base, workspace.status()));
        Severities severities = Severities.of(contract.severities()).with(overrides);
        return new Atomizer(workspace, contract, status, severities, base);
    }

    public Workspace workspace() {
        return workspace;
    }

    public Contract contract() {
        return contract;
    }

    public ProjectStatus status() {
        return status;
    }

    public Severities severities() {
        return severities;
    }

    /**
     * A linter bound to this workspace's contract, projects and severities, checking
     * {@code timestamp-future} against the wall clock in the contract's time zone.
     */
    public Linter linter() {
        return new Linter(contract, status.slugs(), severities, now());
    }

    /** The wall clock in the contract's time zone, to the minute. */
    public java.time.LocalDateTime now() {
        return java.time.LocalDateTime.now(contract.settings().zone()).withSecond(0).withNano(0);
    }

    /** Lints one log file, handing each diagnostic to {@code sink} in file order. */
    public FileSummary lint(Path file, Consumer<Diagnostic> sink) throws AtomizerException {
        String shown = display(file);
        try (InputStream in = Files.newInputStream(file)) {
            return linter().lint(shown, in, sink);
        } catch (NoSuchFileException e) {
            if (file.toAbsolutePath().normalize().equals(workspace.log().toAbsolutePath().normalize())) {
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
     * Regenerates every derived file (the dashboards) of the repository at {@code root} from its
     * working-tree sources, writing only those whose content changes.
     *
     * @param asOf the moment to describe, or null for the newest entry's timestamp
     */
    public static List<Derived.Outcome> dashboards(Path root, LocalDateTime asOf) throws AtomizerException {
        try (Sourced s = sourced(root, false)) {
            return Derived.write(root, Derived.generate(s.files(), asOf));
        }
    }

    /** The gates G1–G6 of the repository at {@code root}, from its working tree and git history. */
    public static List<dev.atomizer.derive.Gates> gates(Path root) throws AtomizerException {
        try (Sourced s = sourced(root, false)) {
            Sources sources = Sources.read(s.files(), null);
            return dev.atomizer.derive.Gates.of(sources,
                    dev.atomizer.derive.Kpis.weeks(sources, dev.atomizer.derive.KpiMetrics.WEEKS));
        }
    }

    /** The derived files of the working tree that differ from a regeneration (missing ones included). */
    public static List<String> staleDerived(Path root) throws AtomizerException {
        try (Sourced s = sourced(root, true)) {
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
            String kpi = dev.atomizer.derive.KpiMetrics.PATH;
            byte[] committed = git.headFiles().read(kpi);
            if (asCommitted && committed != null && java.util.Arrays.equals(committed, files.read(kpi))) {
                dev.atomizer.git.CommitInfo last = git.lastChange(kpi);
                rev = last == null || last.parents().isEmpty() ? null : last.parents().get(0);
            }
        } catch (IOException e) {
            git.close();
            throw new AtomizerException("cannot read " + dev.atomizer.derive.KpiMetrics.PATH + ": " + e.getMessage(), e);
        }
        return new Sourced(git.withHistory(files, rev, Derived.HISTORY_PATHS), git);
    }

    /**
     * {@code check}: the whole log linted, the working tree's changes against HEAD governed (when
     * the workspace is a git repository), and every derived file compared with a regeneration
     * ({@code generated-stale}). Diagnostics come sorted.
     */
    public LintResult check(Map<String, Severity> overrides) throws AtomizerException {
        List<Diagnostic> all = new ArrayList<>();
        FileSummary summary = lint(workspace.log(), all::add);
        Path root = workspace.root();
        GitRepo opened = openGit(root);
        if (opened != null) {
            try (GitRepo git = opened) {
                GitChecks.Result r = GitChecks.workingTree(git, overrides, Derived.files());
                all.addAll(r.diagnostics());
                summary = summary.plus(r.summary());
            }
        }
        Severity stale = severities.of(RuleCatalog.GENERATED_STALE);
        if (stale != Severity.OFF) {
            for (String path : staleDerived(root)) {
                String what = Files.exists(root.resolve(path), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        ? " is not what the generator makes of the log and PROJECT_STATUS.md"
                        : " is missing (the generator makes it from the log and PROJECT_STATUS.md)";
                all.add(new Diagnostic(path, 1, 1, RuleCatalog.GENERATED_STALE, stale, path + what
                        + "; run 'atomizer dashboards' (or 'mvn atomizer:dashboards') and commit the result"));
                summary = summary.plus(new FileSummary(0, stale == Severity.ERROR ? 1 : 0,
                        stale == Severity.WARNING ? 1 : 0));
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
        if (!java.nio.file.Files.exists(root.resolve(".git"))) {
            return null;
        }
        try {
            return GitRepo.open(root);
        } catch (AtomizerException notARepository) {
            return null;
        }
    }

    /**
     * The Auditor summary of a pull request (markdown, under 1 MiB): the verdict, the violations
     * {@code verified} holds with their commits, protected paths and their approvals, status moves,
     * the entries added, the commits, the freshness of derived files. See {@link dev.atomizer.audit.Audit}.
     */
    public static String auditorSummary(GitRepo git, String base, String head, GitChecks.Result verified)
            throws AtomizerException {
        return dev.atomizer.audit.AuditSummary.render(dev.atomizer.audit.Audit.of(git, base, head, verified));
    }

    /** What a lint of several files found. */
    public record LintResult(List<Diagnostic> diagnostics, FileSummary summary) {
    }
}
