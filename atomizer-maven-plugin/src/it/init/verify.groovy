// atomizer:init in a new, empty repository: a governed status repository
def G = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/GitSupport.groovy'))
def build = new File(basedir, 'build.log').text
assert build.contains('made shared/data-contracts/schemas.md')
assert build.contains('made shared/PROJECT_STATUS.md')
assert build.contains('made shared/dashboards/exec-summary.md')
assert build.contains("registered the merge driver 'atomizer-log'")
assert new File(basedir, '.git/hooks/pre-commit').text.contains('# >>> atomizer >>>')
// the root commit goes through the installed hooks without trailers
G.ok(basedir, "add", "-A")
def (code, out) = G.git(basedir, "commit", "-q", "-m", "Set up the status repository")
assert code == 0 : out
// afterwards the contract is foundational
G.write(basedir, 'shared/data-contracts/schemas.md', new File(basedir, 'shared/data-contracts/schemas.md').text + "\nEdited.\n")
G.ok(basedir, "add", "-A")
def (code2, out2) = G.git(basedir, "commit", "-q", "-m", "Edit the contract")
assert code2 != 0 : out2
assert out2.contains('[immutable-path]') : out2
return true
