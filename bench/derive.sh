#!/usr/bin/env bash
# bench/derive.sh: the derived-artifacts benchmark (issue "dashboards").
#
# For each size (default 10k and 100k entries), in one run: a throwaway workspace whose log has
# that many entries (bench/GenerateLog.java) and the sample repository's PROJECT_STATUS.md, then
#   - the JVM floor: a hello-world with the launcher's flags,
#   - 'hooks/atomizer dashboards' regenerating from scratch (derived files deleted first),
#   - 'hooks/atomizer dashboards' again with nothing to change (the CI case),
# each DERIVE_RUNS times, alternating, under /usr/bin/time: median wall seconds and peak RSS.
# Results: stdout and bench/derive-results.md.
#
# Environment: DERIVE_SIZES="10000 100000", DERIVE_RUNS=5.
set -euo pipefail
# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
results=$bench/derive-results.md
runs=${DERIVE_RUNS:-5}
read -r -a sizes <<<"${DERIVE_SIZES:-10000 100000}"
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time (GNU time) not found" >&2; exit 2; }

timed() { # command... -> "seconds KB"
  /usr/bin/time -f '%e %M' -o "$out/.derive-time" "$@" >/dev/null 2>"$out/.derive-err" ||
    { echo "bench: failed: $* ($(head -3 "$out/.derive-err"))" >&2; exit 1; }
  tail -n 1 "$out/.derive-time"
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

{
  echo "# Derived-artifacts benchmark"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- java: $(java -version 2>&1 | head -1); JVM flags (hooks/atomizer): \`$flags\`"
  echo "- median of $runs runs each, alternating; peak RSS is the largest of the runs"
  echo
  echo "| log entries | log MB | floor s | dashboards s (3 files written) | peak RSS MB | again, unchanged s | ratio to floor |"
  echo "|--:|--:|--:|--:|--:|--:|--:|"
} >"$results.tmp"

for n in "${sizes[@]}"; do
  log=$out/log-$n.md
  [ -f "$log" ] || java "$bench/GenerateLog.java" "$n" "$log" >/dev/null
  ws=$out/derive-$n
  rm -rf "$ws"
  mkdir -p "$ws/shared"
  cp "$log" "$ws/shared/project_log.md"
  floor=() fresh=() again=() rss=0
  for ((i = 0; i < runs; i++)); do
    read -r t _ < <(timed java $flags -cp "$out" Hello); floor+=("$t")
    rm -rf "$ws/shared/dashboards"
    read -r t kb < <(cd "$ws" && timed "$launcher" dashboards); fresh+=("$t")
    [ "$kb" -gt "$rss" ] && rss=$kb
    read -r t _ < <(cd "$ws" && timed "$launcher" dashboards); again+=("$t")
  done
  f=$(printf '%s\n' "${floor[@]}" | median)
  d=$(printf '%s\n' "${fresh[@]}" | median)
  a=$(printf '%s\n' "${again[@]}" | median)
  mb=$(awk -v b="$(stat -c %s "$log")" 'BEGIN { printf "%.1f", b / 1048576 }')
  ratio=$(awk -v d="$d" -v f="$f" 'BEGIN { printf "%.0f×", d / f }')
  line="| $n | $mb | $f | $d | $((rss / 1024)) | $a | $ratio |"
  echo "$line"
  echo "$line" >>"$results.tmp"
done
mv "$results.tmp" "$results"
echo "bench: wrote $results" >&2
