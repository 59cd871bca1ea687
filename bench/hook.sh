#!/usr/bin/env bash
# bench/hook.sh: the pre-commit hook benchmark (bar in bench/README.md).
#
# For each size (default 10k and 100k entries), in one run:
#   - makes a throwaway repository whose log has that many entries (and the sample repository's
#     contract), commits it, installs the
#     hooks with 'atomizer install-hooks' (which records the class-data archive), stages one
#     appended entry;
#   - times the installed .git/hooks/pre-commit, and a JVM hello-world with the launcher's flags
#     (the floor), alternately, HOOK_RUNS times each; reports medians and their ratio;
#   - times the same hook without the class-data archive (informational);
#   - times the JGit part of the hook alone (bench/JGitAlone.java: open the repository, read the
#     index and HEAD, list the staged changes) with the same flags and its own class-data archive:
#     the least a hook that reads the index through JGit costs (informational).
# Then times 'atomizer verify' over a 50-commit range on the 10k log.
# Results: stdout and bench/hook-results.md. Timing uses bash's $EPOCHREALTIME (microseconds).
#
# Environment: HOOK_SIZES="10000 100000", HOOK_RUNS=11.
set -euo pipefail
# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
results=$bench/hook-results.md
runs=${HOOK_RUNS:-11}
read -r -a sizes <<<"${HOOK_SIZES:-10000 100000}"
jar=$repo/atomizer-cli/target/atomizer.jar
rm -rf "$out/jgit-alone" && mkdir -p "$out/jgit-alone"
javac -XDstringConcat=inline -cp "$jar" -d "$out/jgit-alone" "$bench/JGitAlone.java"
(cd "$out/jgit-alone" && jar cf ../jgit-alone.jar JGitAlone.class)

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com \
  GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com

now() { echo "$EPOCHREALTIME"; }
elapsed() { # command... -> seconds
  local t0 t1
  t0=$(now); "$@" >/dev/null 2>&1 || { echo "bench: failed: $*" >&2; exit 1; }; t1=$(now)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
floor() { java $flags -cp "$out" Hello; }
jgit_alone() { java $flags -XX:SharedArchiveFile="$out/jgit-alone.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -cp "$jar:$out/jgit-alone.jar" JGitAlone; }

# a timestamp $2 minutes after the last entry of log $1: the generated logs end in the past, so the
# appended entries are neither older than the log (timestamp-order) nor in the future (timestamp-future)
after_last() {
  local last
  last=$(grep -o '^## \[[0-9]\{4\}-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]\]' "$1" | tail -1 | cut -c5-20)
  date -u -d "$last UTC + $2 minutes" '+%Y-%m-%d %H:%M'
}

entry() { # ts agent
  printf '## [%s] %s | bracket-topopt | milestone\n\n**Status:** completed\n**Summary:** Appended by the benchmark.\n**Metrics:** tokens=100\n\n---\n\n' "$1" "$2"
}

{
  echo "# Pre-commit hook benchmark"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- java: $(java -version 2>&1 | head -1); JVM flags (hooks/atomizer): \`$flags\`"
  echo "- median of $runs runs each, hook and floor alternating; the hook is .git/hooks/pre-commit as installed by \`atomizer install-hooks\`, checking one staged appended entry"
  echo
  echo "| log entries | log MB | floor s | hook s (with class-data archive) | ratio | hook s (no resume point: log read whole) | ratio | hook s (no archive) | ratio | JGit part alone s | ratio |"
  echo "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
} >"$results.tmp"

for n in "${sizes[@]}"; do
  log=$out/log-$n.md
  [ -f "$log" ] || java "$bench/GenerateLog.java" "$n" "$log" >/dev/null
  r=$out/hook-$n
  rm -rf "$r"; mkdir -p "$r/shared"
  cp "$log" "$r/shared/project_log.md"
  # a realistic repository: the sample's contract (agents, governed paths) and project status
  mkdir -p "$r/shared/data-contracts"
  cp "$repo/sample-repo/shared/data-contracts/schemas.md" "$r/shared/data-contracts/"
  (cd "$r" && git init -q -b main && git add -A && git commit -q --no-verify -m base)
  (cd "$r" && "$launcher" install-hooks >/dev/null)
  ts=$(after_last "$log" 1)
  (cd "$r" && entry "$ts" manager >>shared/project_log.md && git add shared/project_log.md)
  (cd "$r" && .git/hooks/pre-commit) || { echo "bench: the hook rejected a valid appended entry" >&2; exit 1; }
  (cd "$r" && java $flags -XX:ArchiveClassesAtExit="$out/jgit-alone.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -cp "$jar:$out/jgit-alone.jar" JGitAlone) || { echo "bench: JGitAlone failed" >&2; exit 1; }
  hooks=(); floors=(); plain=(); alone=(); cold=()
  for ((i = 0; i < runs; i++)); do
    hooks+=("$(cd "$r" && elapsed .git/hooks/pre-commit)")
    floors+=("$(elapsed floor)")
    alone+=("$(cd "$r" && elapsed jgit_alone)")
    # without the resume point of HEAD's log (the first commit after a clone or a pull): the log is read whole
    rm -f "$r/.git/atomizer/log-resumes"
    cold+=("$(cd "$r" && elapsed .git/hooks/pre-commit)")
  done
  mv "$r/.git/atomizer/atomizer.jar.jsa" "$r/.git/atomizer/off.jsa"
  for ((i = 0; i < runs; i++)); do plain+=("$(cd "$r" && elapsed .git/hooks/pre-commit)"); done
  mv "$r/.git/atomizer/off.jsa" "$r/.git/atomizer/atomizer.jar.jsa"
  h=$(printf '%s\n' "${hooks[@]}" | median); f=$(printf '%s\n' "${floors[@]}" | median); p=$(printf '%s\n' "${plain[@]}" | median)
  j=$(printf '%s\n' "${alone[@]}" | median); c=$(printf '%s\n' "${cold[@]}" | median)
  mb=$(awk -v b="$(stat -c %s "$log")" 'BEGIN { printf "%.1f", b / 1e6 }')
  awk -v n="$n" -v mb="$mb" -v f="$f" -v h="$h" -v p="$p" -v j="$j" -v c="$c" 'BEGIN { printf "| %d | %s | %.3f | %.3f | %.1f× | %.3f | %.1f× | %.3f | %.1f× | %.3f | %.1f× |\n", n, mb, f, h, h / f, c, c / f, p, p / f, j, j / f }' >>"$results.tmp"
  echo "bench: $n entries: floor $f s, hook $h s, hook reading the log whole $c s, hook without archive $p s, JGit part alone $j s" >&2
done

# verify over a 50-commit range (10k log)
r=$out/hook-${sizes[0]}
(cd "$r" && git reset -q --hard && for i in $(seq 1 50); do entry "$(after_last shared/project_log.md 1)" optimizer >>shared/project_log.md; git commit -q --no-verify -am "append $i"; done)
(cd "$r" && "$launcher" verify --base HEAD~50 >/dev/null) || { echo "bench: verify found problems in the appended range" >&2; exit 1; }
vs=()
for ((i = 0; i < 3; i++)); do vs+=("$(cd "$r" && elapsed "$launcher" verify --base HEAD~50)"); done
v=$(printf '%s\n' "${vs[@]}" | median)
{
  echo
  echo "verify over a 50-commit range (each commit appends one entry to the ${sizes[0]}-entry log): median of 3: ${v} s"
  echo
  echo "Bar: the hook on the 10,000-entry log within 3× the floor."
} >>"$results.tmp"
mv "$results.tmp" "$results"
cat "$results"
