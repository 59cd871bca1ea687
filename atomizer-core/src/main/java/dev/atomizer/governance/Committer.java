package dev.atomizer.governance;

import dev.atomizer.contract.ApproverKey;
import dev.atomizer.contract.Contract;
import dev.atomizer.contract.Settings.IdentityMode;
import dev.atomizer.git.CommitSignature;
import java.util.Set;

/**
 * Who made a commit, as the contract that governs it names them (docs/governance.md, "Identity"):
 * under {@code Entry identity: author} the ids whose Email is the commit's author e-mail, under
 * {@code signed} the ids whose Key signed it. No id at all is a person (or the bot): it appends no
 * agent's entries and owns no path.
 *
 * @param mode AUTHOR or SIGNED
 * @param ids  the agent and approver ids the commit is bound to, in table order (often one, or none)
 * @param who  how messages name the committer: the e-mail, or what signed it
 */
public record Committer(IdentityMode mode, Set<String> ids, String who) {

    public Committer {
        ids = Set.copyOf(new java.util.LinkedHashSet<>(ids));
    }

    /** Under {@code author}: the ids whose Email is {@code email}. */
    static Committer byEmail(Contract governing, String email) {
        String e = email == null || email.isBlank() ? "no e-mail" : email.trim();
        return new Committer(IdentityMode.AUTHOR, governing.identities().withEmail(email), e);
    }

    /** Under {@code signed}: the ids whose Key made the signature. */
    static Committer bySignature(Contract governing, CommitSignature s) {
        return switch (s.status()) {
            case TRUSTED -> {
                ApproverKey key = governing.identityKeys().get(s.signer());
                yield new Committer(
                        IdentityMode.SIGNED,
                        key == null ? Set.of() : governing.idsWithKey(key),
                        "a commit signed with " + s.signer() + "'s key");
            }
            case UNSIGNED -> new Committer(IdentityMode.SIGNED, Set.of(), "an unsigned commit");
            case UNTRUSTED ->
                new Committer(
                        IdentityMode.SIGNED,
                        Set.of(),
                        "a commit signed with a key of no agent or approver of the contract (" + s.format() + " "
                                + s.key() + ")");
            case BAD ->
                new Committer(
                        IdentityMode.SIGNED,
                        Set.of(),
                        "a commit whose " + s.format() + " signature does not verify (" + s.detail() + ")");
        };
    }

    /** Whether the commit is bound to {@code id}. */
    public boolean is(String id) {
        return ids.contains(id);
    }

    /** How a message says who committed: "by alice@example.com, which is the e-mail of tech-lead", "in an unsigned commit". */
    public String described() {
        if (mode == IdentityMode.SIGNED) {
            return "in " + who;
        }
        return "by " + who + ", which is "
                + (ids.isEmpty() ? "no agent's or approver's e-mail in the contract" : "the e-mail of " + names());
    }

    /** How the Auditor's summary says it was checked: "author alice@example.com (tech-lead)", "signed (manager)". */
    public String checked() {
        String bound = ids.isEmpty() ? "no id" : names();
        return mode == IdentityMode.SIGNED ? "signed (" + bound + ")" : "author " + who + " (" + bound + ")";
    }

    private String names() {
        return String.join(" and ", new java.util.TreeSet<>(ids));
    }
}
