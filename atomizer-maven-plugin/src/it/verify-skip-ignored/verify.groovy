def log = new File(basedir, 'build.log').text
// the checked build cannot skip the gate nor turn its errors into a pass
assert !log.contains('Skipping Atomizer')
assert log.contains('[WARNING] Atomizer: atomizer.skip is ignored by atomizer:verify')
assert log.contains('[WARNING] Atomizer: atomizer.failOnViolation=false is ignored by atomizer:verify')
assert log.contains('[WARNING] Atomizer: verify ignores the <rules> override immutable-path=off')
assert log =~ /\[ERROR\] context-docs\/00-mission\.md:1:1: error \[immutable-path\] [0-9a-f]{10} \(Edit the mission without approval\)/
assert log.contains('1 violation in base..HEAD')
assert log.contains('BUILD FAILURE')
return true
