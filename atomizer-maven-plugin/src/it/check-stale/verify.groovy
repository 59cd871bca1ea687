def log = new File(basedir, 'build.log').text
assert log.contains('atomizer:') && log.contains(':check')
assert log.contains('shared/dashboards/exec-summary.md:1:1: error [generated-stale]')
assert log.contains('shared/dashboards/technical.md:1:1: error [generated-stale]')
assert log.contains("run 'atomizer dashboards' (or 'mvn atomizer:dashboards')")
assert log.contains('BUILD FAILURE')
assert new File(basedir, 'shared/dashboards/exec-summary.md').text == "# Executive summary\n\nAll green (written by hand).\n" : 'check never writes'
return true
