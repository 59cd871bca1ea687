package dev.atomizer.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The hook's JVM: the hidden command it is trained with and the flags it starts with. The flags
 * have one source, the launcher script ({@code hooks/atomizer}, packaged as a resource beside this
 * class): install-hooks records the class-data archive with the flags read from it, since an
 * archive is only used by a JVM with the same collector and compiler settings.
 */
public final class JvmFlags {

    /** The hidden command that runs the hook's work once, for the class-data archive to record. */
    public static final String TRAIN_COMMAND = "__train";

    /** The launcher script, a resource of this package. */
    public static final String LAUNCHER = "atomizer";

    private JvmFlags() {}

    /** The launcher script's text. */
    public static String launcher() {
        try (InputStream in = JvmFlags.class.getResourceAsStream(LAUNCHER)) {
            if (in == null) {
                throw new IllegalStateException("the launcher script is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JVM flags of the launcher's {@code exec} line (the words from the first {@code -} up to
     * {@code ATOMIZER_JAVA_OPTS}), in order.
     */
    public static List<String> hook() {
        return of(launcher());
    }

    static List<String> of(String script) {
        List<String> flags = new ArrayList<>();
        for (String line : script.split("\n")) {
            if (line.startsWith("exec \"$java\"")) {
                for (String word : line.trim().split("\\s+")) {
                    if (word.contains("ATOMIZER_JAVA_OPTS")) {
                        break;
                    }
                    if (word.startsWith("-")) {
                        flags.add(word);
                    }
                }
                return List.copyOf(flags);
            }
        }
        throw new IllegalStateException("the launcher script has no 'exec \"$java\"' line");
    }
}
