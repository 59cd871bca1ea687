package dev.atomizer.git;

import dev.atomizer.api.AtomizerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifier;
import org.eclipse.jgit.lib.SignatureVerifiers;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Verifies commit signatures with JGit's own verifiers, found by {@link SignatureVerifiers}
 * through ServiceLoader: SSH signatures with {@code org.eclipse.jgit.ssh.apache} (Apache MINA
 * sshd), OpenPGP ones with {@code org.eclipse.jgit.gpg.bc} (BouncyCastle). For {@code verify}
 * only: the hooks never reach this class, so neither library loads in them.
 * <p>
 * SSH: JGit accepts a key listed in an OpenSSH allowed-signers file; the trusted keys are written
 * to one (a temporary file, deleted on {@link #close()}). OpenPGP: JGit reads the public key from
 * the GnuPG keyring of whoever runs verify ({@code $GNUPGHOME}, else {@code ~/.gnupg}); the
 * trusted fingerprint decides whose key it is. Either way, a signature names an owner only when
 * the key that made it is one of the trusted keys and the signature verifies.
 */
public final class SignatureCheck implements AutoCloseable {

    private final Repository repo;
    private final ObjectReader reader;
    /** Allowed-signers files by content: one per distinct set of trusted SSH keys. */
    private final Map<String, Path> allowedSigners = new HashMap<>();

    private final Set<GpgConfig.GpgFormat> used = EnumSet.noneOf(GpgConfig.GpgFormat.class);

    SignatureCheck(Repository repo) {
        this.repo = repo;
        this.reader = repo.newObjectReader();
    }

    /** The signature of commit {@code id}, judged against {@code trusted}. */
    public CommitSignature verify(String id, TrustedKeys trusted) throws AtomizerException {
        try (RevWalk walk = new RevWalk(reader)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(id));
            byte[] raw = commit.getRawGpgSignature();
            if (raw == null) {
                return CommitSignature.UNSIGNED;
            }
            GpgConfig.GpgFormat format = SignatureVerifiers.getFormat(raw);
            if (format == null) {
                return new CommitSignature(
                        CommitSignature.Status.BAD, "unknown", null, null, "the signature is in no format git knows");
            }
            String name = format.toConfigValue();
            Config config = new Config();
            if (format == GpgConfig.GpgFormat.SSH) {
                config.setString(
                        ConfigConstants.CONFIG_GPG_SECTION,
                        ConfigConstants.CONFIG_SSH_SUBSECTION,
                        ConfigConstants.CONFIG_KEY_SSH_ALLOWED_SIGNERS_FILE,
                        allowedSignersFile(trusted).toString());
            }
            SignatureVerifier.SignatureVerification v;
            try {
                used.add(format);
                v = SignatureVerifiers.verify(repo, new GpgConfig(config), commit);
            } catch (JGitInternalException e) {
                return new CommitSignature(
                        CommitSignature.Status.BAD,
                        name,
                        null,
                        null,
                        "the signature cannot be read (" + e.getMessage() + ")");
            }
            if (v == null) {
                return new CommitSignature(
                        CommitSignature.Status.BAD,
                        name,
                        null,
                        null,
                        "this build cannot verify " + name + " signatures");
            }
            String owner = owner(format, v.keyFingerprint(), trusted);
            if (owner == null) {
                return new CommitSignature(CommitSignature.Status.UNTRUSTED, name, null, v.keyFingerprint(), null);
            }
            if (!v.verified()) {
                String why = v.message() == null ? "it does not verify" : v.message();
                if (format == GpgConfig.GpgFormat.OPENPGP) {
                    why += "; verify reads OpenPGP public keys from the GnuPG keyring ($GNUPGHOME, else ~/.gnupg): "
                            + "'gpg --import' the key there";
                }
                return new CommitSignature(CommitSignature.Status.BAD, name, owner, v.keyFingerprint(), why);
            }
            if (v.expired()) {
                return new CommitSignature(
                        CommitSignature.Status.BAD,
                        name,
                        owner,
                        v.keyFingerprint(),
                        "the key had expired when it signed");
            }
            return new CommitSignature(CommitSignature.Status.TRUSTED, name, owner, v.keyFingerprint(), null);
        } catch (IOException e) {
            throw new AtomizerException("cannot verify the signature of commit " + id + ": " + e.getMessage(), e);
        }
    }

    /** The owner of the trusted key with this fingerprint, or null. */
    private static String owner(GpgConfig.GpgFormat format, String fingerprint, TrustedKeys trusted) {
        if (fingerprint == null) {
            return null;
        }
        if (format == GpgConfig.GpgFormat.SSH) {
            for (Map.Entry<String, String> e : trusted.ssh().entrySet()) {
                if (fingerprint.equals(sshFingerprint(e.getValue()))) {
                    return e.getKey();
                }
            }
        } else if (format == GpgConfig.GpgFormat.OPENPGP) {
            String fp = fingerprint.toLowerCase(Locale.ROOT);
            for (Map.Entry<String, String> e : trusted.openPgp().entrySet()) {
                // a signature without an issuer-fingerprint subpacket names its key by the 16-digit key id
                if (fp.length() >= 16 && e.getValue().endsWith(fp)) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    /** OpenSSH's fingerprint of a key {@code <type> <base64>}: {@code SHA256:} and the unpadded base64 of its digest. */
    static String sshFingerprint(String key) {
        String[] parts = key.trim().split("\\s+");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Base64.getDecoder().decode(parts[1]));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private Path allowedSignersFile(TrustedKeys trusted) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> e : trusted.ssh().entrySet()) {
            text.append(e.getKey())
                    .append(" namespaces=\"git\" ")
                    .append(e.getValue())
                    .append('\n');
        }
        String content = text.toString();
        Path file = allowedSigners.get(content);
        if (file == null) {
            file = Files.createTempFile("atomizer-allowed-signers", "");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            allowedSigners.put(content, file);
        }
        return file;
    }

    @Override
    public void close() {
        reader.close();
        for (GpgConfig.GpgFormat f : used) {
            SignatureVerifier v = SignatureVerifiers.get(f);
            if (v != null) {
                v.clear(); // a long-lived JVM (Maven) must not keep keys read for this run
            }
        }
        for (Path p : allowedSigners.values()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                p.toFile().deleteOnExit();
            }
        }
    }
}
