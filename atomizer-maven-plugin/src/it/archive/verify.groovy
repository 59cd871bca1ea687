def G = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/GitSupport.groovy'))
G.buildLogWith(basedir,
        'Atomizer: moved 2 entries to shared/archive/project_log-before-2026-02-01.md (1 left in the log); committed',
        'BUILD SUCCESS')
def archive = new File(basedir, 'shared/archive/project_log-before-2026-02-01.md').text
assert archive == "# Project log archive: entries before 2026-02-01\n\n" + G.entry("2026-01-05 09:00", "completed") + G.entry("2026-01-20 09:00", "completed")
assert new File(basedir, 'shared/project_log.md').text == "# Project log\n\n" + G.entry("2026-02-02 09:00", "completed")
assert G.ok(basedir, "log", "-1", "--format=%s").trim() == "Archive the log's entries before 2026-02-01"
assert G.ok(basedir, "status", "--porcelain", "--", "shared").trim().isEmpty()
return true
