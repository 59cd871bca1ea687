package dev.atomizer.git;

import org.eclipse.jgit.internal.util.CleanupService;

/**
 * JGit set up for a process that lives for one command. JGit registers a JVM shutdown hook for its clean-up (stopping its background executors)
 * and, to be able to log from it, loads its whole message bundle ({@code JGitText}: a
 * resource bundle of about a thousand strings, set field by field through reflection) on
 * first use of the file system layer. In OSGi it leaves the clean-up to the bundle's
 * deactivation instead; declaring that mode keeps both off the hook's path. The clean-up only
 * stops daemon threads, which the JVM's exit stops anyway.
 */
final class ShortLivedJGit {

    private static volatile boolean installed;

    private ShortLivedJGit() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        // the public constructor is the OSGi component's: it makes this the instance that keeps
        // the clean-up for a bundle deactivation that never comes
        new CleanupService();
        installed = true;
    }
}
