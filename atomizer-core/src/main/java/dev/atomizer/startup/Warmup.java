package dev.atomizer.startup;

import java.util.Arrays;

/**
 * Runs the hook's code once on a second thread while the main thread opens the repository: in a
 * JVM that lives a fraction of a second, most of the cost of reading schemas.md and linting an
 * entry is the first run of that code (class initialisation, linking, interpreted bytecode), and a
 * hook machine has a second core for it. Produces nothing and changes nothing: the real files are
 * read afterwards, as before. The design and its figures: docs/startup.md.
 */
public final class Warmup {

    private Warmup() {}

    /**
     * Starts the warm-up on a daemon thread (it never holds the JVM's exit).
     *
     * @param readAhead reads and parses the working tree's contract and status, which the check then
     *                  finds parsed when the index holds the same bytes (the usual commit)
     * @param check     runs the check once over a small built-in change
     */
    public static void start(Runnable readAhead, Runnable check) {
        Thread t = new Thread(() -> runAll(readAhead, check), "atomizer-warmup");
        t.setDaemon(true);
        t.start();
    }

    /** The whole warm-up on this thread, in the order the main thread will need its parts. */
    public static void runAll(Runnable readAhead, Runnable check) {
        comparison();
        securityProviders();
        timeZones();
        readAhead.run();
        JGitWarmup.run();
        check.run();
    }

    /**
     * Has the JIT compile the JDK's array comparison (the append check's {@code Arrays.mismatch}
     * over the whole old log) before the main thread needs it: called a few hundred times on small
     * arrays, it is queued for compilation at once. Left to the main thread, its one long call
     * runs interpreted until an on-stack replacement that a busy compile queue delays: JFR showed it
     * as slow there as a plain byte loop (a quarter of the main thread's samples on a 10k log).
     *
     * @return true (the comparisons found what they were built with)
     */
    static boolean comparison() {
        byte[] a = new byte[256];
        byte[] b = new byte[256];
        b[255] = 1;
        boolean same = true;
        for (int i = 0; i < 400; i++) {
            same &= Arrays.mismatch(a, 0, a.length, b, 0, b.length) == 255;
        }
        return same;
    }

    /**
     * JGit asks for a SHA-1 digest as it initialises (object ids), and the first such request loads
     * the JDK's security providers: done here, meanwhile, the main thread finds them ready.
     */
    private static void securityProviders() {
        try {
            java.security.MessageDigest.getInstance("SHA-1");
        } catch (java.security.NoSuchAlgorithmException e) {
            // JGit reports it itself
        }
    }

    /**
     * JGit's file snapshots (read with the index and every config) format times in the system's
     * zone: the first use loads java.time's formatters and the zone database; so do entry
     * timestamps.
     */
    private static void timeZones() {
        java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(java.time.ZoneId.systemDefault());
    }

    /** JGit's staged-diff code once over in-memory data; true when it found the one change it was built with. */
    static boolean jgit() {
        return JGitWarmup.run();
    }
}
