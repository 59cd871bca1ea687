package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.git.GitFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every command on damaged inputs, as a careless or hostile agent leaves them: a copy of
 * {@code sample-repo} (committed, so the git commands have a history) whose log, contract, status
 * file or report template is mutated — lines dropped, repeated, swapped or spliced with the tokens
 * that broke earlier releases (oversized metric values, future timestamps, control characters,
 * fences and HTML comments, deep nesting, an over-long line, invalid UTF-8), or the file replaced by
 * a symlink to a secret outside the repository or by a directory — then staged. Each command must:
 * <ul>
 *   <li>end with exit code 0, 1 or 2, never with a stack trace or an "internal error";</li>
 *   <li>write only what it owns (generators their derived files, {@code log} the log), nothing at
 *       all when it fails with exit 2, and never a file outside the repository;</li>
 *   <li>never read a file outside the repository: the secret's marker appears in no output and no file.</li>
 * </ul>
 * The suite runs in a JVM with the launcher's heap (-Xmx192m, see the module's POM); seeds are
 * jqwik's, so a failure reproduces. The number of command runs is printed at the end.
 */
class CommandFuzzProperties {

    private static final Path SAMPLE =
            Path.of("../sample-repo").toAbsolutePath().normalize();
    private static final String MARKER = "SECRET-" + Long.toHexString(0x5ec7e7L) + "-TOKEN";
    private static final String LOG = "shared/project_log.md";
    private static final String CONTRACT = "shared/data-contracts/schemas.md";
    private static final String STATUS = "shared/PROJECT_STATUS.md";
    private static final String TEMPLATE = "shared/reports/templates/weekly-template.md";
    private static final AtomicLong RUNS = new AtomicLong();
    private static Path base;
    private static Path work;

    private static final List<String> TOKENS = List.of(
            "## [2062-03-21 09:00] manager | dashboard-rollout | milestone",
            "## [2026-03-21 09:00] optimizer | bracket-topopt | study-iteration",
            "## [1900-01-01 00:00] manager | dashboard-rollout | milestone",
            "## [2026-02-30 10:00] manager | x | milestone",
            "**Status:** completed",
            "**Status:** done",
            "**Summary:** fuzz",
            "**Detail:**",
            "**Blockers:** none",
            "**Metrics:** cost_usd=1e999999999",
            "**Metrics:** objective=1e30000000, iteration=3",
            "**Metrics:** tokens=99999999999999999999999, cost_usd=-0.5",
            "**Metrics:** gate=G5, ref=x",
            "---",
            "```",
            "~~~",
            "  ```",
            "<!--",
            "-->",
            "<div>",
            "- item",
            "> quote",
            "    code",
            "",
            "[click](javascript:alert(1))",
            "![px](http://127.0.0.1:9/x.png)",
            "![f](file:///etc/passwd)",
            "::error::forged",
            "##[command]forged",
            "| a | b |",
            "\u0000",
            "\u001b[31m",
            "\uFEFF",
            "é",
            "{{week}}",
            "{{projects}}",
            "{{nope}}",
            "{{",
            "}}",
            "| Time zone | Mars/Olympus |",
            "| Clock tolerance | 99999 |",
            "| Approvals | signed |",
            "| `**` | immutable | everything |",
            "| `shared/**` | generated | x |",
            "| heading-format | off |",
            "| `release-shipped` | Shipped | |",
            "| Slug | Name |",
            "## Projects",
            "## Settings",
            "## Event types");

    @BeforeContainer
    static void commitTheSample() throws IOException {
        work = Files.createTempDirectory("atomizer-fuzz");
        base = work.resolve("base");
        copy(SAMPLE, base);
        GitFixture repo = GitFixture.init(base);
        // no background gc: the tries delete their copies while git would still write them
        repo.git("config", "gc.auto", "0");
        repo.git("config", "maintenance.auto", "false");
        repo.git("add", "-A");
        repo.git("commit", "-q", "--no-verify", "-m", "sample");
    }

    @AfterContainer
    static void report() throws IOException {
        System.out.println("CommandFuzzProperties: " + RUNS.get() + " command runs on mutated repositories");
        delete(work);
    }

    /**
     * 40 damaged repositories per build (about half a minute); {@code -Datomizer.fuzz.rounds=N}
     * damages N repositories per try, for a longer search.
     */
    @Property(tries = 40)
    void everyCommandEndsCleanlyOnDamagedInputs(@ForAll long seed) throws Exception {
        int rounds = Integer.getInteger("atomizer.fuzz.rounds", 1);
        for (int k = 0; k < rounds; k++) {
            damagedRepository(seed + k);
        }
    }

