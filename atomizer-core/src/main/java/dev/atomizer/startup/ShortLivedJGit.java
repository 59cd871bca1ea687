package dev.atomizer.startup;

import org.eclipse.jgit.internal.util.CleanupService;

/**
 * JGit set up for a process that runs one command and exits (the hooks). Outside OSGi, JGit
 * registers a JVM shutdown hook for its clean-up (stopping its background executors) and, to be
 * able to log from it, first loads its whole message bundle ({@code JGitText}: about a thousand
 * strings, set field by field through reflection): tens of milliseconds of a hook's start. In OSGi
 * it keeps the clean-up for the bundle's deactivation instead; declaring that mode here keeps both
 * off the hook's path. The clean-up only stops daemon threads, which the JVM's exit stops anyway.
 */
final class ShortLivedJGit {

    private static boolean installed;

    private ShortLivedJGit() {}

    static synchronized void install() {
        if (installed) {
            return;
        }
        // the public constructor is the OSGi component's: it makes itself the instance that keeps
        // the clean-up, for a bundle deactivation that never comes
        new CleanupService();
        installed = true;
    }
}
