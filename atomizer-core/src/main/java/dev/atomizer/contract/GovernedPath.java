package dev.atomizer.contract;

/**
 * One row of the Governed paths table: a glob relative to the repository root and its policy.
 *
 * @param owner the agent or approver id of the Owner column, or null: a change of the path by
 *              anyone else needs an approval when the contract binds identities ({@code path-owner})
 */
public record GovernedPath(String pattern, Policy policy, String meaning, String owner) {

    public GovernedPath(String pattern, Policy policy, String meaning) {
        this(pattern, policy, meaning, null);
    }
}
