package dev.atomizer.governance;

import dev.atomizer.AtomizerException;
import dev.atomizer.Workspace;
import dev.atomizer.git.FileChange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs the pre-commit checks once over a small built-in change (a sample contract and project
 * status, a log that gains an entry) on a second thread while the hook's main thread opens the
 * repository: in a JVM that lives a fraction of a second, most of the cost of reading schemas.md
 * and linting an entry is the first run of that code (class initialisation, linking, interpreted
 * bytecode), and a hook machine has a second core for it. Produces nothing and changes nothing:
 * the real contract and entries are read afterwards, as before.
 */
public final class Warmup {

    private static final String CONTRACT = """
            # Contract

            ## Event types

            | Type | Meaning | Required metrics |
            |------|---------|------------------|
            | `milestone` | Phase achieved | |
            | `study-iteration` | Iteration | `iteration, objective` |

            ## Status values

            | Status | Meaning |
            |--------|---------|
            | `completed` | Done |
            | `blocked` | Blocked |

            ## Fields

            | Field | Meaning |
            |-------|---------|
            | Status | **One** of the values |
            | Summary | One line |
            | Detail | Context |
            | Metrics | `key=value` |
            | Blockers | Who unblocks |

            ## Agents

            | Agent | Role |
            |-------|------|
            | `manager` | Runs the team |

            ## Approvers

            | Approver | Role |
            |----------|------|
            | `ceo` | Owner |

            ## Governed paths

            | Path | Policy | Meaning |
            |------|--------|---------|
            | `shared/project_log.md` | append-only | The log |
            | `context-docs/**` | immutable | Foundations |

            ## Rules

            | Rule | Severity |
            |------|----------|
            | `field-order` | warning |
            """;

    private static final String STATUS = """
            # Status

            ## Projects

            | Slug | Name |
            |------|------|
            | `sample` | Sample |
            """;

    private static final String LOG = """
            # Log

            ## [2026-01-01 00:00] manager | sample | milestone

            **Status:** completed
            **Summary:** Warm-up.
            **Detail:** A list:
            - one
            - two

            ```text
            code
            ```
            **Metrics:** tokens=1, ref=warm-up

            ---

            ## [2026-01-01 00:01] manager | sample | study-iteration

            **Status:** blocked
            **Summary:** Second.
            **Metrics:** iteration=1 objective=2.5
            **Blockers:** Nobody.

            ---
            """;

    private static final String ENTRY = """
            ## [2026-01-01 00:02] manager | sample | milestone

            **Status:** completed
            **Summary:** Appended.

            ---
            """;

    private Warmup() {
    }

    /**
     * Starts the warm-up on a daemon thread (it never holds the JVM's exit). It also parses the
     * contract and project status of the working tree at {@code workTree}: when the index holds the
     * same bytes (the usual commit), the check finds them parsed (see {@link ParsedFiles}).
     */
    public static void start(java.nio.file.Path workTree) {
        Thread t = new Thread(() -> runAll(workTree), "atomizer-warmup");
        t.setDaemon(true);
        t.start();
    }

    /** The whole warm-up on this thread, in the order the main thread will need its parts. */
    public static void runAll(java.nio.file.Path workTree) {
        comparison();
        securityProviders();
        timeZones();
        ParsedFiles.parseAhead(workTree);
        dev.atomizer.git.GitRepo.warmUp();
        run();
    }

    /**
     * Has the JIT compile the JDK's array comparison (the append check's {@code Arrays.mismatch}
     * over the whole old log) before the main thread needs it: called a few hundred times on small
     * arrays, it is queued for compilation at once. Left to the main thread, its one long call
     * runs interpreted until an on-stack replacement that a busy compile queue delays: JFR showed it
     * as slow there as a plain byte loop (a quarter of the main thread's samples on a 10k log).
     *
     * @return true (the comparisons found what they were built with)
     */
    static boolean comparison() {
        byte[] a = new byte[256];
        byte[] b = new byte[256];
        b[255] = 1;
        boolean same = true;
        for (int i = 0; i < 400; i++) {
            same &= java.util.Arrays.mismatch(a, 0, a.length, b, 0, b.length) == 255;
        }
        return same;
    }

    /**
     * JGit asks for a SHA-1 digest as it initialises (object ids), and the first such request loads
     * the JDK's security providers: done here, meanwhile, the main thread finds them ready.
     */
    private static void securityProviders() {
        try {
            java.security.MessageDigest.getInstance("SHA-1");
        } catch (java.security.NoSuchAlgorithmException e) {
            // JGit reports it itself
        }
    }

    /**
     * JGit's file snapshots (read with the index and every config) format times in the system's
     * zone: the first use loads java.time's formatters and the zone database; so do entry
     * timestamps.
     */
    private static void timeZones() {
        java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(java.time.ZoneId.systemDefault());
    }

    /** Runs it on this thread; never throws. True when the samples read and linted as intended. */
    public static boolean run() {
        try {
            byte[] old = LOG.getBytes(StandardCharsets.UTF_8);
            byte[] neu = (LOG + "\n" + ENTRY).getBytes(StandardCharsets.UTF_8);
            Map<String, byte[]> before = Map.of(Workspace.CONTRACT, CONTRACT.getBytes(StandardCharsets.UTF_8),
                    Workspace.LOG, old);
            Map<String, byte[]> after = Map.of(Workspace.CONTRACT, CONTRACT.getBytes(StandardCharsets.UTF_8),
                    Workspace.STATUS, STATUS.getBytes(StandardCharsets.UTF_8), Workspace.LOG, neu);
            FileChange append = new FileChange(FileChange.Kind.MODIFY, Workspace.LOG, Workspace.LOG, () -> old,
                    () -> neu);
            GitChecks.Result r = GitChecks.check(List.of(append), ParsedFiles.contract(before.get(Workspace.CONTRACT)),
                    after::get, null, null, Map.of(), DerivedFiles.NONE, LogResumes.inMemory(), java.time.Instant.now());
            return r.diagnostics().isEmpty() && r.summary().entries() == 1;
        } catch (AtomizerException | RuntimeException e) {
            // a warm-up has nothing to report: the real run reads and reports for itself
            return false;
        }
    }
}
