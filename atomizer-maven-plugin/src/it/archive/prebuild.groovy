def G = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/GitSupport.groovy'))
G.ok(basedir, "init", "-q")
G.ok(basedir, "config", "user.name", "Agent")
G.ok(basedir, "config", "user.email", "agent@example.com")
G.write(basedir, "shared/project_log.md", "# Project log\n\n" + G.entry("2026-01-05 09:00", "completed")
        + G.entry("2026-01-20 09:00", "completed") + G.entry("2026-02-02 09:00", "completed"))
G.ok(basedir, "add", "-A")
G.ok(basedir, "commit", "-q", "-m", "Base")
return true
