package dev.atomizer.git;

import dev.atomizer.api.AtomizerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real {@code git} binary, run in a work tree: for what talks to a remote (fetch, push) and
 * moves a branch (commit, reset). It uses the repository's own configuration as git does, so a
 * push in CI authenticates with the credentials the checkout left (an extra header, a credential
 * helper, SSH), which an in-process transport would have to re-implement.
 */
public final class GitCli {

    private final Path dir;
    private final Map<String, String> env;

    /**
     * @param dir the work tree git runs in
     * @param env variables set on top of this process's environment (an identity for a commit)
     */
    public GitCli(Path dir, Map<String, String> env) {
        this.dir = dir;
        this.env = Map.copyOf(env);
    }

    /** What one git command did: its exit code, standard output and standard error. */
    public record Run(List<String> args, int code, String out, String err) {

        public boolean ok() {
            return code == 0;
        }

        /**
         * What git said, in one line: the refusal of a ref ({@code ! [rejected] …}, the porcelain's
         * {@code [remote rejected] …}) with the remote's first word on it, else its first error.
         */
        public String said() {
            String rejected = null;
            String remote = null;
            String error = null;
            for (String line : (err + "\n" + out).split("\n")) {
                String l = line.strip();
                if (rejected == null && l.contains("rejected]")) {
                    rejected = l.replace('\t', ' ');
                } else if (remote == null && l.startsWith("remote:") && l.length() > "remote:".length()) {
                    remote = l;
                } else if (error == null && (l.startsWith("error:") || l.startsWith("fatal:"))) {
                    error = l;
                }
            }
            if (rejected != null) {
                return remote == null ? rejected : rejected + " (" + remote + ")";
            }
            if (error != null) {
                return remote == null ? error : error + " (" + remote + ")";
            }
            String s = (err.isBlank() ? out : err).strip();
            int nl = s.indexOf('\n');
            return nl < 0 ? s : s.substring(0, nl);
        }
    }

    /** Runs {@code git args…} and returns what happened (never throws for a non-zero exit). */
    public Run run(String... args) throws AtomizerException {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().putAll(env);
        pb.environment().put("GIT_TERMINAL_PROMPT", "0"); // never wait for a password nobody types
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("atomizer-git", ".out");
            err = Files.createTempFile("atomizer-git", ".err");
            pb.redirectOutput(out.toFile());
            pb.redirectError(err.toFile());
            int code = pb.start().waitFor();
            return new Run(
                    List.of(args),
                    code,
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AtomizerException("cannot run git (is it installed and on the PATH?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtomizerException("interrupted while running git " + String.join(" ", args), e);
        } finally {
            delete(out);
            delete(err);
        }
    }

    /** Runs {@code git args…}; a non-zero exit is an error naming the command and what git said. Returns stdout. */
    public String ok(String... args) throws AtomizerException {
        Run r = run(args);
        if (!r.ok()) {
            throw new AtomizerException("git " + String.join(" ", args) + " failed: " + r.said());
        }
        return r.out();
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temporary file left behind
            }
        }
    }
}
