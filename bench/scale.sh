#!/usr/bin/env bash
# bench/scale.sh: lint, dashboards and check on logs of 100k, 1M and 10M entries, through the
# launcher as installed (hooks/atomizer: its heap of 192 MB, its JIT flags), beside the JVM floor.
#
# For each size, in one run: the log is stream-generated (bench/GenerateLog.java; 10M entries are
# about 2.3 GB: check 'df -h' first) into a throwaway workspace (with SCALE_STATUS=sample, the
# sample repository's PROJECT_STATUS.md, whose projects are not the generated log's: then every
# entry is an unknown-project warning, and check holds a million of them), then, SCALE_RUNS times,
# alternating:
#   - the floor: a hello-world with the launcher's flags,
#   - 'hooks/atomizer lint shared/project_log.md',
#   - 'hooks/atomizer dashboards' (derived files deleted first: all four written),
#   - 'hooks/atomizer check',
# each under /usr/bin/time: median wall seconds, peak RSS, and the exit status (a refusal or a
# crash shows as a status, not as a figure). With SCALE_BASE_JAR (a jar of an earlier build) each
# command runs with it too, right after, and the ratio of the medians is given.
# The logs and workspaces are deleted at the end. Results: stdout and bench/scale-results.md.
#
# Environment: SCALE_SIZES="100000 1000000 10000000", SCALE_RUNS=3, SCALE_BASE_JAR, SCALE_COMMANDS,
# SCALE_STATUS (none or sample), SCALE_RESULTS (default bench/scale-results.md).
set -euo pipefail
# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
results=${SCALE_RESULTS:-$bench/scale-results.md}
runs=${SCALE_RUNS:-3}
read -r -a sizes <<<"${SCALE_SIZES:-100000 1000000 10000000}"
read -r -a commands <<<"${SCALE_COMMANDS:-lint dashboards check}"
base=${SCALE_BASE_JAR:-}
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time (GNU time) not found" >&2; exit 2; }
work=$(mktemp -d "$out/scale.XXXXXX")
trap 'rm -rf "$work"' EXIT

timed() { # command... -> "seconds KB status"
  local status=0
  /usr/bin/time -f '%e %M' -o "$work/.time" "$@" >/dev/null 2>"$work/.err" || status=$?
  [ "$status" -le 1 ] || echo "bench: exit $status: $* ($(head -2 "$work/.err"))" >&2
  echo "$(tail -n 1 "$work/.time") $status"
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
run() { # jar command -> runs it in the workspace with that jar
  local jar=$1 cmd=$2
  case $cmd in
    lint) (cd "$ws" && ATOMIZER_JAR=$jar timed "$launcher" lint shared/project_log.md) ;;
    dashboards) rm -rf "$ws/shared/dashboards" "$ws/shared/kpi"; (cd "$ws" && ATOMIZER_JAR=$jar timed "$launcher" dashboards) ;;
    check) (cd "$ws" && ATOMIZER_JAR=$jar timed "$launcher" check) ;;
  esac
}

jar=$repo/atomizer-cli/target/atomizer.jar
{
  echo "# Scale benchmark: lint, dashboards and check at 100k to 10M entries"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, shared with other engineers compiling (load before: $(cut -d' ' -f1-3 /proc/loadavg)): compare the ratios within a row, not absolute seconds across runs"
  echo "- java: $(java -version 2>&1 | head -1); JVM flags (hooks/atomizer): \`$flags\`"
  echo "- median of $runs runs each, alternating; peak RSS is the largest of the runs; exit: the statuses seen (0 clean, 1 findings, 2 refused or failed: then its time is not a measure)"
  echo "- PROJECT_STATUS.md: ${SCALE_STATUS:-none}"
  [ -n "$base" ] && echo "- base: \`$(basename "$base")\` (an earlier build), run right after each command; ratio = this build / base"
  echo
  echo "| entries | log MB | command | floor s | s | peak RSS MB | exit | ratio to floor | base s | base RSS MB | base exit | ratio to base |"
  echo "|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
} >"$work/results.md"

for n in "${sizes[@]}"; do
  ws=$work/ws-$n
  mkdir -p "$ws/shared"
  java "$bench/GenerateLog.java" "$n" "$ws/shared/project_log.md" >/dev/null
  [ "${SCALE_STATUS:-none}" = sample ] && cp "$repo/sample-repo/shared/PROJECT_STATUS.md" "$ws/shared/"
  mb=$(awk -v b="$(stat -c %s "$ws/shared/project_log.md")" 'BEGIN { printf "%.1f", b / 1048576 }')
  for cmd in "${commands[@]}"; do
    floor=() mine=() theirs=() rss=0 brss=0 st="" bst=""
    for ((i = 0; i < runs; i++)); do
      read -r t _ _ < <(timed java $flags -cp "$out" Hello); floor+=("$t")
      read -r t kb s < <(run "$jar" "$cmd"); mine+=("$t"); [ "$kb" -gt "$rss" ] && rss=$kb; st="$st $s"
      if [ -n "$base" ]; then
        read -r t kb s < <(run "$base" "$cmd"); theirs+=("$t"); [ "$kb" -gt "$brss" ] && brss=$kb; bst="$bst $s"
      fi
    done
    f=$(printf '%s\n' "${floor[@]}" | median)
    m=$(printf '%s\n' "${mine[@]}" | median)
    st=$(echo "$st" | tr ' ' '\n' | sort -u | xargs | tr ' ' ',')
    b=- bmb=- bst2=- ratio=-
    if [ -n "$base" ]; then
      b=$(printf '%s\n' "${theirs[@]}" | median)
      bmb=$((brss / 1024))
      bst2=$(echo "$bst" | tr ' ' '\n' | sort -u | xargs | tr ' ' ',')
      ratio=$(awk -v m="$m" -v b="$b" 'BEGIN { printf "%.2f", m / b }')
    fi
    line="| $n | $mb | $cmd | $f | $m | $((rss / 1024)) | $st | $(awk -v m="$m" -v f="$f" 'BEGIN { printf "%.0f×", m / f }') | $b | $bmb | $bst2 | $ratio |"
    echo "$line"
    echo "$line" >>"$work/results.md"
  done
  rm -rf "$ws"
done
mv "$work/results.md" "$results"
echo "bench: wrote $results" >&2
