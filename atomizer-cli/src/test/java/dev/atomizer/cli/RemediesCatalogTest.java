package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.RuleCatalog;
import dev.atomizer.api.RuleInfo;
import org.junit.jupiter.api.Test;

/**
 * A new rule cannot skip RemediesIT: its case list names every rule of the catalog. Checked in the
 * test phase, without the packaged jar, so the build says so before the end-to-end run.
 */
class RemediesCatalogTest {

    @Test
    void everyRuleOfTheCatalogHasARemedyCase() {
        assertThat(new RemediesIT().cases().keySet())
                .as("RemediesIT.cases(): make the rule fail, follow its message, reach green")
                .containsExactlyInAnyOrderElementsOf(
                        RuleCatalog.all().stream().map(RuleInfo::id).toList());
    }
}