    private void damagedRepository(long seed) throws Exception {
        Random r = new Random(seed);
        Path root = Files.createTempDirectory(work, "try");
        try {
            Path repoDir = root.resolve("repo");
            copy(base, repoDir);
            Files.writeString(root.resolve("secret.txt"), MARKER + "\n");
            List<String> damaged = new ArrayList<>();
            int n = 1 + r.nextInt(2);
            for (int i = 0; i < n; i++) {
                damaged.add(damage(r, repoDir));
            }
            if (r.nextInt(8) == 0) {
                // an output folder that leads out of the repository: a generator would write there
                String dir = List.of(
                                "shared/dashboards", "shared/kpi", "shared/reports/weekly", "shared/reports/project")
                        .get(r.nextInt(4));
                Path outside = Files.createDirectories(root.resolve("outside"));
                delete(repoDir.resolve(dir));
                Files.createSymbolicLink(
                        repoDir.resolve(dir), repoDir.resolve(dir).getParent().relativize(outside));
                damaged.add(dir + " -> symlink out");
            }
            GitFixture repo = GitFixture.init(repoDir);
            repo.run("add", "-A");
            String context = "seed " + seed + ", damaged " + damaged;

            List<String[]> commands = new ArrayList<>(List.of(
                    new String[] {"lint"},
                    new String[] {"lint", "--format", "sarif"},
                    new String[] {"lint", "--format", "github"},
                    new String[] {"lint", "--format", "markdown"},
                    new String[] {"check"},
                    new String[] {"pre-commit"},
                    new String[] {"gates"},
                    new String[] {"dashboards"},
                    new String[] {"report", "status", "bracket-topopt"},
                    new String[] {"report", "weekly", "--as-of", "2026-03-23 09:00"},
                    new String[] {"report", "closeout", "pump-housing-modal"},
                    new String[] {
                        "log",
                        "--agent",
                        "manager",
                        "--project",
                        "dashboard-rollout",
                        "--event",
                        "milestone",
                        "--status",
                        "completed",
                        "--summary",
                        "Fuzz run",
                        "--time",
                        "2026-03-21 10:00"
                    }));
            if (r.nextInt(6) == 0) {
                commands.add(new String[] {"report", "weekly", "--week", "2026-W12", "--pdf"});
            }
            for (String[] args : commands) {
                runChecked(root, repoDir, args, context);
            }
            // verify: the damage committed past the hooks, then checked as CI does
            repo.run("add", "-A");
            repo.run("commit", "-q", "--no-verify", "-m", "damage");
            runChecked(root, repoDir, new String[] {"verify", "--base", "HEAD~1", "--format", "markdown"}, context);

            // the merge driver on two damaged versions of the log
            Path m = Files.createDirectories(root.resolve("merge"));
            byte[] log = readOrEmpty(repoDir.resolve(LOG));
            Files.write(m.resolve("base"), Files.readAllBytes(SAMPLE.resolve(LOG)));
            Files.write(m.resolve("ours"), log);
            Files.write(
                    m.resolve("theirs"),
                    mutateLines(r, new String(Files.readAllBytes(SAMPLE.resolve(LOG)), StandardCharsets.ISO_8859_1))
                            .getBytes(StandardCharsets.ISO_8859_1));
            CliRun merged = run(
                    repoDir,
                    "merge-driver",
                    m.resolve("base").toString(),
                    m.resolve("ours").toString(),
                    m.resolve("theirs").toString());
            assertClean(merged, context + ", merge-driver");
        } finally {
            delete(root);
        }
    }

    /** Runs one command and checks its exit code, output and what it wrote. */
    private void runChecked(Path root, Path repoDir, String[] args, String context) throws Exception {
        Map<String, String> before = snapshot(root);
        CliRun run = run(repoDir, args);
        String what = context + ", atomizer " + String.join(" ", args);
        assertClean(run, what);
        Map<String, String> after = snapshot(root);
        List<String> changed = new ArrayList<>();
        for (String p : union(before, after)) {
            if (!java.util.Objects.equals(before.get(p), after.get(p))) {
                changed.add(p);
            }
        }
        List<String> owned = owned(args);
        for (String p : changed) {
            assertThat(p).as(what + ": wrote outside the repository").startsWith("repo/");
            assertThat(p).as(what + ": changed the git directory").doesNotStartWith("repo/.git/objects");
            if (p.startsWith("repo/.git/")) {
                continue; // the hooks' own cache and the index are git's business
            }
            assertThat(owned.stream().anyMatch(o -> p.startsWith("repo/" + o)))
                    .as(what + ": wrote %s, which it does not own", p)
                    .isTrue();
            if (run.code() == 2 || args[0].equals("log") && run.code() != 0) {
                assertThat(p)
                        .as(what + ": failed with exit %d yet changed %s", run.code(), p)
                        .isNull();
            }
            String text = after.get(p) == null ? "" : Files.readString(root.resolve(p), StandardCharsets.ISO_8859_1);
            assertThat(text)
                    .as(what + ": %s holds the secret read from outside", p)
                    .doesNotContain(MARKER);
        }
        if (!args[0].equals("log")) {
            assertThat(after.get("repo/" + LOG)).as(what + ": touched the log").isEqualTo(before.get("repo/" + LOG));
        }
    }

    private static void assertClean(CliRun run, String what) {
        RUNS.incrementAndGet();
        String all = run.out() + run.err();
        assertThat(run.code()).as(what + ": exit code\n" + all).isIn(0, 1, 2);
        assertThat(all)
                .as(what)
                .doesNotContain("internal error")
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain(MARKER);
    }

