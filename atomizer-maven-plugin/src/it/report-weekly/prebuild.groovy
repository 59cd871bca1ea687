def G = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/GitSupport.groovy'))
// a week of log (2026-W07: Monday 2026-02-09 to Sunday 2026-02-15) and one entry of the next week,
// which makes W07 the last complete week
G.write(basedir, "shared/project_log.md", "# Project log\n\n" + G.entry("2026-02-10 09:00", "completed")
        + "## [2026-02-11 10:00] manager | bracket-topopt | decision-needed\n\n**Status:** in-progress\n"
        + "**Summary:** Antoine: approve the print order\n**Metrics:** ref=dec-001, tokens=1200, cost_usd=0.01\n\n---\n\n"
        + "## [2026-02-16 08:00] manager | bracket-topopt | task-completed\n\n**Status:** completed\n"
        + "**Summary:** Print order sent\n\n---\n\n")
return true
