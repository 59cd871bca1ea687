package dev.atomizer.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atomizer.api.Diagnostic;
import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitRepo;
import dev.atomizer.git.Signers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entries bound to the agent that wrote them and paths to their owner ({@code entry-identity},
 * {@code path-owner}), over real repositories: commits made by the real git binary with the author
 * e-mail of an agent or of a person, signed with keys made by ssh-keygen, judged by verify and the
 * hooks' checks.
 */
class IdentityTest {

    static final String LOG = "shared/project_log.md";
    static final String CONTRACT = "shared/data-contracts/schemas.md";
    static final String STATUS = "shared/PROJECT_STATUS.md";
    static final String MANAGER = "manager@example.com";
    static final String ALICE = "alice@example.com";
    static final String BOB = "bob@example.com";

    @TempDir
    Path tmp;

    GitFixture repo;
    String base;

    static String entry(String ts, String agent) {
        return "## [" + ts + "] " + agent + " | bracket-topopt | milestone\n\n**Status:** completed"
                + "\n**Summary:** Gate passed.\n\n---\n\n";
    }

    static final String LOG_BASE = "# Project log\n\n" + entry("2026-02-16 09:00", "manager");

    /** Agents with e-mails (and keys), PROJECT_STATUS.md owned by the manager, the identity setting. */
    static String contract(String mode, String managerEmail, String managerKey) {
        return "# Contract\n\n## Agents\n\n| Agent | Role | Email | Key |\n|---|---|---|---|\n"
                + "| manager | Manager | " + managerEmail + " | " + (managerKey == null ? "" : "`" + managerKey + "`")
                + " |\n| tech-lead | Tech lead | " + ALICE + " | |\n"
                + "\n## Governed paths\n\n| Path | Policy | Owner |\n|---|---|---|\n"
                + "| shared/data-contracts/schemas.md | immutable | |\n"
                + "| shared/project_log.md | append-only | |\n"
                + "| shared/PROJECT_STATUS.md | owned | manager |\n"
                + "\n## Settings\n\n| Setting | Value |\n|---|---|\n| Entry identity | " + mode + " |\n";
    }

    @BeforeEach
    void init() throws Exception {
        repo = GitFixture.init(tmp.resolve("repo"));
    }

    void setUp(String contract) throws Exception {
        repo.stage(CONTRACT, contract);
        repo.stage(STATUS, "# Project status\n");
        repo.stage(LOG, LOG_BASE);
        base = repo.commit("Set up");
    }

    String commitAs(String email, String message) throws Exception {
        GitFixture.Run r = repo.run(
                Map.of("GIT_AUTHOR_EMAIL", email), "commit", "-q", "--no-verify", "--allow-empty", "-m", message);
        assertThat(r.code()).as(r.err()).isZero();
        return repo.git("rev-parse", "HEAD").strip();
    }

