package dev.atomizer;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Under {@code CI=true} (GitHub Actions sets it), a test that skips itself (a failed assumption)
 * fails instead, unless its reason is that a tool the platform may lack is not installed: one of
 * {@link #MAY_BE_MISSING}, said as "gpg is not installed: …" or "gpg or ssh-keygen is not
 * installed: …". Anything else a test needs (the npm tools the build installs into
 * bench/node_modules, a file of this repository) is there in CI, so its absence is a failure, not a
 * silent skip. Registered for every test by {@code META-INF/services} (autodetection is on in
 * {@code junit-platform.properties}).
 */
public final class SkipsInCi implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    /** The tools whose absence may skip a test in CI: system packages, not installed by the build. */
    public static final List<String> MAY_BE_MISSING = List.of("gpg", "ssh-keygen", "shellcheck", "chromium");

    private static final Pattern TOOL_MISSING = Pattern.compile(
            "(" + String.join("|", MAY_BE_MISSING) + ")( or (" + String.join("|", MAY_BE_MISSING)
                    + "))* (is|are) not installed\\b.*",
            Pattern.DOTALL);

    private static final String PREFIX = "Assumption failed: ";

    /**
     * {@code thrown} as the test should end: unchanged, or, for a skip under {@code CI=true} whose
     * reason is not a missing tool of the list, an {@link AssertionError} that says why.
     */
    public static Throwable judged(Map<String, String> env, Throwable thrown) {
        if (!(thrown instanceof TestAbortedException) || !"true".equalsIgnoreCase(env.get("CI"))) {
            return thrown;
        }
        String reason = String.valueOf(thrown.getMessage());
        if (reason.startsWith(PREFIX)) {
            reason = reason.substring(PREFIX.length());
        }
        if (TOOL_MISSING.matcher(reason).matches()) {
            return thrown;
        }
        AssertionError e = new AssertionError("skipped under CI=true, which only a missing "
                + String.join(", ", MAY_BE_MISSING) + " may do: " + reason);
        e.initCause(thrown);
        return e;
    }

    private static void rethrow(Throwable t) throws Throwable {
        throw judged(System.getenv(), t);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        rethrow(throwable);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        rethrow(throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        rethrow(throwable);
    }
}
