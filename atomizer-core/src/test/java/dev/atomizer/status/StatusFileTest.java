package dev.atomizer.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** PROJECT_STATUS.md's tables as the dashboards read them. */
class StatusFileTest {

    static StatusFile parse(String text) throws AtomizerException {
        return StatusFile.fromBytes(text.getBytes(StandardCharsets.UTF_8), "shared/PROJECT_STATUS.md");
    }

    @Test
    void everyTableIsReadWithItsColumnsByName() throws Exception {
        StatusFile s = parse("""
                # Status

                ## Projects

                | Slug | Name | RAG | Status | Phase | Owner | Next milestone |
                |---|---|---|---|---|---|---|
                | `alpha` | Alpha | amber | active | Build | tech-lead | Review (2026-03-27) |
                | beta | Beta | Green | completed | Closed | manager | |

                ## Planned

                | Project | Item | Due | Owner |
                |---|---|---|---|
                | alpha | Drawing release | 2026-03-27 | nx-expert |

                ## Risks

                | # | Risk | Project | Impact | Likelihood | Mitigation |
                |---|---|---|---|---|---|
                | 1 | Supplier late | alpha | High | low | Second source |

                ## Budgets

                | Agent | Monthly tokens |
                |---|--:|
                | optimizer | 1,500,000 |

                ## Models

                | Model | Project | Mesh | Last validated | Notes |
                |---|---|---|---|---|
                | `bracket-v2` | alpha | 688k CTETRA10 | 2026-02-24 | frozen |
                """);
        assertThat(s.projects()).extracting(StatusFile.Project::slug).containsExactly("alpha", "beta");
        assertThat(s.project("alpha").rag()).isEqualTo(StatusFile.Rag.AMBER);
        assertThat(s.project("beta").completed()).isTrue();
        assertThat(s.planned().get(0).due()).isEqualTo(LocalDate.of(2026, 3, 27));
        assertThat(s.risks().get(0).impact()).isEqualTo(StatusFile.Level.HIGH);
        assertThat(s.risks().get(0).likelihood()).isEqualTo(StatusFile.Level.LOW);
        assertThat(s.budgets().get(0).monthlyTokens()).isEqualTo(1_500_000L);
        assertThat(s.models().get(0).model()).isEqualTo("bracket-v2");
    }

    @Test
    void everyTableIsOptional() throws Exception {
        StatusFile s = parse("# Status\n\nNothing here yet.\n");
        assertThat(s.present()).isTrue();
        assertThat(s.projects()).isEmpty();
        assertThat(StatusFile.fromBytes(null, "x").present()).isFalse();
    }

    @Test
    void badValuesAreReportedWithFileAndLine() {
        assertThatThrownBy(() -> parse("""
                ## Projects

                | Slug | RAG | Status |
                |---|---|---|
                | Alpha Project | Green | active |
                | beta | Yellow | paused |

                ## Planned

                | Project | Item | Due |
                |---|---|---|
                | beta | Thing | next week |

                ## Risks

                | Risk | Impact | Likelihood |
                |---|---|---|
                | Late | Huge | High |

                ## Budgets

                | Agent | Monthly tokens |
                |---|---|
                | optimizer | lots |
                """))
                .isInstanceOfSatisfying(
                        AtomizerException.class,
                        e -> assertThat(e.problems())
                                .extracting(Diagnostic::toText)
                                .containsExactly(
                                        "shared/PROJECT_STATUS.md:5:1: error [config] project slug 'Alpha Project' must be "
                                                + "lowercase kebab-case, as in the log's headings",
                                        "shared/PROJECT_STATUS.md:6:1: error [config] RAG 'Yellow' of project 'beta' is not one "
                                                + "of Green, Amber, Red",
                                        "shared/PROJECT_STATUS.md:6:1: error [config] Status 'paused' of project 'beta' is not "
                                                + "one of active, on-hold, completed",
                                        "shared/PROJECT_STATUS.md:12:1: error [config] Due 'next week' is not a date YYYY-MM-DD",
                                        "shared/PROJECT_STATUS.md:18:1: error [config] Impact 'Huge' of risk 'Late' is not one of "
                                                + "High, Medium, Low",
                                        "shared/PROJECT_STATUS.md:24:1: error [config] monthly token budget 'lots' of agent "
                                                + "'optimizer' is not a whole number"));
    }

    @Test
    void aTableWithoutItsKeyColumnIsNamed() {
        assertThatThrownBy(() -> parse("## Risks\n\n| What | Impact |\n|---|---|\n| x | High |\n"))
                .isInstanceOfSatisfying(
                        AtomizerException.class,
                        e -> assertThat(e.problems())
                                .extracting(Diagnostic::toText)
                                .containsExactly(
                                        "shared/PROJECT_STATUS.md:3:1: error [config] the Risks table has no 'Risk' column"));
    }
}
