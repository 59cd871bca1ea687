package dev.atomizer.startup;

/**
 * The set-up of a process that runs one hook and exits ({@code pre-commit}, {@code commit-msg} and
 * the training run install-hooks records the class-data archive from). Every start-up measure that
 * changes how JGit behaves for the whole process is applied here, and only here: the other commands
 * (install-hooks, verify, check, the Maven goals) see JGit and the system's git config as git does.
 * The measures and what they rely on: docs/startup.md.
 */
public final class HookProcess {

    private HookProcess() {}

    /**
     * Declares this JVM a one-hook process, before any other JGit use: JGit's one-command mode
     * ({@link ShortLivedJGit}) and a system config read as empty ({@link QuietSystemReader}: no
     * {@code git} processes to locate it).
     */
    public static void begin() {
        ShortLivedJGit.install();
        QuietSystemReader.install();
    }
}
