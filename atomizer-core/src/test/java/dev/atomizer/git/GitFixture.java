package dev.atomizer.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A throwaway repository driven by the real git binary, with the user's and the system's git
 * configuration shut out (HOME, GIT_CONFIG_NOSYSTEM, GIT_CONFIG_GLOBAL) and a fixed identity and
 * clock, so every run is the same.
 */
public final class GitFixture {

    private final Path dir;
    private final Path home;
    private int tick;
    private String date;

    private GitFixture(Path dir, Path home) {
        this.dir = dir;
        this.home = home;
    }

    /** {@code git init -b main} in {@code dir} (created if needed). */
    public static GitFixture init(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path home = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-home"));
        GitFixture f = new GitFixture(dir, home);
        f.git("init", "-q", "-b", "main");
        return f;
    }

    /** A fixture over an existing work tree (a clone or a worktree made by {@link #git}). */
    public GitFixture at(Path other) {
        return new GitFixture(other, home);
    }

    /** Author and committer date of the git commands that follow (ISO 8601, e.g. 2026-03-02T10:00:00Z); null: the default clock. */
    public GitFixture date(String iso) {
        this.date = iso;
        return this;
    }

    public Path dir() {
        return dir;
    }

    public Path file(String path) {
        return dir.resolve(path);
    }

    public GitFixture write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return this;
    }

    public GitFixture append(String path, String text) throws IOException {
        return write(path, (Files.exists(file(path)) ? Files.readString(file(path)) : "") + text);
    }

    public String read(String path) throws IOException {
        return Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
    }

    /** Writes and stages. */
    public GitFixture stage(String path, String text) throws IOException {
        write(path, text);
        git("add", "--", path);
        return this;
    }

    /** Writes, stages and commits (hooks skipped); returns the commit id. */
    public String commit(String path, String text) throws IOException {
        stage(path, text);
        return commit("change " + path);
    }

    /** Commits what is staged, skipping hooks; returns the commit id. */
    public String commit(String message) throws IOException {
        git("commit", "-q", "--no-verify", "--allow-empty", "-m", message);
        return git("rev-parse", "HEAD").strip();
    }

    /** Runs git; fails on a non-zero exit. Returns stdout. */
    public String git(String... args) throws IOException {
        Run r = run(args);
        if (r.code() != 0) {
            throw new IOException("git " + String.join(" ", args) + " exited " + r.code() + ": " + r.err() + r.out());
        }
        return r.out();
    }

    public record Run(int code, String out, String err) {}

    /** Runs git (or, when {@code args[0]} is an absolute path, that program) and returns what happened. */
    public Run run(String... args) throws IOException {
        return run(Map.of(), args);
    }

    /** As {@link #run(String...)}, with {@code extra} set in the environment on top of the fixture's (e.g. GitHub Actions' variables). */
    public Run run(Map<String, String> extra, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (!args[0].startsWith("/")) {
            cmd.add("git");
        }
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        // nor GitHub Actions' variables of the build itself: a test must not write to the real job summary
        env.keySet().removeIf(k -> k.startsWith("GIT_") || k.startsWith("GITHUB_"));
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", home.resolve(".gitconfig").toString());
        env.put("GIT_AUTHOR_NAME", "Agent");
        env.put("GIT_AUTHOR_EMAIL", "agent@example.com");
        env.put("GIT_COMMITTER_NAME", "Agent");
        env.put("GIT_COMMITTER_EMAIL", "agent@example.com");
        String date = this.date != null
                ? this.date
                : "2026-06-01T09:" + String.format(java.util.Locale.ROOT, "%02d", tick++ % 60) + ":00Z";
        env.put("GIT_AUTHOR_DATE", date);
        env.put("GIT_COMMITTER_DATE", date);
        env.put("LC_ALL", "C");
        env.putAll(extra);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path out = Files.createTempFile("git-out", ".txt");
        Path err = Files.createTempFile("git-err", ".txt");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        try {
            int code = pb.start().waitFor();
            return new Run(code, Files.readString(out), Files.readString(err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
