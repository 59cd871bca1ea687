package dev.atomizer.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SSH commit signatures, made by the real git binary, checked by JGit's verifier against trusted keys. */
class SignatureCheckTest {

    @TempDir
    Path tmp;

    GitFixture repo;

    @BeforeEach
    void init() throws Exception {
        assumeTrue(Signers.available("ssh-keygen"), "ssh-keygen is not installed: SSH signatures cannot be made");
        repo = GitFixture.init(tmp.resolve("repo"));
    }

    static String keyOnly(String line) {
        String[] p = line.split(" ");
        return p[0] + " " + p[1];
    }

    @Test
    void aSignatureNamesTheOwnerOfTheTrustedKeyThatMadeIt() throws Exception {
        Signers.Signer ceo = Signers.ssh(tmp.resolve("keys"), "ceo");
        Signers.Signer mario = Signers.ssh(tmp.resolve("keys"), "mario");
        String unsigned = repo.commit("plain");
        String byCeo = ceo.commit(repo, "signed by ceo");
        String byMario = mario.commit(repo, "signed by mario");
        TrustedKeys trusted = new TrustedKeys(Map.of("ceo", keyOnly(ceo.publicKey())), Map.of());
        try (GitRepo git = GitRepo.open(repo.dir());
                SignatureCheck check = git.signatures()) {
            assertThat(check.verify(unsigned, trusted)).isEqualTo(CommitSignature.UNSIGNED);
            CommitSignature s = check.verify(byCeo, trusted);
            assertThat(s.status()).isEqualTo(CommitSignature.Status.TRUSTED);
            assertThat(s.by("ceo")).isTrue();
            assertThat(s.format()).isEqualTo("ssh");
            assertThat(s.key()).isEqualTo(SignatureCheck.sshFingerprint(keyOnly(ceo.publicKey())));
            CommitSignature other = check.verify(byMario, trusted);
            assertThat(other.status()).isEqualTo(CommitSignature.Status.UNTRUSTED);
            assertThat(other.by("ceo")).isFalse();
            assertThat(other.key()).isEqualTo(SignatureCheck.sshFingerprint(keyOnly(mario.publicKey())));
            // a key the trusted set does not hold names no one, even the right person's old key
            assertThat(check.verify(byCeo, TrustedKeys.NONE).status()).isEqualTo(CommitSignature.Status.UNTRUSTED);
        }
    }
}
