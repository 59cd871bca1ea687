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
 * The log nears the size the host refuses (GitHub refuses a file over 100 MB in a push): past the
 * contract's {@code Log size limit} (95 MB by default) it is an error, while a push still goes
 * through and the archive can be made.
 */
@AutoService(Rule.class)
public final class LogSizeLimit implements Rule {

    public static final RuleInfo INFO = RuleInfo.of("log-size-limit", Severity.ERROR, "file")
            .fires("the log is larger than the contract's `Log size limit` (default 95 MB), close to the 100 MB"
                    + " GitHub refuses in a push")
            .fix("Move older entries into an archive now: `atomizer archive --before YYYY-MM-DD` (or `mvn"
                    + " atomizer:archive -Dbefore=YYYY-MM-DD`) moves them byte for byte and commits.")
            .protects("A repository the host keeps accepting: a log over 100 MB makes every push fail.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** The error for the log {@code file} (shown as {@code shown}) of {@code size} bytes, or null. */
    public static @Nullable Diagnostic check(Path file, String shown, long size, Settings settings, Severity severity)
            throws IOException {
        return Archiver.overLimit(
                file,
                shown,
                size,
                settings.bytes(Settings.Setting.LOG_SIZE_LIMIT),
                INFO.id(),
                severity,
                "size limit",
                " (Log size limit; GitHub refuses files over 100 MB); ");
    }
}
