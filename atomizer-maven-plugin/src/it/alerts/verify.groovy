def G = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/GitSupport.groovy'))
def log = G.buildLogWith(basedir, '[log-silent] shared/project_log.md: no entry for 3d', 'no alerts as of 2026-02-16 10:00')
assert log.contains('atomizer:alerts: 1 alert (1 error, 0 warnings) as of 2026-02-19 09:00') : log
return true
