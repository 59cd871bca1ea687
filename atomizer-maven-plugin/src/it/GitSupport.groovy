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
}
