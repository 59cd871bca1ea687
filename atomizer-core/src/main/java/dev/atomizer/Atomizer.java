package dev.atomizer;

import dev.atomizer.contract.Contract;
import dev.atomizer.contract.ContractLoader;
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

    /** A linter bound to this workspace's contract, projects and severities. */
    public Linter linter() {
        return new Linter(contract, status.slugs(), severities);
    }

    /** Lints one log file, handing each diagnostic to {@code sink} in file order. */
    public FileSummary lint(Path file, Consumer<Diagnostic> sink) throws AtomizerException {
        String shown = display(file);
        try (InputStream in = Files.newInputStream(file)) {
            return linter().lint(shown, in, sink);
        } catch (NoSuchFileException e) {
            throw new AtomizerException(shown + ": no such file");
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

    /** What a lint of several files found. */
    public record LintResult(List<Diagnostic> diagnostics, FileSummary summary) {
    }
}
