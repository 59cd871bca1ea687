package dev.atomizer.governance;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.contract.ApproverKey;
import dev.atomizer.contract.Contract;
import dev.atomizer.contract.Settings.IdentityMode;
import dev.atomizer.git.FileChange;
import dev.atomizer.lint.Report;
import java.util.List;

/**
 * "an entry's agent is not who committed it": under {@code Entry identity: author} an entry headed
 * {@code manager} is appended only by a commit whose author e-mail is the Manager's (the Agents
 * table's Email), under {@code signed} only by a commit signed with the Manager's Key. A person (an
 * e-mail or key that is no agent's) and the bot append no entries; entries a commit moves (a fold
 * of the inbox, an archive) are judged at the commit that first added them ({@link NewEntries}).
 * A rule over commits: see {@link Identity}.
 */
@AutoService(Rule.class)
public final class EntryIdentity extends ChangeRule {

    public EntryIdentity() {
        super(INFO);
    }

    @Override
    public void check(ChangeContext context, FileChange change, Report report) {
        // a rule over who made a commit: see Identity (pre-commit and verify)
    }

    /** What {@link #judge} says of one entry. */
    @FunctionalInterface
    interface Judged {
        /** @param problem why {@code who} may not have added it, or null when it may */
        void accept(NewEntries.Added entry, String problem);
    }

    /**
     * Judges each entry of {@code added} with an agent: whether {@code who} is that agent.
     *
     * @param commit the short id of the commit that exists (verify: the fix makes it again), or null
     */
    static void judge(Committer who, Contract governing, List<NewEntries.Added> added, String commit, Judged out) {
        for (NewEntries.Added e : added) {
            if (e.agent() == null) {
                continue; // a malformed heading is lint's
            }
            out.accept(
                    e,
                    who.is(e.agent())
                            ? null
                            : "entry by " + e.agent() + " at line " + e.line() + " was committed " + who.described()
                                    + "; " + fix(who.mode(), governing, e.agent(), commit));
        }
    }

    private static String fix(IdentityMode mode, Contract governing, String agent, String commit) {
        String as;
        String signed = "";
        if (mode == IdentityMode.AUTHOR) {
            String email = governing.identities().emails().get(agent);
            if (email == null) {
                return agent + " has no Email in the contract's Agents table, so under 'Entry identity: author' no"
                        + " commit appends its entries: add its Email (an approved change of the contract)";
            }
            as = "--author=\"" + agent + " <" + email + ">\"";
        } else {
            ApproverKey key = governing.identities().agentKeys().get(agent);
            if (key == null) {
                return agent + " has no Key in the contract's Agents table, so under 'Entry identity: signed' no"
                        + " commit appends its entries: add its Key (an approved change of the contract)";
            }
            as = "-S";
            signed = " (signed with " + agent + "'s " + key.label() + ")";
            if (commit == null) {
                return "commit it signed with " + agent + "'s " + key.label() + " ('git commit -S' with that key as"
                        + " user.signingkey), or leave the entry to " + agent;
            }
        }
        if (commit == null) {
            return "commit it as " + agent + " ('git commit " + as + "'), or leave the entry to " + agent;
        }
        return "undo it with 'git revert --no-edit " + commit + "', then let " + agent + " append it again: 'git"
                + " cherry-pick --no-commit " + commit + "' and 'git commit -C " + commit + " " + as + "'"
                + signed;
    }

    public static final RuleInfo INFO = RuleInfo.of("entry-identity", Severity.ERROR, "change", "pre-commit", "verify")
            .fires(
                    "under the contract's setting 'Entry identity: author' (or 'signed'), a commit appends an entry (to the log, an inbox or an archive file) whose agent is not the commit's author, by the Email column of the Agents table (or not its signer, by the Key column); a person's or the bot's commit (an e-mail or key that is no agent's) appends none, except entries it moves, which are judged at the commit that first added them. pre-commit checks the author e-mail under 'author'; verify checks every commit, with the identities of the trusted contract governing it")
            .fix(
                    "Commit an agent's entries as that agent: with its e-mail as the author ('git commit --author=\"<agent> <email>\"', or its user.email) or signed with its key ('git commit -S'). For a commit that exists (verify): undo it in a new commit ('git revert --no-edit <commit>'), then let the agent append the entries again ('git cherry-pick --no-commit <commit>' and 'git commit -C <commit> --author=\"<agent> <email>\"', or '-S' with its key); the first commit stays, as a warning.")
            .protects(
                    "The log's authorship: an entry headed 'manager' was committed by the Manager, not by whoever can push.");
}
