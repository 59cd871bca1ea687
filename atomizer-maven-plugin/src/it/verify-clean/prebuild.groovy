def G = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/GitSupport.groovy'))
def log = "# Project log\n\n" + G.entry("2026-02-16 09:00", "completed")
G.ok(basedir, "init", "-q")
G.write(basedir, "shared/project_log.md", log)
G.ok(basedir, "add", "-A")
G.ok(basedir, "commit", "-q", "-m", "Base")
def base = G.ok(basedir, "rev-parse", "HEAD").trim()
new File(basedir, "base.sha").text = base
G.write(basedir, "shared/project_log.md", log + G.entry("2026-02-16 10:00", "completed"))
G.ok(basedir, "commit", "-q", "-am", "Append one")
G.write(basedir, "shared/project_log.md", log + G.entry("2026-02-16 10:00", "completed") + G.entry("2026-02-16 11:00", "completed"))
G.ok(basedir, "commit", "-q", "-am", "Append two")
return true
