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
def build = new File(basedir, 'build.log').text
assert build.contains('installed .git/atomizer/atomizer.jar and its launcher')
assert build.contains('updated .git/hooks/pre-commit (your lines are kept)')
assert build.contains("registered the merge driver 'atomizer-log'")
def hook = new File(basedir, '.git/hooks/pre-commit').text
assert hook.startsWith('#!/bin/sh\n# >>> atomizer >>>')
assert hook.contains('echo user-hook-line')
assert new File(basedir, '.gitattributes').text == 'shared/project_log.md merge=atomizer-log\n'
// the installed hook now guards real commits, without Maven
def log = new File(basedir, 'shared/project_log.md').text
write(basedir, 'shared/project_log.md', log + entry("2026-02-16 10:00", "done"))
ok(basedir, "add", "shared/project_log.md")
def (code, out) = git(basedir, "commit", "-q", "-m", "Bad entry")
assert code != 0 : out
assert out.contains('shared/project_log.md:12:13: error [status-invalid]') : out
write(basedir, 'shared/project_log.md', log + entry("2026-02-16 10:00", "completed"))
ok(basedir, "add", "shared/project_log.md")
def (code2, out2) = git(basedir, "commit", "-q", "-m", "Good entry")
assert code2 == 0 : out2
assert out2.contains('user-hook-line') : out2 // the user's own hook line still runs
return true
