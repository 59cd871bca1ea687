def G = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/GitSupport.groovy'))
def log = "# Project log\n\n" + G.entry("2026-02-16 09:00", "completed")
G.ok(basedir, "init", "-q")
G.write(basedir, "shared/project_log.md", log)
G.write(basedir, ".git/hooks/pre-commit", "#!/bin/sh\necho user-hook-line\n")
G.ok(basedir, "add", "shared")
G.ok(basedir, "commit", "-q", "-m", "Base")
return true
