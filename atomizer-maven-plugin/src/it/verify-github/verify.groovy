def G = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/GitSupport.groovy'))
def log = G.buildLogWith(basedir, 'Auditor summary appended to $GITHUB_STEP_SUMMARY', 'BUILD FAILURE')
// annotations at the start of a line, not behind Maven's [ERROR] prefix
assert log =~ /(?m)^::error file=shared\/project_log\.md,line=12,col=13,title=status-invalid::[0-9a-f]{10} \(Append a bad entry\): status 'done'/
def summary = new File(basedir, 'step-summary.md').text
assert summary.startsWith("## Build\n\nearlier step\n\n## ❌ Do not merge: 1 error in 1 of 2 commits (status-invalid)")
assert summary.contains('| context-docs/00-mission.md | immutable (`context-docs/**`) | added | CR-1, approved by ceo (unsigned) |')
def audit = new File(basedir, 'audit.md').text
assert audit.startsWith("## ❌ Do not merge: 1 error in 1 of 2 commits (status-invalid)")
assert audit.contains('| shared/project\\_log.md:12 | `status-invalid` | ❌ error |')
return true
