package dev.atomizer.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContractDiffTest {

    static Contract contract(String text) throws Exception {
        return ContractLoader.fromBytes(text.getBytes(StandardCharsets.UTF_8), "schemas.md");
    }

    static final String BEFORE = """
            ## Event types

            | Type | Meaning | Required metrics |
            |---|---|---|
            | `milestone` | m | |
            | `study-iteration` | i | `iteration` |

            ## Agents

            | Agent | Role |
            |---|---|
            | `manager` | m |
            | `optimizer` | o |

            ## Settings

            | Setting | Value |
            |---|---|
            | Time zone | UTC |
            """;

    @Test
    void theSameContractHasNoChanges() throws Exception {
        assertThat(ContractDiff.between(contract(BEFORE), contract(BEFORE))).isEmpty();
    }

    @Test
    void everyAdditionRemovalAndChangeIsOneReadableLine() throws Exception {
        String after = BEFORE.replace(
                        "| `study-iteration` | i | `iteration` |",
                        "| `study-iteration` | i | `iteration, objective` |\n| `release-shipped` | r | |")
                .replace("| `optimizer` | o |\n", "| `tester` | t |\n")
                .replace("| Time zone | UTC |", "| Time zone | Europe/Berlin |\n| Silence alert | 2 hours |");
        assertThat(ContractDiff.between(contract(BEFORE), contract(after)))
                .containsExactly(
                        "event type changed: study-iteration (requires iteration → requires iteration, objective)",
                        "event type added: release-shipped",
                        "agent added: tester",
                        "agent removed: optimizer",
                        "setting Time zone: UTC → Europe/Berlin",
                        "setting Silence alert: 360 → 120");
    }
}
