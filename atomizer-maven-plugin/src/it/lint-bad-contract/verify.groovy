def log = new File(basedir, 'build.log').text
// a malformed contract is reported at its own lines, as a configuration error, never a stack trace
assert log.contains("shared/data-contracts/schemas.md:8:1: error [config] event type 'Study Iteration' must be lowercase kebab-case (a-z, 0-9 and single hyphens)")
assert log.contains("shared/data-contracts/schemas.md:14:1: error [config] unknown policy 'imutable'")
assert log.contains('malformed contract (2 problems)')
assert !log.contains('at dev.atomizer')
assert log.contains('BUILD FAILURE')
return true
