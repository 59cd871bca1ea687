def log = new File(basedir, 'build.log').text
// one log line per violation, at file:line:col with the rule ID
assert log.contains('[ERROR] shared/project_log.md:5:13: error [status-invalid]')
assert log.contains('[ERROR] shared/project_log.md:10:5: error [timestamp-order]')
assert log.contains('[ERROR] shared/project_log.md:14:1: error [metric-required]')
// then the count, then the failure
assert log.contains('Atomizer: 2 entries: 3 errors, 0 warnings')
assert log.contains('The project log has 3 errors')
assert log.contains('BUILD FAILURE')
return true
