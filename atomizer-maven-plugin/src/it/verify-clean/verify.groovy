def log = new File(basedir, 'build.log').text
assert log.contains('Atomizer: verified 2 commits of HEAD~2..HEAD: 2 entries: 0 errors, 0 warnings')
assert log.contains('BUILD SUCCESS')
return true
