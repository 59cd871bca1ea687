package dev.atomizer.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atomizer.api.Diagnostic;
import dev.atomizer.audit.Audit;
import dev.atomizer.audit.AuditSummary;
import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitRepo;
import dev.atomizer.git.Signers;
import dev.atomizer.git.Signers.Signer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Approvals bound to a person, over real repositories: keys made by ssh-keygen and gpg, commits
 * signed by the real git binary, checked by verify. JGit's OpenPGP verifier reads its keyring
 * directory once per JVM (property {@code jgit.gpg.home}, else GNUPGHOME): this is the only test
 * class that verifies OpenPGP signatures, with one GnuPG home for all its tests.
 */
class SignedApprovalsTest {

    static final String CONTRACT = "shared/data-contracts/schemas.md";
    static final String MISSION = "context-docs/00-mission.md";

    @TempDir
    static Path gpgDir;

    static Signers.GnuPG gnupg;
    static Signer ceoPgp;

    @TempDir
    Path tmp;

    GitFixture repo;
    Signer ceo;
    Signer mario;

    @BeforeAll
    static void keyring() throws Exception {
        assumeTrue(
                Signers.available("gpg") && Signers.available("gpgconf"),
                "gpg is not installed: OpenPGP keys cannot be made");
        gnupg = new Signers.GnuPG(gpgDir.resolve("gnupg"));
        ceoPgp = gnupg.generate("CEO <ceo@example.com>");
        System.setProperty("jgit.gpg.home", gnupg.home().toString());
    }

    @AfterAll
    static void stopAgent() throws Exception {
        if (gnupg != null) {
            gnupg.close();
        }
    }

    @BeforeEach
    void init() throws Exception {
        assumeTrue(Signers.available("ssh-keygen"), "ssh-keygen is not installed: SSH keys cannot be made");
        repo = GitFixture.init(tmp.resolve("repo"));
        ceo = Signers.ssh(tmp.resolve("keys"), "ceo");
        mario = Signers.ssh(tmp.resolve("keys"), "mario");
        repo.commit(MISSION, "# Mission\n");
    }

    /** A contract whose Approvers table lists ceo and mario with these keys (null: none), and the Approvals setting. */
    static String contract(String ceoKey, String marioKey, String approvals) {
        String s = "# Contract\n\n## Approvers\n\n| Approver | Role | Key |\n|---|---|---|\n"
                + "| ceo | Decides | " + (ceoKey == null ? "" : "`" + ceoKey + "`") + " |\n"
                + "| mario | Infrastructure | " + (marioKey == null ? "" : "`" + marioKey + "`") + " |\n";
        return approvals == null
                ? s
                : s + "\n## Settings\n\n| Setting | Value |\n|---|---|\n| Approvals | " + approvals + " |\n";
    }

    /** The base of the range: the contract committed (itself an approved change). */
    String base(String contract) throws Exception {
        repo.stage(CONTRACT, contract);
        return repo.commit("Contract\n\nChange-Request: CR-1\nApproved-by: ceo");
    }

