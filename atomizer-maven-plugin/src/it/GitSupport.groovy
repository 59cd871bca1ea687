// Helpers the invoker scripts share: the real git binary with the user's and the system's git
// configuration shut out, and a log entry in the contract's format.
// Loaded with: def G = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/GitSupport.groovy'))
class GitSupport {
    static List git(File dir, String... args) {
        def cmd = ["git", "-c", "user.name=Agent", "-c", "user.email=agent@example.com", "-c", "init.defaultBranch=main"] + (args as List)
        def pb = new ProcessBuilder(cmd).directory(dir).redirectErrorStream(true)
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1")
        pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null")
        def p = pb.start()
        def out = p.inputStream.text
        return [p.waitFor(), out]
    }

    static String ok(File dir, String... args) {
        def (code, out) = git(dir, args)
        assert code == 0 : "git ${args.join(' ')} failed: ${out}"
        return out
    }

    static String entry(String ts, String status) {
        "## [${ts}] manager | bracket-topopt | milestone\n\n**Status:** ${status}\n**Summary:** Gate passed.\n\n---\n\n"
    }

    static void write(File dir, String path, String text) {
        def f = new File(dir, path)
        f.parentFile.mkdirs()
        f.text = text
    }

    /** The log every repository starts from: one entry. */
    static final String LOG = "# Project log\n\n" + entry("2026-02-16 09:00", "completed")

    /** A repository with the base log and {@code files} ({@code path: text}), committed as "Base" and tagged "base". */
    static void base(File dir, Map<String, String> files = [:]) {
        ok(dir, "init", "-q")
        write(dir, "shared/project_log.md", LOG)
        files.each { path, text -> write(dir, path, text) }
        ok(dir, "add", "-A")
        ok(dir, "commit", "-q", "-m", "Base")
        ok(dir, "tag", "base")
    }

    /** After the base: a clean append, an approved foundational change, and an edit committed with hooks skipped. */
    static void rangeWithAnUnapprovedEdit(File dir) {
        base(dir)
        write(dir, "shared/project_log.md", LOG + entry("2026-02-16 10:00", "completed"))
        ok(dir, "commit", "-q", "-am", "Append")
        write(dir, "context-docs/00-mission.md", "# Mission\n")
        ok(dir, "add", "-A")
        ok(dir, "commit", "-q", "-m", "Mission", "-m", "Change-Request: CR-1\nApproved-by: ceo")
        write(dir, "context-docs/00-mission.md", "# Mission, edited\n")
        ok(dir, "commit", "-q", "--no-verify", "-am", "Edit the mission without approval")
    }

    /** The build log of the invoked build, which holds every line of {@code expected}. */
    static String buildLogWith(File dir, String... expected) {
        def log = new File(dir, 'build.log').text
        expected.each { assert log.contains(it) : "build.log lacks: ${it}" }
        return log
    }
}
