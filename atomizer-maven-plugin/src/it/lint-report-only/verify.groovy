def log = new File(basedir, 'build.log').text
assert log.contains('error [status-invalid]')
assert log.contains('Atomizer: 2 entries: 3 errors, 0 warnings')
assert log.contains('BUILD SUCCESS')
return true
