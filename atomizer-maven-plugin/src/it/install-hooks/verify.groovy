def G = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/GitSupport.groovy'))
G.buildLogWith(basedir, 'installed .git/atomizer/atomizer.jar and its launcher',
        'updated .git/hooks/pre-commit (your lines are kept)', "registered the merge driver 'atomizer-log'")
def hook = new File(basedir, '.git/hooks/pre-commit').text
assert hook.startsWith('#!/bin/sh\n# >>> atomizer >>>')
assert hook.contains('echo user-hook-line')
assert new File(basedir, '.gitattributes').text == 'shared/project_log.md merge=atomizer-log\n'
// the installed hook now guards real commits, without Maven
def log = new File(basedir, 'shared/project_log.md').text
G.write(basedir, 'shared/project_log.md', log + G.entry("2026-02-16 10:00", "done"))
G.ok(basedir, "add", "shared/project_log.md")
def (code, out) = G.git(basedir, "commit", "-q", "-m", "Bad entry")
assert code != 0 : out
assert out.contains('shared/project_log.md:12:13: error [status-invalid]') : out
G.write(basedir, 'shared/project_log.md', log + G.entry("2026-02-16 10:00", "completed"))
G.ok(basedir, "add", "shared/project_log.md")
def (code2, out2) = G.git(basedir, "commit", "-q", "-m", "Good entry")
assert code2 == 0 : out2
assert out2.contains('user-hook-line') : out2 // the user's own hook line still runs
return true
