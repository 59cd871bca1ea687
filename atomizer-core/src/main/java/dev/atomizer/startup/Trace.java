package dev.atomizer.startup;

import java.io.PrintStream;

/**
 * Phase timings for the hot paths, printed to stderr when {@code ATOMIZER_TRACE} is set (as git's
 * {@code GIT_TRACE_PERFORMANCE}): {@code ATOMIZER_TRACE=1 git commit} shows where a hook's time goes.
 * Costs one environment lookup when off.
 */
public final class Trace {

    private static final boolean ON = System.getenv("ATOMIZER_TRACE") != null;
    private static final long START = System.nanoTime();
    private static long last = START;
    /** Marks come from the thread that started tracing: the hook's warm-up thread runs the same code unmarked. */
    private static final Thread OWNER = Thread.currentThread();

    private Trace() {}

    public static boolean on() {
        return ON;
    }

    /** Prints the time since the previous mark and since the first use of this class. */
    public static void mark(String phase) {
        if (!ON || Thread.currentThread() != OWNER) {
            return;
        }
        long now = System.nanoTime();
        PrintStream err = System.err;
        err.println("atomizer trace: " + phase + " +" + (now - last) / 1_000_000 + " ms (at "
                + (now - START) / 1_000_000 + " ms; JVM up "
                + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms)");
        last = System.nanoTime();
    }
}
