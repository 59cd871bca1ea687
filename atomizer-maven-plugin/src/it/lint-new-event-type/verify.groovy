def log = new File(basedir, 'build.log').text
// a row added to schemas.md is a valid event type with no rebuild; <rules> turned field-order off
assert log.contains('Atomizer: 1 entry: 0 errors, 0 warnings')
assert !log.contains('unknown-event-type')
return true
