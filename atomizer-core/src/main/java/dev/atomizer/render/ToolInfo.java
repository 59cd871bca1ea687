package dev.atomizer.render;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/** What the reports say about the tool itself: its version and home page, filled in by the build. */
public final class ToolInfo {

    public static final String NAME = "atomizer";

    private static final Properties PROPS = load();

    private ToolInfo() {}

    /** The build's version, e.g. {@code 0.1.0-SNAPSHOT}; {@code dev} when run from unfiltered classes. */
    public static String version() {
        String v = PROPS.getProperty("version", "");
        return v.isBlank() || v.startsWith("${") ? "dev" : v.trim();
    }

    /** The public home page, or null while the project has none configured ({@code atomizer.home} in the root POM). */
    public static @Nullable String home() {
        String h = PROPS.getProperty("home", "");
        return h.isBlank() || h.startsWith("${") ? null : h.trim();
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = ToolInfo.class.getResourceAsStream("tool.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // a jar that cannot read its own resource: report "dev" rather than fail the run
        }
        return p;
    }
}
