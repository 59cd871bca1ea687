def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] context-docs\/00-mission\.md:1:1: error \[immutable-path\] [0-9a-f]{10} \(Edit the mission without approval\)/
assert log.contains('Atomizer: verified 3 commits of base..HEAD: 1 entry: 1 error, 0 warnings')
assert log.contains('1 violation in base..HEAD')
assert log.contains('BUILD FAILURE')
return true