    /** The paths a command may write, relative to the repository. */
    private static List<String> owned(String[] args) {
        return switch (args[0]) {
            case "dashboards" -> List.of("shared/dashboards/", "shared/kpi/");
            case "report" -> List.of("shared/reports/");
            case "log" -> List.of(LOG);
            default -> List.of();
        };
    }

    // ---- damage ----

    /** Damages one input file of the repository; says which and how. */
    private static String damage(Random r, Path repo) throws IOException {
        String target = switch (r.nextInt(10)) {
            case 0, 1, 2, 3, 4 -> LOG;
            case 5, 6 -> CONTRACT;
            case 7, 8 -> STATUS;
            default -> TEMPLATE;
        };
        Path file = repo.resolve(target);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return target + " (already replaced)";
        }
        int how = r.nextInt(20);
        if (how == 0) {
            delete(file);
            Path secret = file.getParent().relativize(repo.getParent().resolve("secret.txt"));
            Files.createSymbolicLink(file, secret);
            return target + " -> symlink out";
        }
        if (how == 1) {
            delete(file);
            Files.createDirectories(file);
            return target + " -> directory";
        }
        String text = Files.exists(file, LinkOption.NOFOLLOW_LINKS) && Files.isRegularFile(file)
                ? Files.readString(file, StandardCharsets.ISO_8859_1)
                : "";
        if (how == 2) {
            // one over-long line (past the 1 MiB line limit)
            Files.writeString(file, text + "x".repeat((1 << 20) + 10) + "\n", StandardCharsets.ISO_8859_1);
            return target + " -> long line";
        }
        if (how == 3) {
            StringBuilder deep = new StringBuilder(text).append("\n**Detail:**\n");
            for (int i = 0; i < 400; i++) {
                deep.append("  ".repeat(i)).append("- level ").append(i).append('\n');
            }
            Files.writeString(file, deep.toString(), StandardCharsets.ISO_8859_1);
            return target + " -> deep nesting";
        }
        if (how == 4) {
            byte[] b = Files.readAllBytes(file);
            if (b.length > 0) {
                for (int i = 0; i < 1 + r.nextInt(8); i++) {
                    b[r.nextInt(b.length)] = (byte) (0x80 + r.nextInt(128));
                }
            }
            Files.write(file, b);
            return target + " -> invalid bytes";
        }
        if (how == 5 && target.equals(LOG)) {
            // appended entries, as an agent bypassing the hooks would write them
            StringBuilder sb = new StringBuilder(text);
            for (int i = 0; i < 1 + r.nextInt(4); i++) {
                sb.append('\n')
                        .append(bytesOf(TOKENS.get(r.nextInt(4))))
                        .append("\n\n**Status:** completed\n")
                        .append("**Summary:** s\n")
                        .append(bytesOf(TOKENS.get(9 + r.nextInt(4))))
                        .append("\n\n---\n");
            }
            Files.writeString(file, sb.toString(), StandardCharsets.ISO_8859_1);
            return target + " -> appended";
        }
        Files.writeString(file, mutateLines(r, text), StandardCharsets.ISO_8859_1);
        return target + " -> lines";
    }

    /** A token as the ISO-8859-1 characters of its UTF-8 bytes: the damaged text is written back byte for byte. */
    private static String bytesOf(String token) {
        return new String(token.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** Drops, repeats, swaps or splices lines with the tokens (text and result: one char per byte). */
    static String mutateLines(Random r, String text) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int n = 1 + r.nextInt(8);
        for (int i = 0; i < n; i++) {
            String token = bytesOf(TOKENS.get(r.nextInt(TOKENS.size())));
            if (lines.isEmpty()) {
                lines.add(token);
                continue;
            }
            int at = r.nextInt(lines.size());
            switch (r.nextInt(5)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(r.nextInt(lines.size())));
                case 2 -> java.util.Collections.swap(lines, at, r.nextInt(lines.size()));
                case 3 -> lines.add(at, token);
                default -> {
                    String l = lines.get(at);
                    int c = l.isEmpty() ? 0 : r.nextInt(l.length());
                    lines.set(at, l.substring(0, c) + token + l.substring(c));
                }
            }
        }
        return String.join(r.nextInt(4) == 0 ? "\r\n" : "\n", lines) + "\n";
    }

    // ---- running ----

    private static CliRun run(Path cwd, String... args) {
        return CliRun.of(cwd, args);
    }

    // ---- files ----

    /** Every regular file and symlink under {@code root} (relative path, '/'-separated) with a digest of its content. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.endsWith("objects") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = root.relativize(file).toString().replace('\\', '/');
                out.put(
                        rel,
                        attrs.isSymbolicLink()
                                ? "link:" + Files.readSymbolicLink(file)
                                : digest(Files.readAllBytes(file)));
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    private static String digest(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        return new ArrayList<>(all);
    }

    private static byte[] readOrEmpty(Path p) throws IOException {
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(p) : new byte[0];
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.getFileName() != null && dir.getFileName().toString().equals("target")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void delete(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            try (var s = Files.list(p)) {
                for (Path c : s.toList()) {
                    delete(c);
                }
            }
        }
        Files.deleteIfExists(p);
    }
}
