// the project directory lies inside the Atomizer checkout's own repository: make it a repository of
// its own first, or init would lay out the checkout (init works from anywhere in a repository)
def G = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/GitSupport.groovy'))
G.ok(basedir, "init", "-q")
return true
