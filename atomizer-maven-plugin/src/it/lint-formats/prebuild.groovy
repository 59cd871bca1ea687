def G = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/GitSupport.groovy'))
// its own repository: github, sarif and markdown show paths from the repository root
G.ok(basedir, "init", "-q")
return true
