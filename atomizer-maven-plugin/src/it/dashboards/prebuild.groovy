def G = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/GitSupport.groovy'))
G.ok(basedir, "init", "-q")
G.write(basedir, "shared/project_log.md", "# Project log\n\n" + G.entry("2026-02-16 09:00", "completed")
        + "## [2026-02-16 10:00] manager | bracket-topopt | decision-needed\n\n**Status:** in-progress\n"
        + "**Summary:** Antoine: approve the print order\n**Metrics:** ref=dec-001, tokens=1200, cost_usd=0.01\n\n---\n\n")
G.ok(basedir, "add", "-A")
G.ok(basedir, "commit", "-q", "-m", "Base")
return true
