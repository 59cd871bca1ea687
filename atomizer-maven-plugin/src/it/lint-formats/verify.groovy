def sarif = new File(basedir, 'target/atomizer.sarif')
assert sarif.isFile()
def json = new groovy.json.JsonSlurper().parse(sarif)
assert json.version == '2.1.0'
assert json.runs[0].tool.driver.name == 'atomizer'
assert json.runs[0].results.size() == 3
assert json.runs[0].results*.ruleId as Set == ['status-invalid', 'timestamp-order', 'metric-required'] as Set
assert json.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri == 'shared/project_log.md'
// no temporary file left beside the report
assert new File(basedir, 'target').list().findAll { it.endsWith('.tmp') }.isEmpty()

def log = new File(basedir, 'build.log').text
assert log =~ /(?m)^::error file=shared\/project_log\.md,line=5,col=13,title=status-invalid::status 'done'/
assert log =~ /(?m)^atomizer: 3 errors, 0 warnings in 2 entries$/
assert log.contains('The project log has 3 errors')
// with the report in a file, the console keeps one log line per violation
assert log.contains('[ERROR] shared/project_log.md:5:13: error [status-invalid]')
assert log.contains("unknown format 'yaml'; use one of text, json, sarif, github, markdown")
return true
