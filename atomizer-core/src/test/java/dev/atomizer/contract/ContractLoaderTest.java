package dev.atomizer.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomizer.Atomizer;
import dev.atomizer.AtomizerException;
import dev.atomizer.Workspace;
import dev.atomizer.lint.Diagnostic;
import dev.atomizer.lint.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractLoaderTest {

    static final String SEED_FORMAT = """
            # Data contracts

            Prose is free between the tables.

            ## Event Types (enumerated)

            | Type | Meaning | Required metrics |
            |------|---------|------------------|
            | `study-start` | New optimization study launched | |
            | `study-iteration` | Iteration completed | `iteration`, `objective` |
            | `milestone` | Phase/gate achieved | — |

            ## Status values

            | Status | Meaning |
            |---|---|
            | in-progress | Working |
            | completed | Done |
            | blocked | Waiting |

            ## Fields

            | Field | Meaning |
            |---|---|
            | Status | state |
            | Summary | one line |
            | Detail | context |
            | Owner | who |

            ## Agents

            | Agent | Role |
            |---|---|
            | `manager` | Runs the team |
            | `optimizer` | Runs studies |

            ## Approvers

            | Approver | Role |
            |---|---|
            | `mario` | Infrastructure |

            ## Governed paths

            | Path | Policy | Meaning |
            |---|---|---|
            | `context-docs/**` | immutable | Constitution |
            | `shared/project_log.md` | append-only | Log |

            ## Rules

            | Rule | Severity |
            |---|---|
            | `field-order` | off |
            | `unknown-project` | error |
            """;

    @Test
    void absentFileGivesTheSeedDefault(@TempDir Path dir) throws Exception {
        Contract c = ContractLoader.load(dir.resolve("schemas.md"), "schemas.md");
        assertThat(c).isSameAs(DefaultContract.get());
        assertThat(c.eventTypes()).hasSize(9);
        assertThat(c.eventTypes().get("study-iteration").requiredMetrics()).containsExactly("iteration", "objective");
        assertThat(c.statuses()).containsExactly("in-progress", "completed", "blocked", "failed");
        assertThat(c.fields()).containsExactly("Status", "Summary", "Detail", "Metrics", "Blockers");
        assertThat(c.agents()).isEmpty();
        assertThat(c.approvers()).containsExactly("ceo");
        assertThat(c.governedPaths()).extracting(GovernedPath::pattern)
                .contains("context-docs/**", "**/SOUL.md", "**/protocols/**", "shared/project_log.md");
    }

    @Test
    void readsEveryTable() throws Exception {
        Contract c = ContractLoader.parse(SEED_FORMAT, "schemas.md");
        assertThat(c.eventTypes()).containsOnlyKeys("study-start", "study-iteration", "milestone");
        assertThat(c.eventTypes().get("milestone").requiredMetrics()).isEmpty();
        assertThat(c.statuses()).containsExactly("in-progress", "completed", "blocked");
        assertThat(c.fields()).containsExactly("Status", "Summary", "Detail", "Owner");
        assertThat(c.agents()).containsExactly("manager", "optimizer");
        assertThat(c.approvers()).containsExactly("ceo", "mario");
        assertThat(c.governedPaths()).containsExactly(
                new GovernedPath("context-docs/**", Policy.IMMUTABLE, "Constitution"),
                new GovernedPath("shared/project_log.md", Policy.APPEND_ONLY, "Log"));
        assertThat(c.severities()).containsEntry("field-order", Severity.OFF).containsEntry("unknown-project", Severity.ERROR);
    }

    @Test
    void malformedTablesAreReportedAtTheirOwnLines() {
        String bad = """
                # Contract

                ## Event types

                | Type | Meaning |
                |---|---|
                | `Study Start` | bad case |
                | milestone | ok |
                | milestone | twice |

                ## Status values

                No table here.

                ## Governed paths

                | Path | Policy |
                |---|---|
                | `/abs/path` | immutable |
                | `docs/**` | frozen |

                ## Rules

                | Rule | Severity |
                |---|---|
                | `no-such-rule` | off |
                | `field-order` | loud |

                ## Fields

                | Field | Meaning |
                |---|---|
                | Detail | only |
                """;
        assertThatThrownBy(() -> ContractLoader.parse(bad, "shared/data-contracts/schemas.md"))
                .isInstanceOf(AtomizerException.class)
                .satisfies(e -> assertThat(((AtomizerException) e).problems())
                        .extracting(Diagnostic::line, Diagnostic::rule)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(7, "config"),
                                org.assertj.core.groups.Tuple.tuple(9, "config"),
                                org.assertj.core.groups.Tuple.tuple(11, "config"),
                                org.assertj.core.groups.Tuple.tuple(19, "config"),
                                org.assertj.core.groups.Tuple.tuple(20, "config"),
                                org.assertj.core.groups.Tuple.tuple(26, "config"),
                                org.assertj.core.groups.Tuple.tuple(27, "config"),
                                org.assertj.core.groups.Tuple.tuple(29, "config"),
                                org.assertj.core.groups.Tuple.tuple(29, "config")))
                .satisfies(e -> assertThat(((AtomizerException) e).lines()).allSatisfy(l ->
                        assertThat(l).startsWith("shared/data-contracts/schemas.md:")));
    }

    @Test
    void aMissingKeyColumnAndAnInvalidFileAreConfigurationErrors(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ContractLoader.parse("## Agents\n\n| Name | Role |\n|---|---|\n| x | y |\n", "s.md"))
                .isInstanceOf(AtomizerException.class)
                .hasMessageContaining("s.md: malformed contract");
        Path bin = dir.resolve("schemas.md");
        Files.write(bin, new byte[] {'#', ' ', (byte) 0xC0, (byte) 0x80, '\n'});
        assertThatThrownBy(() -> ContractLoader.load(bin, "schemas.md"))
                .isInstanceOf(AtomizerException.class)
                .satisfies(e -> assertThat(((AtomizerException) e).problems().get(0).toText())
                        .startsWith("schemas.md:1:1: error [encoding]"));
    }

    /** spec: "Adding a row adds a type; no code change and no rebuild." */
    @Test
    void addingAnEventTypeRowMakesThatTypeValid(@TempDir Path root) throws Exception {
        Path contract = root.resolve(Workspace.CONTRACT);
        Files.createDirectories(contract.getParent());
        Path log = root.resolve(Workspace.LOG);
        Files.writeString(log, "# Log\n\n## [2026-02-16 09:00] manager | p | budget-alert\n\n"
                + "**Status:** completed\n**Summary:** Budget at 80%.\n**Metrics:** tokens=8\n\n---\n", StandardCharsets.UTF_8);
        String table = "## Event types\n\n| Type | Meaning | Required metrics |\n|---|---|---|\n| milestone | gate | |\n";
        Files.writeString(contract, table);
        Atomizer before = Atomizer.open(Workspace.at(root), Map.of(), root);
        assertThat(before.lint(List.of(log)).diagnostics()).extracting(Diagnostic::rule).containsExactly("unknown-event-type");

        Files.writeString(contract, table + "| budget-alert | token budget crossed | tokens |\n");
        Atomizer after = Atomizer.open(Workspace.at(root), Map.of(), root);
        assertThat(after.lint(List.of(log)).diagnostics()).isEmpty();

        Files.writeString(contract, table + "| budget-alert | token budget crossed | tokens, cost_usd |\n");
        assertThat(Atomizer.open(Workspace.at(root), Map.of(), root).lint(List.of(log)).diagnostics())
                .extracting(Diagnostic::rule, Diagnostic::line).containsExactly(org.assertj.core.groups.Tuple.tuple("metric-required", 7));
    }
}
