def G = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/GitSupport.groovy'))
G.ok(basedir, "init", "-q")
G.write(basedir, "shared/project_log.md", "# Project log\n\n" + G.entry("2026-02-16 09:00", "completed"))
G.write(basedir, "shared/dashboards/exec-summary.md", "# Executive summary\n\nAll green (written by hand).\n")
G.ok(basedir, "add", "-A")
G.ok(basedir, "commit", "-q", "-m", "Base with a hand-written summary")
return true
