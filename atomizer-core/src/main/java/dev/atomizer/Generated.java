package dev.atomizer;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Workspace;
import dev.atomizer.contract.Policy;
import dev.atomizer.git.Tree;
import dev.atomizer.governance.DerivedFiles;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Everything the generators write, as the governance rules see it: the dashboards' generator
 * ({@code Derived.files()}, or pre-commit's {@code Regeneration} over it) with its folders, and the
 * folders of the reports, which only {@code atomizer report} writes: the weekly reports
 * ({@code YYYY-Www-report.md}, a revision {@code YYYY-Www-report.rN.md}, the PDF beside each) and
 * the closeout reports ({@code SLUG-closeout.md}, …). A report added there must be what
 * {@code atomizer report} makes of the same state ({@code not-generated}); its bytes are made only
 * then, so that the report code stays off the hooks' common path (its classes load on first use).
 */
public final class Generated implements DerivedFiles {

    /** The report folders, which only {@code atomizer report} writes. */
    public static final List<Folder> REPORT_FOLDERS = List.of(
            new Folder(
                    Workspace.WEEKLY_REPORTS,
                    Policy.WRITE_ONCE,
                    Workspace.weeklyReport("2026-W01"),
                    "'atomizer report weekly'"),
            new Folder(
                    Workspace.CLOSEOUT_REPORTS,
                    Policy.WRITE_ONCE,
                    Workspace.closeoutReport("project"),
                    "'atomizer report closeout'"));

    private static final Pattern WEEKLY = Pattern.compile("[0-9]{4}-W[0-9]{2}-report\\.(md|pdf)");
    private static final Pattern WEEKLY_REVISION = Pattern.compile("[0-9]{4}-W[0-9]{2}-report\\.r[0-9]+\\.(md|pdf)");
    private static final Pattern CLOSEOUT = Pattern.compile("[^/]+-closeout\\.(md|pdf)");
    private static final Pattern CLOSEOUT_REVISION = Pattern.compile("[^/]+-closeout\\.r[0-9]+\\.(md|pdf)");

    private final DerivedFiles dashboards;
    private final Supplier<Instant> clock;
    private final List<Folder> folders;

    private Generated(DerivedFiles dashboards, Supplier<Instant> clock) {
        this.dashboards = dashboards;
        this.clock = clock;
        List<Folder> all = new ArrayList<>(dashboards.folders());
        all.addAll(REPORT_FOLDERS);
        this.folders = List.copyOf(all);
    }

    /** The dashboards' generator with the reports' folders; a week's report may be added once its cut-off has come by the wall clock. */
    public static Generated of(DerivedFiles dashboards) {
        return new Generated(dashboards, Instant::now);
    }

    /** As {@link #of(DerivedFiles)}, with the clock that says whether a week's cut-off has come. */
    public static Generated of(DerivedFiles dashboards, Supplier<Instant> clock) {
        return new Generated(dashboards, clock);
    }

    @Override
    public byte[] expected(String path, Tree sources) throws IOException {
        return dashboards.expected(path, sources);
    }

    @Override
    public List<String> historyPaths() {
        return dashboards.historyPaths();
    }

    @Override
    public byte[] initial(String path) throws IOException {
        return dashboards.initial(path);
    }

    @Override
    public void stale(String path, byte[] made) {
        dashboards.stale(path, made);
    }

    @Override
    public List<Folder> folders() {
        return folders;
    }

    @Override
    public Kind kind(String path) {
        for (Folder f : REPORT_FOLDERS) {
            if (!f.holds(path)) {
                continue;
            }
            String name = path.substring(f.path().length() + 1);
            boolean weekly = f.path().equals(Workspace.WEEKLY_REPORTS);
            if (name.equals(".gitkeep")) {
                return Kind.KEEP;
            }
            if ((weekly ? WEEKLY : CLOSEOUT).matcher(name).matches()) {
                return Kind.SNAPSHOT;
            }
            if ((weekly ? WEEKLY_REVISION : CLOSEOUT_REVISION).matcher(name).matches()) {
                return Kind.REVISION;
            }
            return Kind.NONE;
        }
        return dashboards.kind(path);
    }

    @Override
    public byte[] snapshot(String path, Tree state) throws IOException {
        if (kind(path) != Kind.SNAPSHOT) {
            return dashboards.snapshot(path, state);
        }
        try {
            return dev.atomizer.report.Reports.snapshot(state, path, clock.get());
        } catch (AtomizerException e) {
            throw new Refused(e.getMessage(), e);
        }
    }
}