    List<Diagnostic> verify() throws Exception {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            return GitChecks.verify(git, base, "HEAD", Map.of(), DerivedFiles.NONE, c -> {})
                    .diagnostics();
        }
    }

    static List<String> render(List<Diagnostic> ds) {
        return ds.stream()
                .map(d -> d.path() + ":" + d.line() + " " + d.rule() + " " + d.severity())
                .toList();
    }

    @Test
    void anEntryIsAppendedOnlyByItsAgent() throws Exception {
        setUp(contract("author", MANAGER, null));
        repo.stage(LOG, LOG_BASE + entry("2026-02-16 10:00", "manager"));
        commitAs(MANAGER, "The manager logs");
        assertThat(verify()).isEmpty();

        repo.stage(LOG, repo.read(LOG) + entry("2026-02-16 11:00", "manager"));
        String forged = commitAs(ALICE, "Alice logs for the manager");
        String id = forged.substring(0, 10);
        List<Diagnostic> found = verify();
        assertThat(render(found)).containsExactly(LOG + ":17 entry-identity ERROR");
        assertThat(found.get(0).message())
                .startsWith(id + " (Alice logs for the manager): ")
                .contains("entry by manager at line 17 was committed by alice@example.com, which is the e-mail of"
                        + " tech-lead; undo it with 'git revert --no-edit " + id + "', then let manager append it"
                        + " again: 'git cherry-pick --no-commit " + id + "' and 'git commit -C " + id
                        + " --author=\"manager <manager@example.com>\"'");

        // what the message says, in new commits: the forged commit stays, as a warning
        repo.git("revert", "--no-edit", forged);
        assertThat(render(verify())).containsExactly(LOG + ":17 entry-identity WARNING");
        repo.git("cherry-pick", "--no-commit", forged);
        repo.git("commit", "-q", "--no-verify", "-C", forged, "--author=manager <manager@example.com>");
        assertThat(render(verify())).containsExactly(LOG + ":17 entry-identity WARNING");

        // a later commit of the range leaves a forged entry forged
        repo.stage(LOG, repo.read(LOG) + entry("2026-02-16 11:30", "manager"));
        commitAs(ALICE, "Alice logs for the manager again");
        repo.stage(LOG, repo.read(LOG) + entry("2026-02-16 12:00", "manager"));
        commitAs(MANAGER, "The manager logs");
        List<Diagnostic> later = verify();
        assertThat(render(later))
                .as(later.toString())
                .containsExactly(LOG + ":17 entry-identity WARNING", LOG + ":24 entry-identity ERROR");
    }

    /** The Auditor sees, per commit, which agent wrote which entries and how that was checked. */
    @Test
    void theAuditorSeesWhoWroteWhichEntries() throws Exception {
        setUp(contract("author", MANAGER, null));
        repo.stage(LOG, LOG_BASE + entry("2026-02-16 10:00", "manager"));
        String manager = commitAs(MANAGER, "The manager logs");
        repo.stage(LOG, repo.read(LOG) + entry("2026-02-16 11:00", "manager"));
        String alice = commitAs(ALICE, "Alice logs for the manager");
        String summary = summary();
        assertThat(summary)
                .contains("### ✍️ Who wrote the entries")
                .contains("| `" + manager.substring(0, 10) + "` | manager at shared/project\\_log.md:10 | ✅ author"
                        + " manager@example.com (manager) |")
                .contains("| `" + alice.substring(0, 10) + "` | manager at shared/project\\_log.md:17 | ❌ author"
                        + " alice@example.com (tech-lead) |");

        repo.git("reset", "-q", "--hard", base);
        repo.stage(CONTRACT, contract("off", MANAGER, null));
        base = repo.commit("Identity off\n\nChange-Request: CR-9\nApproved-by: ceo");
        repo.stage(LOG, LOG_BASE + entry("2026-02-16 10:00", "manager"));
        commitAs(ALICE, "Alice logs");
        assertThat(summary()).contains("| manager at shared/project\\_log.md:10 | not checked (Entry identity: off) |");
    }

    String summary() throws Exception {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            GitChecks.Result r = GitChecks.verify(git, base, "HEAD", Map.of(), DerivedFiles.NONE, c -> {});
            return dev.atomizer.audit.AuditSummary.render(dev.atomizer.audit.Audit.of(git, base, "HEAD", r));
        }
    }

    @Test
    void aPersonAppendsNoAgentsEntries() throws Exception {
        setUp(contract("author", MANAGER, null));
        repo.stage(LOG, LOG_BASE + entry("2026-02-16 10:00", "manager"));
        commitAs(BOB, "Bob logs");
        List<Diagnostic> found = verify();
        assertThat(render(found)).containsExactly(LOG + ":10 entry-identity ERROR");
        assertThat(found.get(0).message())
                .contains("entry by manager at line 10 was committed by bob@example.com, which is no agent's or"
                        + " approver's e-mail in the contract");
    }

    @Test
    void offByDefaultNothingIsChecked() throws Exception {
        setUp(contract("off", MANAGER, null));
        repo.stage(LOG, LOG_BASE + entry("2026-02-16 10:00", "manager"));
        repo.stage(STATUS, "# Project status\n\nEdited by Bob.\n");
        commitAs(BOB, "Bob logs and edits the status");
        assertThat(verify()).isEmpty();
    }

    /** The identities come from the contract governing the commit: a change cannot enrol itself. */
    @Test
    void aChangeThatEnrolsItselfIsRefused() throws Exception {
        setUp(contract("author", MANAGER, null));
        repo.stage(CONTRACT, contract("author", BOB, null));
        repo.stage(LOG, LOG_BASE + entry("2026-02-16 10:00", "manager"));
        String enrol = commitAs(BOB, "Bob becomes the manager\n\nChange-Request: CR-1\nApproved-by: ceo");
        List<Diagnostic> found = verify();
        assertThat(render(found)).containsExactly(LOG + ":10 entry-identity ERROR");
        assertThat(found.get(0).message()).contains("committed by bob@example.com, which is no agent's");

        // once the approved contract is trusted, Bob's later commits are the manager's
        repo.git("reset", "-q", "--hard", enrol + "~1");
        repo.stage(CONTRACT, contract("author", BOB, null));
        commitAs(BOB, "Bob becomes the manager\n\nChange-Request: CR-1\nApproved-by: ceo");
        repo.stage(LOG, LOG_BASE + entry("2026-02-16 10:00", "manager"));
        commitAs(BOB, "Bob logs as the manager");
        assertThat(verify()).isEmpty();
    }

    @Test
    void anOwnedPathIsChangedByItsOwnerOrWithAnApproval() throws Exception {
        setUp(contract("author", MANAGER, null));
        repo.stage(STATUS, "# Project status\n\nBy the manager.\n");
        commitAs(MANAGER, "The manager updates the status");
        assertThat(verify()).isEmpty();

        repo.stage(STATUS, "# Project status\n\nBy Alice.\n");
        String alice = commitAs(ALICE, "Alice updates the status");
        List<Diagnostic> found = verify();
        assertThat(render(found)).containsExactly(STATUS + ":1 path-owner ERROR");
        assertThat(found.get(0).message())
                .contains("shared/PROJECT_STATUS.md is owned by manager (shared/PROJECT_STATUS.md) and was modified"
                        + " by alice@example.com, which is the e-mail of tech-lead, without an approved change request"
                        + " (no 'Change-Request:' trailer)");

        repo.git("reset", "-q", "--hard", alice + "~1");
        repo.stage(STATUS, "# Project status\n\nBy Alice.\n");
        commitAs(ALICE, "Alice updates the status\n\nChange-Request: CR-2\nApproved-by: ceo");
        assertThat(verify()).isEmpty();
    }

    /** The commit-msg and pre-commit hooks judge the author e-mail git will record (user.email here). */
    @Test
    void theHooksCheckTheConfiguredAuthor() throws Exception {
        assumeTrue(System.getenv("GIT_AUTHOR_EMAIL") == null, "the test's own environment sets the author");
        setUp(contract("author", MANAGER, null));
        repo.git("config", "user.email", ALICE);
        repo.stage(LOG, LOG_BASE + entry("2026-02-16 10:00", "manager"));
        repo.stage(STATUS, "# Project status\n\nBy Alice.\n");
        try (GitRepo git = GitRepo.open(repo.dir())) {
            List<Diagnostic> pre =
                    GitChecks.preCommit(git, Map.of(), DerivedFiles.NONE).diagnostics();
            assertThat(render(pre)).containsExactly(LOG + ":10 entry-identity ERROR");
            assertThat(pre.get(0).message())
                    .contains("entry by manager at line 10 was committed by alice@example.com")
                    .contains("commit it as manager ('git commit --author=\"manager <manager@example.com>\"')");
            assertThat(render(GitChecks.commitMsg(git, "Status", Map.of()).diagnostics()))
                    .containsExactly(STATUS + ":1 path-owner ERROR");
            assertThat(GitChecks.commitMsg(git, "Status\n\nChange-Request: CR-3\nApproved-by: ceo", Map.of())
                            .diagnostics())
                    .isEmpty();
        }
        repo.git("config", "user.email", MANAGER);
        try (GitRepo git = GitRepo.open(repo.dir())) {
            assertThat(GitChecks.preCommit(git, Map.of(), DerivedFiles.NONE).diagnostics())
                    .isEmpty();
            assertThat(GitChecks.commitMsg(git, "Status", Map.of()).diagnostics())
                    .isEmpty();
        }
    }

    /** Entries moved (an inbox file folded into the log) are judged at the commit that first added them. */
    @Test
    void aMoveIsJudgedWhereTheEntryWasFirstAdded() throws Exception {
        setUp(contract("author", MANAGER, null));
        String inbox = "shared/inbox/2026-02-16T1000-manager-abc123.md";
        repo.stage(inbox, entry("2026-02-16 10:00", "manager"));
        commitAs(MANAGER, "The manager writes to the inbox");
        repo.git("rm", "-q", inbox);
        repo.stage(LOG, LOG_BASE + entry("2026-02-16 10:00", "manager"));
        commitAs("bot@example.com", "Fold the inbox");
        assertThat(verify()).isEmpty();

        String alice = "shared/inbox/2026-02-16T1100-manager-def456.md";
        repo.stage(alice, entry("2026-02-16 11:00", "manager"));
        commitAs(ALICE, "Alice writes to the inbox as the manager");
        repo.git("rm", "-q", alice);
        repo.stage(LOG, repo.read(LOG) + entry("2026-02-16 11:00", "manager"));
        commitAs("bot@example.com", "Fold the inbox");
        assertThat(render(verify()))
                .containsExactly(alice + ":1 entry-identity WARNING", LOG + ":17 entry-identity ERROR");

        // the bot appends nothing of its own
        repo.stage(LOG, repo.read(LOG) + entry("2026-02-16 12:00", "manager"));
        commitAs("bot@example.com", "The bot logs");
        assertThat(render(verify()))
                .containsExactlyInAnyOrder(
                        alice + ":1 entry-identity WARNING",
                        LOG + ":17 entry-identity ERROR",
                        LOG + ":24 entry-identity ERROR");
    }

    @Test
    void underSignedTheAgentsKeySignsItsEntries() throws Exception {
        assumeTrue(Signers.available("ssh-keygen"), "ssh-keygen is not installed: SSH keys cannot be made");
        Signers.Signer manager = Signers.ssh(tmp.resolve("keys"), "manager");
        Signers.Signer alice = Signers.ssh(tmp.resolve("keys"), "alice");
        setUp(contract("signed", MANAGER, manager.publicKey()));
        repo.stage(LOG, LOG_BASE + entry("2026-02-16 10:00", "manager"));
        String unsigned = repo.commit("Unsigned");
        List<Diagnostic> found = verify();
        assertThat(render(found)).containsExactly(LOG + ":10 entry-identity ERROR");
        assertThat(found.get(0).message())
                .contains("entry by manager at line 10 was committed in an unsigned commit; undo it with")
                .endsWith(" -S' (signed with manager's ssh-ed25519 key)");

        repo.git("reset", "-q", "--hard", unsigned + "~1");
        repo.stage(LOG, LOG_BASE + entry("2026-02-16 10:00", "manager"));
        alice.commit(repo, "Signed by another key");
        assertThat(verify().get(0).message()).contains("in a commit signed with a key of no agent or approver");

        repo.git("reset", "-q", "--hard", "HEAD~1");
        repo.stage(LOG, LOG_BASE + entry("2026-02-16 10:00", "manager"));
        manager.commit(repo, "Signed by the manager");
        repo.stage(STATUS, "# Project status\n\nSigned by the manager.\n");
        manager.commit(repo, "The manager updates the status");
        assertThat(verify()).isEmpty();
    }
}
