package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitFixture.Run;
import dev.atomizer.git.Signers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Approvals bound to a person through the packaged jar: an OpenPGP key (read from the GnuPG home
 * verify runs with) and an SSH key in the contract, commits signed by the real git binary.
 */
class SignedApprovalsIT {

    static final String CONTRACT = "shared/data-contracts/schemas.md";

    @TempDir
    Path tmp;

    GitFixture repo;
    Signers.GnuPG gnupg;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(
                Signers.available("gpg") && Signers.available("gpgconf") && Signers.available("ssh-keygen"),
                "gpg or ssh-keygen is not installed: keys cannot be made");
        gnupg = new Signers.GnuPG(tmp.resolve("gnupg"));
        repo = GitFixture.init(tmp.resolve("repo"));
        repo.commit(HooksEndToEndIT.LOG, HooksEndToEndIT.BASE);
    }

    @AfterEach
    void stopAgent() throws Exception {
        if (gnupg != null) {
            gnupg.close();
        }
    }

    Run atomizer(String... args) throws Exception {
        String[] cmd = new String[args.length + 3];
        cmd[0] = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        cmd[1] = "-jar";
        cmd[2] = HooksEndToEndIT.JAR.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        return repo.run(Map.of("GNUPGHOME", gnupg.home().toString()), cmd);
    }

    @Test
    void verifyAcceptsOnlyApprovalsSignedWithTheContractsKeys() throws Exception {
        Signers.Signer ceo = gnupg.generate("CEO <ceo@example.com>");
        Signers.Signer mario = Signers.ssh(tmp.resolve("keys"), "mario");
        repo.stage(
                CONTRACT,
                "# Contract\n\n## Approvers\n\n| Approver | Role | Key |\n|---|---|---|\n" + "| ceo | Decides | `"
                        + ceo.publicKey() + "` |\n| mario | Infrastructure | `" + mario.publicKey() + "` |\n");
        String base = repo.commit("Contract\n\nChange-Request: CR-1\nApproved-by: ceo");

        repo.stage("context-docs/00-mission.md", "# Mission\n");
        String prepared = repo.commit("Mission drafted by an agent\n\nChange-Request: CR-7\nApproved-by: ceo");
        Run unsigned = atomizer("verify", "--base", base);
        assertThat(unsigned.code()).as(unsigned.err()).isEqualTo(1);
        assertThat(unsigned.out())
                .contains("context-docs/00-mission.md:1:1: error [immutable-path] " + prepared.substring(0, 10)
                        + " (Mission drafted by an agent): ")
                .contains("approved by 'ceo', whose contract key requires a signed commit; the commit is unsigned");

        mario.commit(repo, "Mario approves\n\nApproves: CR-7");
        Run wrongKey = atomizer("verify", "--base", base);
        assertThat(wrongKey.code()).isEqualTo(1);
        assertThat(wrongKey.out()).contains("is signed by mario's key, not ceo's");

        ceo.commit(repo, "CEO approves\n\nApproves: CR-7");
        Run approved = atomizer("verify", "--base", base);
        assertThat(approved.code()).as(approved.out() + approved.err()).isZero();
        assertThat(approved.out()).isEmpty();
        assertThat(approved.err()).doesNotContain("SLF4J").doesNotContain("Exception");
    }

    @Test
    void aMalformedKeyOrAnUnknownSettingIsAContractErrorAtItsLine() throws Exception {
        repo.stage(
                CONTRACT,
                "# Contract\n\n## Approvers\n\n| Approver | Key |\n|---|---|\n| ceo | ssh-ed25519 nope |\n"
                        + "\n## Settings\n\n| Setting | Value |\n|---|---|\n| Timezone | UTC |\n");
        String base = repo.commit("Contract");
        repo.commit(
                HooksEndToEndIT.LOG,
                HooksEndToEndIT.BASE + HooksEndToEndIT.entry("2026-02-16 10:00", "manager", "completed"));
        Run r = atomizer("verify", "--base", base);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out() + r.err())
                .contains(CONTRACT + ":7:1: error [config] the Key of approver 'ceo' is malformed")
                .contains(CONTRACT + ":13:1: error [config] unknown setting 'Timezone'; the settings are: Approvals")
                .doesNotContain("\tat ");
    }
}
