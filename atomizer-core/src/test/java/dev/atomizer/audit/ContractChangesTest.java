package dev.atomizer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.Atomizer;
import dev.atomizer.contract.ContractFixture;
import dev.atomizer.git.GitFixture;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pull request that changes the contract says so in the Auditor summary, and contract-diff says the same. */
class ContractChangesTest {

    @TempDir
    Path tmp;

    @Test
    void anAddedEventTypeShowsInTheAuditorSummary() throws Exception {
        GitFixture repo = GitFixture.init(tmp.resolve("repo"));
        String base = ContractFixture.baseThenAdded(repo, "| `release-shipped` | A release went out |");
        Atomizer atomizer = Atomizer.at(repo.dir(), Map.of());
        Atomizer.Verification v = atomizer.verify(base, "HEAD", true, "--rule", c -> {});
        assertThat(v.auditorSummary())
                .contains("### 📜 Contract changes: 1")
                .contains("- event type added: release-shipped")
                .contains("Announce them to every agent");
        assertThat(atomizer.contractDiff(base, "HEAD")).containsExactly("event type added: release-shipped");
        // a range that leaves the contract alone says nothing of it
        assertThat(atomizer.verify("HEAD", "HEAD", true, "--rule", c -> {}).auditorSummary())
                .doesNotContain("Contract changes");
    }
}
