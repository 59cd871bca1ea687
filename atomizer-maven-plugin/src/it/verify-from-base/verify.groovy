def log = new File(basedir, 'build.log').text
// the pull request's own build files are findings, not configuration
assert !log.contains('Skipping Atomizer')
assert log =~ /\[ERROR\] pom\.xml:1:1: error \[immutable-path\] [0-9a-f]{10} \(Switch the gate off and edit the mission\)/
assert log =~ /\[ERROR\] \.mvn\/maven\.config:1:1: error \[immutable-path\] [0-9a-f]{10} /
assert log =~ /\[ERROR\] context-docs\/00-mission\.md:1:1: error \[immutable-path\] [0-9a-f]{10} /
assert log.contains('3 violations in base..HEAD')
assert log.contains('BUILD FAILURE')
return true
