package dev.atomizer.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real signing keys made in a test, and commits signed with them by the real git binary: SSH keys
 * by {@code ssh-keygen}, OpenPGP keys by {@code gpg} in a GnuPG home of the test's own (its agent
 * is stopped by {@link GnuPG#close()}, so no process or socket outlives the test).
 */
public final class Signers {

    private Signers() {}

    /**
     * A key that signs commits.
     *
     * @param publicKey what a contract lists: the OpenSSH public key line, or the OpenPGP fingerprint
     */
    public record Signer(String publicKey, List<String> gitConfig, Map<String, String> env) {

        /** Commits what is staged, signed ({@code git commit -S}), skipping hooks; returns the commit id. */
        public String commit(GitFixture repo, String message) throws IOException {
            List<String> args = new ArrayList<>(gitConfig);
            args.addAll(List.of("commit", "-q", "--no-verify", "--allow-empty", "-S", "-m", message));
            GitFixture.Run r = repo.run(env, args.toArray(String[]::new));
            if (r.code() != 0) {
                throw new IOException("signed commit failed: " + r.err() + r.out());
            }
            return repo.git("rev-parse", "HEAD").strip();
        }
    }

    /** True when {@code program} runs (ssh-keygen, gpg, gpgconf). */
    public static boolean available(String program) {
        try {
            Process p = new ProcessBuilder(program, "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(30, TimeUnit.SECONDS) && (p.exitValue() == 0 || program.equals("ssh-keygen"));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A new ed25519 key without passphrase in {@code dir}, by {@code ssh-keygen}. */
    public static Signer ssh(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path key = dir.resolve(name);
        run(Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name + "@example.com", "-f", key.toString());
        String pub = Files.readString(dir.resolve(name + ".pub")).strip();
        return new Signer(pub, List.of("-c", "gpg.format=ssh", "-c", "user.signingkey=" + key), Map.of());
    }

    /** A GnuPG home of the test's own. */
    public static final class GnuPG implements AutoCloseable {
        private final Path home;

        public GnuPG(Path home) throws IOException {
            this.home = Files.createDirectories(home);
            home.toFile().setReadable(false, false);
            home.toFile().setReadable(true, true);
            home.toFile().setWritable(false, false);
            home.toFile().setWritable(true, true);
            home.toFile().setExecutable(false, false);
            home.toFile().setExecutable(true, true);
        }

        public Path home() {
            return home;
        }

        /** A new ed25519 signing key without passphrase for {@code uid} ({@code "CEO <ceo@example.com>"}). */
        public Signer generate(String uid) throws IOException {
            Map<String, String> env = Map.of("GNUPGHOME", home.toString());
            run(
                    env,
                    "gpg",
                    "--batch",
                    "--passphrase",
                    "",
                    "--pinentry-mode",
                    "loopback",
                    "--quick-gen-key",
                    uid,
                    "ed25519",
                    "sign",
                    "never");
            String fingerprint = null;
            for (String line : run(env, "gpg", "--batch", "--with-colons", "--list-keys", uid)
                    .split("\n")) {
                if (line.startsWith("fpr:")) {
                    fingerprint = line.split(":")[9];
                    break;
                }
            }
            if (fingerprint == null) {
                throw new IOException("gpg made no key for " + uid);
            }
            return new Signer(
                    fingerprint,
                    List.of(
                            "-c",
                            "gpg.format=openpgp",
                            "-c",
                            "gpg.program=gpg",
                            "-c",
                            "user.signingkey=" + fingerprint),
                    env);
        }

        /** Stops the agent gpg started for this home. */
        @Override
        public void close() throws IOException {
            run(Map.of("GNUPGHOME", home.toString()), "gpgconf", "--kill", "all");
        }
    }

    private static String run(Map<String, String> env, String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return out;
    }
}
