package dev.atomizer.startup;

import dev.atomizer.git.FileStoreTiming;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * JGit, left to itself, starts {@code git --version} and {@code git config --system --show-origin}
 * to locate the system config: two processes, tens of milliseconds at every hook. A hook needs only
 * the repository's config and the user's (for {@code core.hooksPath}), so on the hook's path the
 * system config reads as empty, as git itself does under {@code GIT_CONFIG_NOSYSTEM}, but for the
 * declared timing of the file stores ({@link FileStoreTiming}). (Overriding {@code getenv} is not
 * enough: the default reader asks its own.) Installed by {@link HookProcess} only: every other
 * command reads the system config as git does.
 */
final class QuietSystemReader extends FileStoreTiming.Declaring {

    private static volatile boolean installed;

    private QuietSystemReader(SystemReader delegate) {
        super(delegate);
    }

    /** The reader over {@code delegate}, not installed (for tests). */
    static SystemReader over(SystemReader delegate) {
        return new QuietSystemReader(delegate);
    }

    static void install() {
        if (!installed) {
            synchronized (QuietSystemReader.class) {
                if (!installed) {
                    SystemReader.setInstance(new QuietSystemReader(SystemReader.getInstance()));
                    installed = true;
                }
            }
        }
    }

    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
        // a file that does not exist loads as an empty config, but for the file stores' declared
        // timing: JGit then never measures one by writing probe files into a repository
        return FileStoreTiming.declaring(parent, NO_FILE, fs);
    }

    @Override
    public String getenv(String variable) {
        if ("GIT_CONFIG_NOSYSTEM".equals(variable)) {
            return "1";
        }
        return super.getenv(variable);
    }
}
