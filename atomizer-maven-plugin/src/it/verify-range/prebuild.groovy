def git(File dir, String... args) {
    def cmd = ["git", "-c", "user.name=Agent", "-c", "user.email=agent@example.com", "-c", "init.defaultBranch=main"] + (args as List)
    def pb = new ProcessBuilder(cmd).directory(dir).redirectErrorStream(true)
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1")
    pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null")
    def p = pb.start()
    def out = p.inputStream.text
    def code = p.waitFor()
    return [code, out]
}
def ok(File dir, String... args) {
    def (code, out) = git(dir, args)
    assert code == 0 : "git ${args.join(" ")} failed: ${out}"
    return out
}
def entry(String ts, String status) {
    "## [${ts}] manager | bracket-topopt | milestone\n\n**Status:** ${status}\n**Summary:** Gate passed.\n\n---\n\n"
}
def write(File dir, String path, String text) {
    def f = new File(dir, path)
    f.parentFile.mkdirs()
    f.text = text
}
// a range with a clean commit, an approved foundational change, and one committed with hooks skipped
def log = "# Project log\n\n" + entry("2026-02-16 09:00", "completed")
ok(basedir, "init", "-q")
write(basedir, "shared/project_log.md", log)
ok(basedir, "add", "-A")
ok(basedir, "commit", "-q", "-m", "Base")
ok(basedir, "tag", "base")
write(basedir, "shared/project_log.md", log + entry("2026-02-16 10:00", "completed"))
ok(basedir, "commit", "-q", "-am", "Append")
write(basedir, "context-docs/00-mission.md", "# Mission\n")
ok(basedir, "add", "-A")
ok(basedir, "commit", "-q", "-m", "Mission", "-m", "Change-Request: CR-1\nApproved-by: ceo")
write(basedir, "context-docs/00-mission.md", "# Mission, edited\n")
ok(basedir, "commit", "-q", "--no-verify", "-am", "Edit the mission without approval")
return true
