def log = new File(basedir, 'build.log').text
// annotations at the start of a line, not behind Maven's [ERROR] prefix
assert log =~ /(?m)^::error file=shared\/project_log\.md,line=12,col=13,title=status-invalid::[0-9a-f]{10} \(Append a bad entry\): status 'done'/
assert log.contains('Auditor summary appended to $GITHUB_STEP_SUMMARY')
def summary = new File(basedir, 'step-summary.md').text
assert summary.startsWith("## Build\n\nearlier step\n\n## ❌ Do not merge: 1 error in 1 of 2 commits (status-invalid)")
assert summary.contains('| context-docs/00-mission.md | immutable (`context-docs/**`) | added | CR-1, approved by ceo (unsigned) |')
def audit = new File(basedir, 'audit.md').text
assert audit.startsWith("## ❌ Do not merge: 1 error in 1 of 2 commits (status-invalid)")
assert audit.contains('| shared/project\\_log.md:12 | `status-invalid` | ❌ error |')
assert log.contains('BUILD FAILURE')
return true
