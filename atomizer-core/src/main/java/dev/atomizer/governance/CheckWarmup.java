package dev.atomizer.governance;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Workspace;
import dev.atomizer.git.FileChange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The check's part of the hook's warm-up ({@link dev.atomizer.startup.Warmup}): the pre-commit
 * checks run once over a small built-in change (a sample contract and project status, a log that
 * gains an entry), so that the main thread finds their code initialised. Produces nothing and
 * changes nothing.
 */
public final class CheckWarmup {

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

    private CheckWarmup() {}

    /**
     * Parses the contract and project status of the working tree at {@code workTree}: when the
     * index holds the same bytes (the usual commit), the check finds them parsed (see
     * {@link ParsedFiles}).
     */
    public static void readAhead(java.nio.file.Path workTree) {
        ParsedFiles.parseAhead(workTree);
    }

    /** Runs it on this thread; never throws. True when the samples read and linted as intended. */
    public static boolean run() {
        try {
            byte[] old = LOG.getBytes(StandardCharsets.UTF_8);
            byte[] neu = (LOG + "\n" + ENTRY).getBytes(StandardCharsets.UTF_8);
            Map<String, byte[]> before =
                    Map.of(Workspace.CONTRACT, CONTRACT.getBytes(StandardCharsets.UTF_8), Workspace.LOG, old);
            Map<String, byte[]> after = Map.of(
                    Workspace.CONTRACT,
                    CONTRACT.getBytes(StandardCharsets.UTF_8),
                    Workspace.STATUS,
                    STATUS.getBytes(StandardCharsets.UTF_8),
                    Workspace.LOG,
                    neu);
            FileChange append =
                    new FileChange(FileChange.Kind.MODIFY, Workspace.LOG, Workspace.LOG, () -> old, () -> neu);
            GitChecks.Result r = GitChecks.check(
                    List.of(append),
                    ParsedFiles.contract(before.get(Workspace.CONTRACT)),
                    after::get,
                    null,
                    null,
                    Map.of(),
                    DerivedFiles.NONE,
                    LogResumes.inMemory(),
                    java.time.Instant.now(),
                    null,
                    null,
                    null);
            return r.diagnostics().isEmpty() && r.summary().entries() == 1;
        } catch (AtomizerException | RuntimeException e) {
            // a warm-up has nothing to report: the real run reads and reports for itself
            return false;
        }
    }
}
