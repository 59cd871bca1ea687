def G = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/GitSupport.groovy'))
// the pull request's repository: its build files try to switch the gate off while it edits the mission
def pr = new File(basedir, 'pr')
pr.mkdirs()
def pom = "<project><modelVersion>4.0.0</modelVersion><groupId>x</groupId><artifactId>pr</artifactId><version>1</version><packaging>pom</packaging></project>\n"
G.ok(pr, "init", "-q")
G.write(pr, "shared/project_log.md", "# Project log\n\n" + G.entry("2026-02-16 09:00", "completed"))
G.write(pr, "context-docs/00-mission.md", "# Mission\n")
G.write(pr, "pom.xml", pom)
G.ok(pr, "add", "-A")
G.ok(pr, "commit", "-q", "-m", "Base", "-m", "Change-Request: CR-0\nApproved-by: ceo")
G.ok(pr, "tag", "base")
G.write(pr, "pom.xml", pom.replace("</project>", "<properties><atomizer.skip>true</atomizer.skip></properties></project>"))
G.write(pr, ".mvn/maven.config", "-Datomizer.skip=true\n")
G.write(pr, "context-docs/00-mission.md", "# Mission, edited\n")
G.ok(pr, "add", "-A")
G.ok(pr, "commit", "-q", "--no-verify", "-m", "Switch the gate off and edit the mission")
return true
