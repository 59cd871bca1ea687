package dev.atomizer.install;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.contract.Contract;
import dev.atomizer.contract.GovernedPath;
import dev.atomizer.contract.Policy;
import dev.atomizer.git.GitRepo;
import dev.atomizer.startup.JvmFlags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Installs the hooks and the merge driver into a repository, idempotently: the jar and its
 * launcher are copied to {@code <git common dir>/atomizer/} (so the hooks keep working however the
 * Atomizer checkout moves), each hook gets a marker-delimited block right after its shebang (the
 * user's own lines are kept, and re-installing replaces only the block, as Spotless does),
 * {@code core.hooksPath} and linked worktrees are honoured, and the log's merge driver is
 * registered in {@code .gitattributes} and the repository config.
 */
public final class HookInstaller {

    public static final String BEGIN =
            "# >>> atomizer >>> managed by 'atomizer install-hooks'; 'atomizer uninstall-hooks' removes it";
    public static final String END = "# <<< atomizer <<<";
    public static final String DRIVER = "atomizer-log";
    static final List<String> HOOKS = List.of("pre-commit", "commit-msg");

    /*
     * How a hook or the merge driver finds the launcher: never by a path written into the script,
     * which would break when the repository moves and which the shell would read (a '"' or a
     * '$(...)' in the repository's path). A hook in <git dir>/hooks finds it beside its own folder,
     * with no process to start ("${0%/*}" is the shell's own dirname); one elsewhere
     * (core.hooksPath) and the merge driver ask git for the common git directory.
     */
    static final String BESIDE_HOOKS = "\"${0%/*}/../atomizer/atomizer\"";
    static final String FROM_GIT = "\"$(git rev-parse --git-common-dir)/atomizer/atomizer\"";

    private HookInstaller() {}

    /** Installs; returns what was done, one line each. */
    public static List<String> install(GitRepo git, Contract contract, Path jar) throws AtomizerException {
        Path top = git.workTree();
        List<String> done = new ArrayList<>();
        try {
            Path home = git.commonDir().resolve("atomizer");
            Files.createDirectories(home);
            if (jar != null) {
                copy(jar, home.resolve("atomizer.jar"));
            } else if (!Files.exists(home.resolve("atomizer.jar"))) {
                throw new AtomizerException("cannot find atomizer.jar to install; run install-hooks through the "
                        + "atomizer launcher or jar (build it with 'mvn -B install -DskipTests')");
            }
            Path launcher = home.resolve("atomizer");
            writeAtomically(launcher, launcherScript());
            executable(launcher);
            done.add("installed " + display(top, home) + "/atomizer.jar and its launcher");
            done.add(classDataArchive(home.resolve("atomizer.jar"), top));
            Path hooks = hooksDir(git, top);
            Files.createDirectories(hooks);
            String self = hooks.equals(git.commonDir().resolve("hooks")) ? BESIDE_HOOKS : FROM_GIT;
            for (String hook : HOOKS) {
                Path file = hooks.resolve(hook);
                String call = self + " " + hook + (hook.equals("commit-msg") ? " \"$1\"" : "") + " || exit $?";
                boolean existed = Files.exists(file);
                String before = existed ? Files.readString(file, StandardCharsets.UTF_8) : "";
                String after = withBlock(before, call);
                if (!after.equals(before)) {
                    writeAtomically(file, after);
                }
                executable(file);
                done.add((existed ? (after.equals(before) ? "kept " : "updated ") : "created ")
                        + display(top, file)
                        + (existed && !before.contains(BEGIN) ? " (your lines are kept)" : ""));
            }
            git.setConfig("merge", DRIVER, "name", "Atomizer: merge concurrent appends to the log");
            git.setConfig("merge", DRIVER, "driver", FROM_GIT + " merge-driver %O %A %B");
            done.add("registered the merge driver '" + DRIVER + "' in the repository config");
            Path attributes = top.resolve(".gitattributes");
            List<String> lines = Files.exists(attributes)
                    ? new ArrayList<>(Files.readAllLines(attributes, StandardCharsets.UTF_8))
                    : new ArrayList<>();
            boolean changed = false;
            for (GovernedPath g : contract.governedPaths()) {
                if (g.policy() == Policy.APPEND_ONLY) {
                    String line = g.pattern() + " merge=" + DRIVER;
                    if (!lines.contains(line)) {
                        lines.add(line);
                        changed = true;
                    }
                }
            }
            if (changed) {
                writeAtomically(attributes, String.join("\n", lines) + "\n");
                done.add(
                        "added the append-only log(s) to .gitattributes (commit it so every clone merges the log the same way"
                                + (git.unborn()
                                        ? "; the root commit needs no trailers"
                                        : new dev.atomizer.governance.Policies(contract)
                                                        .is(".gitattributes", Policy.IMMUTABLE)
                                                ? "; it is governed (immutable): commit it with the trailers 'Change-Request: <id>' and "
                                                        + "'Approved-by: <approver>'"
                                                : "")
                                + ")");
            } else {
                done.add(".gitattributes already routes the log to the merge driver");
            }
        } catch (IOException e) {
            throw new AtomizerException("cannot install the hooks: " + e.getMessage(), e);
        }
        return done;
    }

    /**
     * Records a class-data-sharing archive of the hook's classes beside the jar (the launcher uses
     * it when present; a JVM that cannot use it ignores it silently): the hook then starts faster.
     * The recording JVM runs with the launcher's own flags ({@link JvmFlags#hook()}).
     */
    static String classDataArchive(Path jar, Path top) {
        Path jsa = jar.resolveSibling(jar.getFileName() + ".jsa");
        try {
            Files.deleteIfExists(jsa);
            String javaHome = System.getenv("JAVA_HOME");
            String javaBin = javaHome != null && Files.isExecutable(Path.of(javaHome, "bin", "java"))
                    ? Path.of(javaHome, "bin", "java").toString()
                    : "java";
            List<String> command = new ArrayList<>(List.of(javaBin, "-XX:ArchiveClassesAtExit=" + jsa));
            command.addAll(JvmFlags.hook());
            command.addAll(
                    List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", jar.toString(), JvmFlags.TRAIN_COMMAND));
            Process p = new ProcessBuilder(command)
                    .directory(top.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                Files.deleteIfExists(jsa);
                return "no class-data archive (the recording run timed out); the hooks work, only start slower";
            }
            return Files.isRegularFile(jsa)
                    ? "recorded a class-data archive beside the jar (faster hook start)"
                    : "no class-data archive (this JVM could not record one); the hooks work, only start slower";
        } catch (IOException e) {
            return "no class-data archive (" + e.getMessage() + "); the hooks work, only start slower";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no class-data archive (interrupted)";
        }
    }

    /** Removes the blocks, the driver registration, the .gitattributes lines and the copied jar. */
    public static List<String> uninstall(GitRepo git) throws AtomizerException {
        Path top = git.workTree();
        List<String> done = new ArrayList<>();
        try {
            Path hooks = hooksDir(git, top);
            for (String hook : HOOKS) {
                Path file = hooks.resolve(hook);
                if (!Files.exists(file)) {
                    continue;
                }
                String before = Files.readString(file, StandardCharsets.UTF_8);
                String after = withoutBlock(before);
                if (after.equals(before)) {
                    continue;
                }
                if (after.strip().isEmpty() || after.strip().equals("#!/bin/sh")) {
                    Files.delete(file);
                    done.add("removed " + display(top, file));
                } else {
                    writeAtomically(file, after);
                    done.add("removed the atomizer block from " + display(top, file) + " (your lines are kept)");
                }
            }
            if (git.config("merge", DRIVER, "driver") != null) {
                git.setConfig("merge", DRIVER, "driver", null);
                git.setConfig("merge", DRIVER, "name", null);
                done.add("unregistered the merge driver '" + DRIVER + "'");
            }
            Path attributes = top.resolve(".gitattributes");
            if (Files.exists(attributes)) {
                List<String> lines = Files.readAllLines(attributes, StandardCharsets.UTF_8);
                List<String> kept = lines.stream()
                        .filter(l -> !l.endsWith(" merge=" + DRIVER))
                        .toList();
                if (kept.size() != lines.size()) {
                    writeAtomically(attributes, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
                    done.add("removed the merge driver lines from .gitattributes");
                }
            }
            Path home = git.commonDir().resolve("atomizer");
            if (Files.isDirectory(home)) {
                try (var files = Files.list(home)) {
                    for (Path p : files.toList()) {
                        Files.delete(p);
                    }
                }
                Files.delete(home);
                done.add("removed " + display(top, home));
            }
            if (done.isEmpty()) {
                done.add("nothing to remove: the hooks were not installed");
            }
        } catch (IOException e) {
            throw new AtomizerException("cannot uninstall the hooks: " + e.getMessage(), e);
        }
        return done;
    }

    /** {@code core.hooksPath} (relative to the work tree, as git reads it) or the common dir's hooks. */
    static Path hooksDir(GitRepo git, Path top) {
        String configured = git.config("core", null, "hooksPath");
        if (configured != null && !configured.isBlank()) {
            String expanded = configured.startsWith("~/")
                    ? System.getProperty("user.home") + configured.substring(1)
                    : configured;
            return top.resolve(expanded).normalize();
        }
        return git.commonDir().resolve("hooks");
    }

    /** The hook text with our block (replacing an earlier one) right after the shebang. */
    static String withBlock(String text, String call) {
        String rest = withoutBlock(text);
        String block = BEGIN + "\n" + call + "\n" + END + "\n";
        if (rest.isEmpty()) {
            return "#!/bin/sh\n" + block;
        }
        if (rest.startsWith("#!")) {
            int nl = rest.indexOf('\n');
            String shebang = nl < 0 ? rest + "\n" : rest.substring(0, nl + 1);
            return shebang + block + (nl < 0 ? "" : rest.substring(nl + 1));
        }
        return "#!/bin/sh\n" + block + rest;
    }

    static String withoutBlock(String text) {
        int b = text.indexOf(BEGIN);
        if (b < 0) {
            return text;
        }
        int e = text.indexOf(END, b);
        if (e < 0) {
            return text;
        }
        int end = e + END.length();
        if (end < text.length() && text.charAt(end) == '\n') {
            end++;
        }
        return text.substring(0, b) + text.substring(end);
    }

    static String launcherScript() throws IOException {
        try {
            return JvmFlags.launcher();
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Path tmp = Files.createTempFile(to.getParent(), ".atomizer", ".tmp");
        try {
            Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
            move(tmp, to);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void writeAtomically(Path file, String text) throws IOException {
        dev.atomizer.io.AtomicFile.replace(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void executable(Path file) throws IOException {
        try {
            Set<PosixFilePermission> p = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            p.add(PosixFilePermission.OWNER_EXECUTE);
            p.add(PosixFilePermission.GROUP_EXECUTE);
            p.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(file, p);
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: git for Windows does not need the bit
        }
    }

    private static String display(Path top, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(top) ? top.relativize(abs).toString() : abs.toString();
    }
}
