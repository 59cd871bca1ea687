def log = new File(basedir, 'build.log').text
assert log.contains('Skipping Atomizer (atomizer.skip=true)')
assert !log.contains('[status-invalid]')
assert log.contains('BUILD SUCCESS')
return true
