package dev.atomizer.install;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code atomizer init} lays out in a new status repository: the contract (with the default
 * event types, statuses, fields and governed paths, commented), {@code PROJECT_STATUS.md}, the log
 * with its preamble, the weekly report template, the GitHub workflow (verify pull requests,
 * regenerate on main, the weekly report on Friday) and the folders the generators write. A file that
 * is already there is kept as it is: init never overwrites.
 */
public final class Scaffold {

    /** The files init makes, by path, with the resource each is copied from. */
    static final Map<String, String> FILES = files();

    /** Folders the generators and reports write into, kept in git by an empty {@code .gitkeep}. */
    static final List<String> FOLDERS = List.of(
            "shared/dashboards",
            "shared/kpi",
            "shared/reports/weekly",
            "shared/reports/project",
            "context-docs",
            "knowledge-base");

    /** The workflow init writes, with the watchdog's schedule in it. */
    static final String WORKFLOW = ".github/workflows/atomizer.yml";

    /**
     * The watchdog's default schedule: every 6 hours, a few minutes past the hour. About 120 runs
     * a month, where hourly would be 720 billed minutes on a private repository; the alerts it
     * raises are about hours (a silent log after 6, main unverified after 24) and days.
     */
    public static final String WATCHDOG_CRON = "7 */6 * * *";

    /** Five fields of numbers, names, {@code *}, ranges, steps and lists, as GitHub's cron reads them. */
    private static final java.util.regex.Pattern CRON =
            java.util.regex.Pattern.compile("[0-9A-Za-z*/,-]+( [0-9A-Za-z*/,-]+){4}");

    private Scaffold() {}

    /**
     * The watchdog's schedule as the workflow will say it: {@code cron} (a POSIX cron line, UTC,
     * as GitHub runs it), or the default for null.
     *
     * @throws AtomizerException for a line that is not five cron fields
     */
    public static String watchdogCron(String cron) throws AtomizerException {
        if (cron == null) {
            return WATCHDOG_CRON;
        }
        String c = cron.strip().replaceAll("\\s+", " ");
        if (!CRON.matcher(c).matches()) {
            throw new AtomizerException("--watchdog-cron '" + cron + "': not a cron schedule (five fields, UTC,"
                    + " such as '" + WATCHDOG_CRON + "' for every 6 hours)");
        }
        return c;
    }

    private static Map<String, String> files() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Workspace.CONTRACT, "schemas.md");
        m.put(Workspace.STATUS, "PROJECT_STATUS.md");
        m.put(Workspace.LOG, "project_log.md");
        // the built-in template, written out for the team to edit
        m.put("shared/reports/templates/weekly-template.md", "/dev/atomizer/report/weekly-template.md");
        // the workflow of sample-repo (a test keeps them the same)
        m.put(WORKFLOW, "atomizer.yml");
        return m;
    }

    /** The content init writes at {@code path} (one of {@link #FILES}), the workflow with the default schedule. */
    public static byte[] content(String path) throws AtomizerException {
        return content(path, WATCHDOG_CRON);
    }

    /**
     * The content init writes at {@code path}: the workflow's watchdog runs on {@code watchdogCron}
     * (a schedule {@link #watchdogCron(String)} accepted).
     */
    public static byte[] content(String path, String watchdogCron) throws AtomizerException {
        byte[] bytes = resource(path);
        if (!WORKFLOW.equals(path) || WATCHDOG_CRON.equals(watchdogCron)) {
            return bytes;
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        String line = "- cron: '" + WATCHDOG_CRON + "'";
        if (text.indexOf(line) < 0 || text.indexOf(line) != text.lastIndexOf(line)) {
            throw new AtomizerException("the scaffold's workflow has no one watchdog schedule (" + line + ")");
        }
        return text.replace(line, "- cron: '" + watchdogCron + "'").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] resource(String path) throws AtomizerException {
        String resource = FILES.get(path);
        try (InputStream in = Scaffold.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AtomizerException("the scaffold's " + resource + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AtomizerException("cannot read the scaffold's " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * The files init makes, as a state of the repository (what the generators read when init makes
     * the dashboards of a new repository); a path init does not make is absent.
     */
    public static dev.atomizer.git.Tree tree() {
        return path -> {
            if (!FILES.containsKey(path)) {
                return null;
            }
            try {
                return content(path);
            } catch (AtomizerException e) {
                throw new IOException(e.getMessage(), e);
            }
        };
    }

    /**
     * Lays the repository out under {@code root}, keeping every file that exists.
     *
     * @return one line per file or folder: "made …" or "kept … (already there)"
     */
    public static List<String> make(Path root) throws AtomizerException {
        return make(root, WATCHDOG_CRON);
    }

    /**
     * As {@link #make(Path)}, the workflow's watchdog on {@code watchdogCron} (a schedule
     * {@link #watchdogCron(String)} accepted).
     */
    public static List<String> make(Path root, String watchdogCron) throws AtomizerException {
        List<String> out = new ArrayList<>();
        try {
            for (String path : FILES.keySet()) {
                if (Files.exists(root.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
                    out.add("kept " + path + " (already there)");
                    continue;
                }
                Path file = Workspace.writable(root, path);
                Files.createDirectories(file.getParent());
                dev.atomizer.io.AtomicFile.replace(file, content(path, watchdogCron));
                out.add("made " + path);
            }
            for (String folder : FOLDERS) {
                Path dir = root.resolve(folder);
                if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Path keep = Workspace.writable(root, folder + "/.gitkeep");
                Files.createDirectories(keep.getParent());
                Files.write(keep, new byte[0]);
                out.add("made " + folder + "/");
            }
        } catch (IOException e) {
            throw new AtomizerException("cannot lay out " + root + ": " + e.getMessage(), e);
        }
        return out;
    }
}
