#!/usr/bin/env bash
# bench/verify.sh: 'atomizer verify' over a range, against a baseline jar, in one run.
#
# Makes a throwaway repository whose log has VERIFY_LOG entries (default 10000) and the sample
# repository's contract, then, for each range length (default 50 and 1000 commits, each commit
# appending one entry, every tenth a merge of a side branch made by the merge driver's rules), times
#   - verify with this checkout's jar (A),
#   - verify with a baseline jar (B: BASELINE_JAR, e.g. the previous release's atomizer.jar), when given,
#   - a JVM hello-world with the launcher's flags (the floor),
# alternately with farm-bench when it is on the PATH (pairs A B A B: the ratio is taken pair by pair),
# else with bash's clock. Results: stdout and bench/verify-results.md.
#
# Environment: VERIFY_LOG=10000, VERIFY_RANGES="50 1000", VERIFY_RUNS=5, BASELINE_JAR=path.
set -euo pipefail
# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
results=$bench/verify-results.md
runs=${VERIFY_RUNS:-5}
n=${VERIFY_LOG:-10000}
read -r -a ranges <<<"${VERIFY_RANGES:-50 1000}"
jar=$repo/atomizer-cli/target/atomizer.jar
baseline=${BASELINE_JAR:-}

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com \
  GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com

after_last() {
  local last
  last=$(grep -o '^## \[[0-9]\{4\}-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]\]' "$1" | tail -1 | cut -c5-20)
  date -u -d "$last UTC + $2 minutes" '+%Y-%m-%d %H:%M'
}
entry() { # ts agent
  printf '## [%s] %s | bracket-topopt | milestone\n\n**Status:** completed\n**Summary:** Appended by the benchmark.\n**Metrics:** tokens=100\n\n---\n\n' "$1" "$2"
}

log=$out/log-$n.md
[ -f "$log" ] || java "$bench/GenerateLog.java" "$n" "$log" >/dev/null
{
  echo "# verify benchmark"
  echo
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1e6 }' /proc/meminfo); $(java -version 2>&1 | head -1)"
  echo "- a $n-entry log with the sample contract; each commit appends one entry, every tenth commit is a merge"
  echo "  of a side branch that appended one entry (ordinary merges, as the merge driver makes them)"
  echo "- A: this checkout's jar; B: ${baseline:-none given}; floor: a JVM hello-world with the launcher's flags"
  echo
  echo "| commits | floor s (median) | A s (median) | A / floor | B s (median) | A / B (median of pairs) |"
  echo "|--:|--:|--:|--:|--:|--:|"
} >"$results.tmp"

verify_with() { # jar range
  ATOMIZER_JAR=$1 "$launcher" verify --base "HEAD~$2" --head HEAD
}

for k in "${ranges[@]}"; do
  r=$out/verify-$k
  rm -rf "$r"; mkdir -p "$r/shared/data-contracts"
  cp "$log" "$r/shared/project_log.md"
  cp "$repo/sample-repo/shared/data-contracts/schemas.md" "$r/shared/data-contracts/"
  (
    cd "$r" && git init -q -b main && git add -A && git commit -q --no-verify -m base
    for ((i = 1; i <= k; i++)); do
      if ((i % 10 == 0)); then
        git checkout -q -b side HEAD~1
        ts=$(after_last shared/project_log.md 1)
        entry "$ts" tech-lead >>shared/project_log.md
        git commit -q --no-verify -am "side $i"
        git checkout -q main
        git merge -q --no-ff --no-commit side >/dev/null 2>&1 || true
        # what the merge driver makes: main's log, then the side's entry (same time: after main's)
        git checkout -q HEAD -- shared/project_log.md
        entry "$ts" tech-lead >>shared/project_log.md
        git add shared/project_log.md
        git commit -q --no-verify -m "merge $i"
        git branch -q -D side
      else
        entry "$(after_last shared/project_log.md 1)" optimizer >>shared/project_log.md
        git commit -q --no-verify -am "append $i"
      fi
    done
  )
  # the range is the first-parent chain of k commits plus the merged side commits
  (cd "$r" && verify_with "$jar" "$k" >/dev/null) || { echo "bench: verify found problems in the range" >&2; (cd "$r" && verify_with "$jar" "$k" | head -5) >&2; exit 1; }
  a=(); b=(); f=(); ratios=()
  for ((i = 0; i < runs; i++)); do
    t0=$EPOCHREALTIME; (cd "$r" && verify_with "$jar" "$k" >/dev/null); t1=$EPOCHREALTIME
    ta=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }'); a+=("$ta")
    if [ -n "$baseline" ]; then
      t0=$EPOCHREALTIME; (cd "$r" && verify_with "$baseline" "$k" >/dev/null 2>&1 || true); t1=$EPOCHREALTIME
      tb=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }'); b+=("$tb")
      ratios+=("$(awk -v a="$ta" -v b="$tb" 'BEGIN { printf "%.3f", a / b }')")
    fi
    t0=$EPOCHREALTIME; java $flags -cp "$out" Hello >/dev/null; t1=$EPOCHREALTIME
    f+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')")
  done
  med() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
  ma=$(med "${a[@]}"); mf=$(med "${f[@]}")
  if [ -n "$baseline" ]; then mb=$(med "${b[@]}"); mr=$(med "${ratios[@]}"); else mb="—"; mr="—"; fi
  awk -v k="$k" -v f="$mf" -v a="$ma" -v b="$mb" -v r="$mr" 'BEGIN { printf "| %d | %.3f | %.3f | %.1f× | %s | %s |\n", k, f, a, a / f, b, r }' >>"$results.tmp"
  echo "bench: $k commits: floor $mf s, A $ma s, B $mb s, A/B $mr" >&2
done
mv "$results.tmp" "$results"
cat "$results"
