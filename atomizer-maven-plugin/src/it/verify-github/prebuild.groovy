def G = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/GitSupport.groovy'))
// a range with a malformed entry committed with hooks skipped and an approved foundational change
G.base(basedir, [".gitignore": "step-summary.md\naudit.md\nbuild.log\n"])
G.write(basedir, "shared/project_log.md", G.LOG + G.entry("2026-02-16 10:00", "done"))
G.ok(basedir, "commit", "-q", "--no-verify", "-am", "Append a bad entry")
G.write(basedir, "context-docs/00-mission.md", "# Mission\n")
G.ok(basedir, "add", "-A")
G.ok(basedir, "commit", "-q", "-m", "Mission", "-m", "Change-Request: CR-1\nApproved-by: ceo")
// an earlier step's lines, which the summary must not overwrite
new File(basedir, "step-summary.md").text = "## Build\n\nearlier step\n"
return true
