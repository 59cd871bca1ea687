def log = new File(basedir, 'build.log').text
assert log.contains('atomizer:lint')
assert log.contains('atomizer.failOnViolation')
assert log.contains('atomizer:help')
return true
