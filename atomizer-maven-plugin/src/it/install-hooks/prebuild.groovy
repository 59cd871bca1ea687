def G = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/GitSupport.groovy'))
G.base(basedir, [".git/hooks/pre-commit": "#!/bin/sh\necho user-hook-line\n"])
return true
