def G = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/GitSupport.groovy'))
// a range with a clean commit, an approved foundational change, and one committed with hooks skipped
G.rangeWithAnUnapprovedEdit(basedir)
return true