    List<Diagnostic> verify(String base) throws Exception {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            return GitChecks.verify(git, base, "HEAD", Map.of(), DerivedFiles.NONE, c -> {})
                    .diagnostics();
        }
    }

    String summary(String base) throws Exception {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            GitChecks.Result r = GitChecks.verify(git, base, "HEAD", Map.of(), DerivedFiles.NONE, c -> {});
            return AuditSummary.render(Audit.of(git, base, "HEAD", r));
        }
    }

    List<String> commitMsg(String message) throws Exception {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            return GitChecks.commitMsg(git, message, Map.of()).diagnostics().stream()
                    .map(Diagnostic::message)
                    .toList();
        }
    }

    void amendMission(String text) throws Exception {
        repo.stage(MISSION, text);
    }

    @Test
    void anApproverIsNamedByItsIdExactlyAndATrailerAloneIsAnUnsignedApproval() throws Exception {
        String base = base(contract(null, null, null));
        amendMission("# Mission v2\n");
        String forged = repo.commit("Forged\n\nChange-Request: CR-7\nApproved-by: Someone Else <ceo@evil.example>");
        amendMission("# Mission v3\n");
        repo.commit("Approved\n\nChange-Request: CR-8\nApproved-by: ceo");
        List<Diagnostic> ds = verify(base);
        assertThat(ds).hasSize(1);
        assertThat(ds.get(0).rule()).isEqualTo("immutable-path");
        assertThat(ds.get(0).message())
                .startsWith(forged.substring(0, 10) + " (Forged): ")
                .contains("('Someone Else <ceo@evil.example>' is not an approver id (approvers: ceo, mario))");
        String s = summary(base);
        assertThat(s)
                .contains("| " + MISSION + " | immutable (`context-docs/**`) | modified | **without approval** (CR-7: "
                        + "'Someone Else \\<ceo@evil.example\\>' is not an approver id (approvers: ceo, mario)) |");
        assertThat(s)
                .contains("| " + MISSION
                        + " | immutable (`context-docs/**`) | modified | CR-8, approved by ceo (unsigned) |");
        // the commit-msg hook says the same
        assertThat(commitMsgAfterStaging("Again\n\nChange-Request: CR-9\nApproved-by: CEO"))
                .singleElement()
                .asString()
                .contains("'CEO' is not an approver id (approvers: ceo, mario)");
    }

    List<String> commitMsgAfterStaging(String message) throws Exception {
        amendMission("# Mission, staged\n");
        return commitMsg(message);
    }

    @Test
    void aKeyedApproverApprovesOnlyThroughACommitSignedWithItsKey() throws Exception {
        String base = base(contract(ceo.publicKey(), mario.publicKey(), null));
        amendMission("# Mission v2\n");
        String unsigned = repo.commit("Unsigned\n\nChange-Request: CR-7\nApproved-by: ceo");
        amendMission("# Mission v3\n");
        String byMario = mario.commit(repo, "Signed by mario\n\nChange-Request: CR-8\nApproved-by: ceo");
        amendMission("# Mission v4\n");
        ceo.commit(repo, "Signed by ceo\n\nChange-Request: CR-9\nApproved-by: ceo");
        amendMission("# Mission v5\n");
        String stranger = Signers.ssh(tmp.resolve("keys"), "stranger")
                .commit(repo, "Signed by a stranger\n\nChange-Request: CR-10\nApproved-by: ceo");
        List<Diagnostic> ds = verify(base);
        assertThat(ds)
                .extracting(d -> d.message().substring(0, 10))
                .containsExactly(unsigned.substring(0, 10), byMario.substring(0, 10), stranger.substring(0, 10));
        assertThat(ds.get(0).message())
                .contains(
                        "approved by 'ceo', whose contract key requires a signed commit; "
                                + "the commit is unsigned, and no later commit of the range signed by ceo says 'Approves: CR-7'");
        assertThat(ds.get(1).message()).contains("the commit is signed by mario's key, not ceo's");
        assertThat(ds.get(2).message()).contains("the commit is signed by a key that is not ceo's (ssh SHA256:");
        assertThat(summary(base)).contains("CR-9, approved by ceo (signed (ssh))");
        // commit-msg cannot see a signature: the exact id is all it checks
        assertThat(commitMsgAfterStaging("Next\n\nChange-Request: CR-11\nApproved-by: ceo"))
                .isEmpty();
    }

    @Test
    void anOpenPgpKeyIsPinnedByItsFingerprintAndReadFromTheKeyring() throws Exception {
        String spaced = ceoPgp.publicKey().replaceAll("(.{4})", "$1 ").trim();
        String base = base(contract(spaced, null, null));
        amendMission("# Mission v2\n");
        ceoPgp.commit(repo, "Signed with OpenPGP\n\nChange-Request: CR-7\nApproved-by: ceo");
        amendMission("# Mission v3\n");
        String bySsh = ceo.commit(repo, "Signed with an SSH key\n\nChange-Request: CR-8\nApproved-by: ceo");
        theOneFindingIs(base, bySsh, "signed by a key that is not ceo's (ssh SHA256:");
        assertThat(summary(base)).contains("CR-7, approved by ceo (signed (openpgp))");
    }

    @Test
    void aLaterSignedApprovesCommitApprovesTheEarlierUnsignedChangeAndOnlyWithTheApproversKey() throws Exception {
        String base = base(contract(ceo.publicKey(), mario.publicKey(), null));
        amendMission("# Mission v2\n");
        String prepared = repo.commit("Prepared by an agent\n\nChange-Request: CR-7\nApproved-by: ceo");
        String range = repo.git("rev-parse", "HEAD").strip();
        String wrong = mario.commit(repo, "Approval\n\nApproves: CR-7");
        List<Diagnostic> ds = verify(base);
        assertThat(ds)
                .singleElement()
                .satisfies(d -> assertThat(d.message())
                        .startsWith(prepared.substring(0, 10))
                        .contains("the commit is unsigned; 'Approves: CR-7' in " + wrong.substring(0, 10)
                                + " is signed by mario's key, not ceo's"));
        String approval = ceo.commit(repo, "Approval\n\nApproves: CR-7");
        assertThat(verify(base)).isEmpty();
        assertThat(summary(base))
                .contains("CR-7, approved by ceo (signed in " + approval.substring(0, 10) + " (Approves: CR-7))")
                .contains("| Approval | Approves: CR-7 | ✅ |");
        // the approval must come later in the range: a range that ends before it does not have it
        assertThat(verify(base).size()).isZero();
        try (GitRepo git = GitRepo.open(repo.dir())) {
            assertThat(GitChecks.verify(git, base, range, Map.of(), DerivedFiles.NONE, c -> {})
                            .diagnostics())
                    .hasSize(1);
        }
    }

    @Test
    void aChangeCannotApproveItselfByAddingOrReplacingAKey() throws Exception {
        Signer attacker = Signers.ssh(tmp.resolve("keys"), "attacker");
        String base = base(contract(ceo.publicKey(), null, null));
        // replaces ceo's key with its own and signs with it: the keys are the parent's
        repo.stage(CONTRACT, contract(attacker.publicKey(), null, null));
        String swap = attacker.commit(repo, "Rotate ceo's key\n\nChange-Request: CR-7\nApproved-by: ceo");
        theOneFindingIs(base, swap, CONTRACT + " is foundational", "signed by a key that is not ceo's");

        // under Approvals: signed, a key-less ceo cannot approve by adding its key in the same change
        GitFixture other = GitFixture.init(tmp.resolve("other"));
        repo = other;
        String base2 = base(contract(null, null, "signed"));
        repo.stage(CONTRACT, contract(ceo.publicKey(), null, "signed"));
        ceo.commit(repo, "Add ceo's key\n\nChange-Request: CR-8\nApproved-by: ceo");
        assertThat(verify(base2))
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("(Approvals: signed and 'ceo' has no key)"));
        // a contract nobody approved is not trusted: the key it adds approves nothing after it either
        amendMission("# Mission v2\n");
        ceo.commit(repo, "Amend\n\nChange-Request: CR-9\nApproved-by: ceo");
        assertThat(verify(base2))
                .hasSize(2)
                .allSatisfy(d -> assertThat(d.message()).contains("(Approvals: signed and 'ceo' has no key)"));
    }

    @Test
    void underApprovalsSignedAnApproverWithoutAKeyCannotApprove() throws Exception {
        String base = base(contract(ceo.publicKey(), null, "signed"));
        amendMission("# Mission v2\n");
        String byMario = mario.commit(repo, "Mario approves\n\nChange-Request: CR-7\nApproved-by: mario");
        theOneFindingIs(base, byMario, "(Approvals: signed and 'mario' has no key)");
        // the commit-msg hook refuses it too: no signature can make it count
        assertThat(commitMsgAfterStaging("Again\n\nChange-Request: CR-8\nApproved-by: mario"))
                .singleElement()
                .asString()
                .contains("Approvals: signed and 'mario' has no key");
        // a no-delete path follows the same approvals
        repo.commit("knowledge-base/notes.md", "# Notes\nOne.\n");
        String base2 = repo.git("rev-parse", "HEAD").strip();
        repo.stage("knowledge-base/notes.md", "# Notes\n");
        repo.commit("Trim\n\nChange-Request: CR-9\nApproved-by: mario");
        assertThat(verify(base2))
                .singleElement()
                .satisfies(d -> assertThat(d.rule()).isEqualTo("no-delete"));
    }

    /** Verify from {@code base} finds one thing: on {@code commit}, a message with each of {@code parts}. */
    void theOneFindingIs(String base, String commit, String... parts) throws Exception {
        assertThat(verify(base))
                .singleElement()
                .satisfies(d -> assertThat(d.message())
                        .startsWith(commit.substring(0, 10))
                        .contains(parts));
    }
}
