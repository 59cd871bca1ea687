package dev.atomizer.contract;

import dev.atomizer.api.Workspace;
import dev.atomizer.git.GitFixture;
import java.io.IOException;

/** A repository whose contract changes in one approved commit. */
public final class ContractFixture {

    /** The contract before: one event type. */
    public static final String BEFORE = "## Event types\n\n| Type | Meaning |\n|---|---|\n| `milestone` | m |\n";

    private ContractFixture() {}

    /**
     * Commits {@link #BEFORE}, then the same with {@code row} added to its table, approved.
     *
     * @return the first commit
     */
    public static String baseThenAdded(GitFixture repo, String row) throws IOException {
        String base = repo.commit(Workspace.CONTRACT, BEFORE);
        repo.stage(Workspace.CONTRACT, BEFORE + row + "\n");
        repo.commit("Change the contract\n\nChange-Request: CR-1\nApproved-by: ceo");
        return base;
    }
}
