package dev.atomizer.lint;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.contract.Settings;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The log has grown past the size GitHub still renders (the contract's {@code Log render limit},
 * 2 MB by default): readers get a raw file. A file-level rule of the live log: archives and inbox
 * files are never that large.
 */
@AutoService(Rule.class)
public final class LogSizeRender implements Rule {

    public static final RuleInfo INFO = RuleInfo.of("log-size-render", Severity.WARNING, "file")
            .fires("the log is larger than the contract's `Log render limit` (default 2 MB), past which GitHub shows it"
                    + " raw instead of rendered")
            .fix("Move older entries into an archive: `atomizer archive --before YYYY-MM-DD` (or `mvn"
                    + " atomizer:archive -Dbefore=YYYY-MM-DD`) moves them byte for byte and commits; every command"
                    + " still reads them.")
            .protects("A log the team can read on the host: past its render limit it is a wall of raw text.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** The warning for the log {@code file} (shown as {@code shown}) of {@code size} bytes, or null. */
    public static @Nullable Diagnostic check(Path file, String shown, long size, Settings settings, Severity severity)
            throws IOException {
        return Archiver.overLimit(
                file,
                shown,
                size,
                settings.bytes(Settings.Setting.LOG_RENDER_LIMIT),
                INFO.id(),
                severity,
                "render limit",
                " (Log render limit): GitHub shows it raw; ");
    }
}
