package dev.atomizer.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystems;
import java.time.Duration;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * JGit's file-store timing, declared rather than measured. To tell a file changed within the
 * timestamp resolution from an unchanged one ("racily clean"), JGit measures each file store once,
 * the first time a snapshot of a just-written file is compared: it writes probe files into the
 * directory of that file (the repository's {@code .git}) for up to seconds, on a pool thread, and
 * then saves the result to the user's {@code ~/.config/jgit/config}. In the background mode this
 * class used to choose, a hook's JVM exits mid-measurement (probe files left in {@code .git}) and a
 * test's temporary repository is deleted while probes are still being written into it.
 *
 * <p>Atomizer reads repositories and never writes an index, so it needs no fine resolution: every
 * file store is declared, in the system config JGit reads ({@link Declaring}, installed by
 * {@link GitRepo#open} in every process), with
 * JGit's own conservative fallback (2 seconds: a file changed within 2 s of a snapshot counts as
 * changed and is read again). JGit then finds the answer in its config and measures nothing. Should
 * a store still be unknown (one mounted after start), the measurement runs in the foreground: it has
 * removed its probes when JGit returns, and no thread keeps writing.
 */
public final class FileStoreTiming {

    /** JGit's config section and key; the subsection is {@link #key}. */
    static final String SECTION = "filesystem";

    static final String RESOLUTION = "timestampResolution";
    static final Duration DECLARED = FS.FileStoreAttributes.FALLBACK_TIMESTAMP_RESOLUTION;

    private static volatile boolean installed;

    private FileStoreTiming() {}

    /**
     * Declares the timing for this process, before JGit opens anything: the measurement, should
     * one still run, in the foreground, and a system reader that adds the declared timing to the
     * system config (unless one is installed already: the hooks' {@code QuietSystemReader} is one).
     */
    static void install() {
        if (!installed) {
            synchronized (FileStoreTiming.class) {
                if (!installed) {
                    FS.FileStoreAttributes.setBackground(false);
                    SystemReader current = SystemReader.getInstance();
                    if (!(current instanceof Declaring)) {
                        SystemReader.setInstance(new Declaring(current));
                    }
                    installed = true;
                }
            }
        }
    }

    /**
     * A system reader that reads the system config git reads, with the declared timing of every
     * file store of this machine laid over it.
     */
    public static class Declaring extends SystemReader.Delegate {

        /** The file a config with no file loads from: it does not exist, so it loads as empty. */
        protected static final File NO_FILE = new File("/nonexistent/atomizer/no-system-gitconfig");

        protected Declaring(SystemReader delegate) {
            super(delegate);
        }

        @Override
        public FileBasedConfig openSystemConfig(Config parent, FS fs) {
            File file = super.openSystemConfig(parent, fs).getFile();
            return declaring(parent, file == null ? NO_FILE : file, fs);
        }
    }

    /**
     * An empty config at {@code file} (which does not exist) that holds, once loaded, the declared
     * timing of every file store of this machine.
     */
    public static FileBasedConfig declaring(Config parent, File file, FS fs) {
        return new FileBasedConfig(parent, file, fs) {
            @Override
            public void load() throws IOException, ConfigInvalidException {
                super.load();
                declareAll(this);
            }
        };
    }

    private static void declareAll(Config config) {
        String value = DECLARED.toMillis() + " milliseconds";
        for (FileStore store : FileSystems.getDefault().getFileStores()) {
            config.setString(SECTION, key(store), RESOLUTION, value);
        }
    }

    /** The subsection JGit files a store under: Java vendor and version, then the store's name (a volume's serial number on Windows). */
    public static String key(FileStore store) {
        String name = store.name();
        if (SystemReader.getInstance().isWindows()) {
            try {
                Object vsn = store.getAttribute("volume:vsn");
                if (vsn instanceof Integer) {
                    name = vsn.toString();
                }
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                // JGit falls back to the name too
            }
        }
        return System.getProperty("java.vendor") + '|' + System.getProperty("java.version") + '|' + name;
    }
}
