def G = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/GitSupport.groovy'))
G.base(basedir)
new File(basedir, "base.sha").text = G.ok(basedir, "rev-parse", "HEAD").trim()
G.write(basedir, "shared/project_log.md", G.LOG + G.entry("2026-02-16 10:00", "completed"))
G.ok(basedir, "commit", "-q", "-am", "Append one")
G.write(basedir, "shared/project_log.md", G.LOG + G.entry("2026-02-16 10:00", "completed") + G.entry("2026-02-16 11:00", "completed"))
G.ok(basedir, "commit", "-q", "-am", "Append two")
return true
