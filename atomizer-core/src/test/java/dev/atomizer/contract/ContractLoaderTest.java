package dev.atomizer.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomizer.Atomizer;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.Severity;
import dev.atomizer.api.Workspace;
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
    void absentFileGivesTheBuiltInDefault(@TempDir Path dir) throws Exception {
        Contract c = ContractLoader.load(dir.resolve("schemas.md"), "schemas.md");
        assertThat(c).isSameAs(DefaultContract.get());
        assertThat(c.eventTypes()).hasSize(9);
        assertThat(c.eventTypes().get("study-iteration").requiredMetrics()).containsExactly("iteration", "objective");
        assertThat(c.statuses()).containsExactly("in-progress", "completed", "blocked", "failed");
        assertThat(c.fields()).containsExactly("Status", "Summary", "Detail", "Metrics", "Blockers");
        assertThat(c.agents()).isEmpty();
        assertThat(c.approvers()).containsExactly("ceo");
        assertThat(c.governedPaths())
                .extracting(GovernedPath::pattern)
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
        assertThat(c.governedPaths())
                .containsExactly(
                        new GovernedPath("context-docs/**", Policy.IMMUTABLE, "Constitution"),
                        new GovernedPath("shared/project_log.md", Policy.APPEND_ONLY, "Log"));
        assertThat(c.severities())
                .containsEntry("field-order", Severity.OFF)
                .containsEntry("unknown-project", Severity.ERROR);
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
                .satisfies(e -> assertThat(((AtomizerException) e).lines())
                        .allSatisfy(l -> assertThat(l).startsWith("shared/data-contracts/schemas.md:")));
    }

    static final String ED25519 =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIqSphTF70rMGy3pBQt6rx5O+A+ChIpS/Da+wzxN4ddM ceo@example";

    @Test
    void approversMayHaveAKeyAndSettingsAreReadIgnoringTheCaseOfTheirNames() throws Exception {
        Contract c = ContractLoader.parse("""
                ## Approvers

                | Approver | Role | Key |
                |---|---|---|
                | `ceo` | Decides | `%s` |
                | `mario` | Infrastructure | `C54C DEEA 373A 4E85 C2D2  4AC8 B1FF 0BE7 ADE8 706A` |
                | `lena` | Research | |

                ## Settings

                | Setting | Value |
                |---|---|
                | approvals | Signed |
                """.formatted(ED25519), "schemas.md");
        assertThat(c.approvers()).containsExactly("ceo", "mario", "lena");
        assertThat(c.keyOf("ceo"))
                .isEqualTo(new ApproverKey(ApproverKey.Kind.SSH, ED25519.substring(0, ED25519.lastIndexOf(' '))));
        assertThat(c.keyOf("mario"))
                .isEqualTo(new ApproverKey(ApproverKey.Kind.OPENPGP, "c54cdeea373a4e85c2d24ac8b1ff0be7ade8706a"));
        assertThat(c.keyOf("lena")).isNull();
        assertThat(c.settings().approvals()).isEqualTo(Settings.ApprovalMode.SIGNED);
        // the default: no key, approvals by trailer; ceo is built in
        Contract d =
                ContractLoader.parse("## Approvers\n\n| Approver | Role |\n|---|---|\n| mario | Infra |\n", "s.md");
        assertThat(d.approvers()).containsExactly("ceo", "mario");
        assertThat(d.keyOf("ceo")).isNull();
        assertThat(d.settings().approvals()).isEqualTo(Settings.ApprovalMode.TRAILER);
    }

    @Test
    void dashboardSectionsMapTheContractsOwnEventTypesAndUnlistedSectionsKeepTheirDefault() throws Exception {
        String md = """
                # C

                ## Event types

                | Type | Meaning |
                |------|---------|
                | `release-shipped` | shipped |
                | `milestone` | gate |

                ## Dashboard sections

                | Section | Event types |
                |---------|-------------|
                | Wins | `release-shipped`, milestone |
                | studies | |
                """;
        Contract c = ContractLoader.parse(md, "s.md");
        assertThat(c.sections().of(Sections.Section.WINS)).containsExactly("release-shipped", "milestone");
        assertThat(c.sections().of(Sections.Section.STUDIES)).isEmpty();
        // unlisted: the default, but only the types this contract defines count
        assertThat(c.sections().of(Sections.Section.DECISIONS)).containsExactly("decision-needed");
        assertThat(c.section(Sections.Section.DECISIONS)).isEmpty();
        assertThat(c.section(Sections.Section.MILESTONES)).containsExactly("milestone");
        String bad = md + "| winz | `milestone` |\n| wins | `milestone` |\n| errors | `incident` |\n";
        assertThatThrownBy(() -> ContractLoader.parse(bad, "s.md"))
                .isInstanceOf(AtomizerException.class)
                .satisfies(e -> assertThat(((AtomizerException) e).lines())
                        .containsExactly(
                                "s.md:16:1: error [config] unknown dashboard section 'winz'; the sections are: wins, decisions,"
                                        + " delegations, reviews, completions, errors, studies, milestones, knowledge",
                                "s.md:17:1: error [config] section 'wins' is already mapped at line 14",
                                "s.md:18:1: error [config] section 'errors' names event type 'incident', which the Event types"
                                        + " table does not define"));
    }

    /** The watchdog's thresholds are checked where they are written, as every setting is. */
    @Test
    void aMalformedSilenceThresholdIsAContractErrorAtItsLine() {
        String bad = """
                ## Agents

                | Agent | Role | Silent after |
                |---|---|---|
                | manager | Runs the team | soon |
                | optimizer | Runs studies | 31 days |
                | tester | Tests | 12 hours |
                | coder | Codes | — |

                ## Settings

                | Setting | Value |
                |---|---|
                | Silence alert | forever |
                """;
        assertThatThrownBy(() -> ContractLoader.parse(bad, "shared/data-contracts/schemas.md"))
                .isInstanceOf(AtomizerException.class)
                .satisfies(e -> assertThat(((AtomizerException) e).lines())
                        .containsExactly(
                                "shared/data-contracts/schemas.md:5:1: error [config] the Silent after of agent 'manager'"
                                        + " must be a duration such as '24 hours' or '90 minutes' (at most 30 days),"
                                        + " not 'soon'",
                                "shared/data-contracts/schemas.md:6:1: error [config] the Silent after of agent"
                                        + " 'optimizer' must be a duration such as '24 hours' or '90 minutes' (at most"
                                        + " 30 days), not '31 days'",
                                "shared/data-contracts/schemas.md:14:1: error [config] setting 'Silence alert' must be a"
                                        + " duration such as '6 hours' or '90 minutes', not 'forever'"));
    }

    @Test
    void identityColumnsAndOwnersAreReadAndChecked() throws Exception {
        String good = """
                ## Agents

                | Agent | Role | Email | Key |
                |---|---|---|---|
                | manager | Manager | `manager@example.com` | C54C DEEA 373A 4E85 6FA5 8F5D 0F62 8A6F 7A89 2DB1 |
                | tech-lead | Tech lead | alice@example.com | |

                ## Approvers

                | Approver | Email |
                |---|---|
                | mario | mario@example.com |

                ## Governed paths

                | Path | Policy | Owner |
                |---|---|---|
                | shared/PROJECT_STATUS.md | owned | manager |
                | context-docs/** | immutable | mario |
                | shared/project_log.md | append-only | |

                ## Settings

                | Setting | Value |
                |---|---|
                | Entry identity | Signed |
                """;
        Contract c = ContractLoader.parse(good, "shared/data-contracts/schemas.md");
        assertThat(c.identities().emails())
                .containsExactly(
                        java.util.Map.entry("manager", "manager@example.com"),
                        java.util.Map.entry("tech-lead", "alice@example.com"),
                        java.util.Map.entry("mario", "mario@example.com"));
        assertThat(c.identities().withEmail("Alice@Example.com")).containsExactly("tech-lead");
        assertThat(c.identities().agentKeys()).containsOnlyKeys("manager");
        assertThat(c.governedPaths()).extracting(GovernedPath::owner).containsExactly("manager", "mario", null);
        assertThat(c.governedPaths().get(0).policy()).isEqualTo(Policy.OWNED);
        assertThat(c.settings().entryIdentity()).isEqualTo(Settings.IdentityMode.SIGNED);
        assertThat(ContractLoader.parse("# Contract\n", "x").settings().entryIdentity())
                .isEqualTo(Settings.IdentityMode.OFF);
        // without an agent registry any well-formed id may own a path, as any may head an entry
        assertThat(ContractLoader.parse(
                                "## Governed paths\n\n| Path | Policy | Owner |\n|---|---|---|\n| a.md | owned | manager |\n",
                                "x")
                        .governedPaths()
                        .get(0)
                        .owner())
                .isEqualTo("manager");

        String bad = """
                ## Agents

                | Agent | Email |
                |---|---|
                | manager | the manager |
                | tech-lead | alice@example.com |
                | optimizer | ALICE@example.com |

                ## Governed paths

                | Path | Policy | Owner |
                |---|---|---|
                | shared/PROJECT_STATUS.md | owned | |
                | context-docs/** | immutable | nobody |

                ## Settings

                | Setting | Value |
                |---|---|
                | Entry identity | sometimes |
                """;
        assertThatThrownBy(() -> ContractLoader.parse(bad, "shared/data-contracts/schemas.md"))
                .isInstanceOf(AtomizerException.class)
                .satisfies(e -> assertThat(((AtomizerException) e).lines())
                        .containsExactly(
                                "shared/data-contracts/schemas.md:5:1: error [config] the Email of agent 'manager' must be"
                                        + " an e-mail address as git records a commit's author ('name@example.com'), not"
                                        + " 'the manager'",
                                "shared/data-contracts/schemas.md:7:1: error [config] the Email of agent 'optimizer' is"
                                        + " already 'tech-lead''s: an e-mail names one id",
                                "shared/data-contracts/schemas.md:13:1: error [config] path 'shared/PROJECT_STATUS.md' is"
                                        + " 'owned' but names no Owner; add an Owner column with the agent or approver id"
                                        + " that owns it",
                                "shared/data-contracts/schemas.md:14:1: error [config] the Owner 'nobody' of"
                                        + " 'context-docs/**' is no agent or approver of the contract; the ids are:"
                                        + " manager, tech-lead, optimizer, ceo",
                                "shared/data-contracts/schemas.md:20:1: error [config] setting 'Entry identity' must be"
                                        + " 'off', 'author' or 'signed', not 'sometimes'"));
    }

    @Test
    void aMalformedKeyAnUnknownSettingOrValueAreContractErrorsAtTheirLines() {
        String bad = """
                ## Approvers

                | Approver | Key |
                |---|---|
                | ceo | ssh-ed25519 notbase64!! |
                | mario | ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIIqSphTF70rMGy3pBQt6rx5O+A+ChIpS/Da+wzxN4ddM |
                | lena | C54C DEEA 373A 4E85 |
                | ana | my key |

                ## Settings

                | Setting | Value |
                |---|---|
                | Approvals | sometimes |
                | Time travel | on |
                | APPROVALS | signed |
                | approvals | trailer |
                | Time zone | Mars/Olympus |
                | Clock tolerance | a while |
                """;
        assertThatThrownBy(() -> ContractLoader.parse(bad, "shared/data-contracts/schemas.md"))
                .isInstanceOf(AtomizerException.class)
                .satisfies(e -> assertThat(((AtomizerException) e).lines())
                        .containsExactly(
                                "shared/data-contracts/schemas.md:5:1: error [config] the Key of approver 'ceo' is malformed: "
                                        + "the ssh-ed25519 key data is not valid base64",
                                "shared/data-contracts/schemas.md:6:1: error [config] the Key of approver 'mario' is malformed: "
                                        + "the key data is not a ssh-rsa key (copy the whole line of the .pub file)",
                                "shared/data-contracts/schemas.md:7:1: error [config] the Key of approver 'lena' is malformed: "
                                        + "an OpenPGP fingerprint has 40 hex digits, this one has 16",
                                "shared/data-contracts/schemas.md:8:1: error [config] the Key of approver 'ana' is malformed: "
                                        + "expected an OpenSSH public key line ('ssh-ed25519 AAAA… comment', also ssh-rsa and "
                                        + "ecdsa-sha2-*) or an OpenPGP fingerprint (40 hex digits)",
                                "shared/data-contracts/schemas.md:14:1: error [config] setting 'Approvals' must be 'trailer' or"
                                        + " 'signed', not 'sometimes'",
                                "shared/data-contracts/schemas.md:15:1: error [config] unknown setting 'Time travel'; the settings are:"
                                        + " Approvals, Entry identity, Time zone, Clock tolerance, Organisation, Weekly report due, Weekly report"
                                        + " cut-off, K1 target, K2 target, K5 target, K7 target, K8 target, Silence alert, Verify lag, Entry inbox, Fold window, Log render limit, Log size limit",
                                "shared/data-contracts/schemas.md:17:1: error [config] setting 'Approvals' is already set at line 16",
                                "shared/data-contracts/schemas.md:18:1: error [config] setting 'Time zone' must be a time zone ID"
                                        + " such as 'UTC', 'Europe/Paris' or 'America/New_York', not 'Mars/Olympus'",
                                "shared/data-contracts/schemas.md:19:1: error [config] setting 'Clock tolerance' must be a number of"
                                        + " minutes from 0 to 1440, such as '15' or '15 minutes', not 'a while'"));
    }

    @Test
    void theTimeZoneAndClockToleranceHaveDefaultsAndReadTheirValues() throws Exception {
        Contract plain = ContractLoader.parse(
                "## Settings\n\n| Setting | Value |\n|---|---|\n| Approvals | trailer |\n", "s.md");
        assertThat(plain.settings().zone()).isEqualTo(java.time.ZoneId.of("UTC"));
        assertThat(plain.settings().clockTolerance()).isEqualTo(java.time.Duration.ofMinutes(15));
        Contract set = ContractLoader.parse(
                "## Settings\n\n| Setting | Value |\n|---|---|\n"
                        + "| time zone | America/New_York |\n| Clock tolerance | 5 minutes |\n",
                "s.md");
        assertThat(set.settings().zone()).isEqualTo(java.time.ZoneId.of("America/New_York"));
        assertThat(set.settings().clockTolerance()).isEqualTo(java.time.Duration.ofMinutes(5));
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
                .satisfies(e -> assertThat(
                                ((AtomizerException) e).problems().get(0).toText())
                        .startsWith("schemas.md:1:1: error [encoding]"));
    }

    /** "Adding a row adds a type; no code change and no rebuild." */
    @Test
    void addingAnEventTypeRowMakesThatTypeValid(@TempDir Path root) throws Exception {
        Path contract = root.resolve(Workspace.CONTRACT);
        Files.createDirectories(contract.getParent());
        Path log = root.resolve(Workspace.LOG);
        Files.writeString(
                log,
                "# Log\n\n## [2026-02-16 09:00] manager | p | budget-alert\n\n"
                        + "**Status:** completed\n**Summary:** Budget at 80%.\n**Metrics:** tokens=8\n\n---\n",
                StandardCharsets.UTF_8);
        String table =
                "## Event types\n\n| Type | Meaning | Required metrics |\n|---|---|---|\n| milestone | gate | |\n";
        Files.writeString(contract, table);
        Atomizer before = Atomizer.open(Workspace.at(root), Map.of(), root);
        assertThat(before.lint(List.of(log)).diagnostics())
                .extracting(Diagnostic::rule)
                .containsExactly("unknown-event-type");

        Files.writeString(contract, table + "| budget-alert | token budget crossed | tokens |\n");
        Atomizer after = Atomizer.open(Workspace.at(root), Map.of(), root);
        assertThat(after.lint(List.of(log)).diagnostics()).isEmpty();

        Files.writeString(contract, table + "| budget-alert | token budget crossed | tokens, cost_usd |\n");
        assertThat(Atomizer.open(Workspace.at(root), Map.of(), root)
                        .lint(List.of(log))
                        .diagnostics())
                .extracting(Diagnostic::rule, Diagnostic::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("metric-required", 7));
    }
}
