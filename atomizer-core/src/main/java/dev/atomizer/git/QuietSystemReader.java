package dev.atomizer.git;

import org.eclipse.jgit.util.SystemReader;

/**
 * JGit, left to itself, starts {@code git} processes at start-up to locate the system config
 * ({@code git config --system --show-origin}), which costs a hook tens of milliseconds. Atomizer
 * reads only the repository's own files and config, so the system and XDG configs are skipped
 * the way git itself skips them under {@code GIT_CONFIG_NOSYSTEM}.
 */
final class QuietSystemReader extends SystemReader.Delegate {

    private static volatile boolean installed;

    private QuietSystemReader(SystemReader delegate) {
        super(delegate);
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
    public String getenv(String variable) {
        if ("GIT_CONFIG_NOSYSTEM".equals(variable)) {
            return "1";
        }
        return super.getenv(variable);
    }
}
