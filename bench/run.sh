#!/usr/bin/env bash
# bench/run.sh: the Atomizer benchmark (bench/README.md). See bench/README.md.
#
# One run generates 1k / 10k / 100k-entry logs into bench/out/, then, for each size, times
#   (a) the JVM floor: a hello-world with the JVM flags of hooks/atomizer,
#   (b) hooks/atomizer lint FILE,
#   (c) markdownlint-cli2 FILE (pinned in bench/package.json, default rules),
# with /usr/bin/time (wall seconds, peak RSS), prints a markdown table and writes bench/results.md.
#
# Environment:
#   BENCH_SIZES="1000 10000 100000"   entry counts to measure
#   BENCH_SKIP_MARKDOWNLINT=1         do not install or run markdownlint-cli2
#   ATOMIZER_JAR=/path/atomizer.jar   passed through to hooks/atomizer (default: its normal lookup)
#   ATOMIZER_JAVA_OPTS=...            passed through to hooks/atomizer and also given to the floor
#
# Exit codes: 0 benchmark ran (a missed bar prints FAIL but is not an error);
#             1 harness failure (e.g. the linter did not find the generated log clean);
#             2 usage or missing prerequisite (jar not built, no java/javac/node/npm).
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$bench")
out=$bench/out
launcher=$repo/hooks/atomizer
results=$bench/results.md

FLOOR_RUNS=5
ATOMIZER_RUNS=5
ML_RUNS_SMALL=3          # markdownlint-cli2 runs below ML_SINGLE_FROM entries
ML_SINGLE_FROM=100000    # from this size on, markdownlint-cli2 runs once (~90 s, ~3.6 GB at 100k)
BAR_SIZE=100000
BAR_SPEEDUP=40
BAR_RSS_MB=256

say() { echo "bench: $*" >&2; }
usage_error() { echo "bench: $*" >&2; exit 2; }
harness_failure() { echo "bench: HARNESS FAILURE: $*" >&2; exit 1; }

# ---------------------------------------------------------------- arguments and prerequisites
sizes=${BENCH_SIZES:-1000 10000 100000}
read -r -a size_list <<<"$sizes"
[ "${#size_list[@]}" -gt 0 ] || usage_error "BENCH_SIZES is empty"
for n in "${size_list[@]}"; do
  [[ $n =~ ^[1-9][0-9]{0,8}$ ]] || usage_error "BENCH_SIZES must hold positive entry counts, got '$n'"
done
skip_ml=0
case ${BENCH_SKIP_MARKDOWNLINT:-0} in 0 | '' | false | no) ;; *) skip_ml=1 ;; esac

[ -x "$launcher" ] || usage_error "launcher not found or not executable: $launcher"
if [ -n "${ATOMIZER_JAR:-}" ]; then
  [ -f "$ATOMIZER_JAR" ] || usage_error "ATOMIZER_JAR=$ATOMIZER_JAR does not exist"
  jar=$ATOMIZER_JAR
elif [ -f "$repo/hooks/atomizer.jar" ]; then
  jar=$repo/hooks/atomizer.jar # the launcher prefers a jar beside it
elif [ -f "$repo/atomizer-cli/target/atomizer.jar" ]; then
  jar=$repo/atomizer-cli/target/atomizer.jar
else
  usage_error "$repo/atomizer-cli/target/atomizer.jar is missing: build it first with
  (cd '$repo' && mvn -B install -DskipTests)
or point ATOMIZER_JAR at a built atomizer.jar"
fi

# The same java the launcher uses.
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java=$JAVA_HOME/bin/java
  javac=$JAVA_HOME/bin/javac
else
  java=java
  javac=javac
fi
command -v "$java" >/dev/null 2>&1 || usage_error "java not found; install Java 17 or later, or set JAVA_HOME"
command -v "$javac" >/dev/null 2>&1 || usage_error "javac not found (a JDK is needed to compile bench/Hello.java)"
[ -x /usr/bin/time ] || usage_error "/usr/bin/time (GNU time) not found; install the 'time' package"
if [ "$skip_ml" = 0 ]; then
  command -v node >/dev/null 2>&1 || usage_error "node not found (or set BENCH_SKIP_MARKDOWNLINT=1)"
  command -v npm >/dev/null 2>&1 || usage_error "npm not found (or set BENCH_SKIP_MARKDOWNLINT=1)"
fi

# JVM flags of the floor: the literal ones on the launcher's exec line, so the floor starts the
# JVM the same way the linter does: those before ${ATOMIZER_JAVA_OPTS:-} (the archive and the jar
# follow in "$@"); ATOMIZER_JAVA_OPTS is added to both, as the launcher does.
exec_line=$(grep -E '^[[:space:]]*exec "\$java" ' "$launcher" | tail -n 1 || true)
[ -n "$exec_line" ] || harness_failure "cannot find the 'exec \"\$java\" ...' line in $launcher"
flags=${exec_line#*\"\$java\" }
flags=${flags%% \$\{ATOMIZER_JAVA_OPTS*}
read -r -a tokens <<<"$flags"
jvm_flags=()
for f in "${tokens[@]}"; do
  if [[ $f =~ ^\$\{?[A-Za-z_][A-Za-z0-9_]*(:-)?\}?$ ]]; then
    continue
  elif [[ $f == -* && $f != *'$'* ]]; then
    jvm_flags+=("$f")
  else
    harness_failure "unexpected token '$f' in the launcher's exec line: $exec_line"
  fi
done
[ "${#jvm_flags[@]}" -gt 0 ] || harness_failure "no JVM flags found in the launcher's exec line: $exec_line"
extra_opts=()
if [ -n "${ATOMIZER_JAVA_OPTS:-}" ]; then read -r -a extra_opts <<<"$ATOMIZER_JAVA_OPTS"; fi

mkdir -p "$out"
trap 'rm -f "$results.tmp" "$out/.time"' EXIT

# ---------------------------------------------------------------- markdownlint-cli2
ml=$bench/node_modules/.bin/markdownlint-cli2
ml_version=
if [ "$skip_ml" = 0 ]; then
  ml_pin=$(node -p 'require(process.argv[1]).devDependencies["markdownlint-cli2"]' "$bench/package.json") ||
    harness_failure "cannot read the markdownlint-cli2 pin from $bench/package.json"
  installed=
  if [ -f "$bench/node_modules/markdownlint-cli2/package.json" ]; then
    installed=$(node -p 'require(process.argv[1]).version' "$bench/node_modules/markdownlint-cli2/package.json")
  fi
  if [ "$installed" != "$ml_pin" ] || [ ! -x "$ml" ]; then
    say "installing markdownlint-cli2@$ml_pin into bench/node_modules"
    npm install --prefix "$bench" --no-save --no-audit --no-fund "markdownlint-cli2@$ml_pin" >&2 ||
      harness_failure "npm install of markdownlint-cli2@$ml_pin failed"
  fi
  [ -x "$ml" ] || harness_failure "$ml missing after install"
  ml_version=$("$ml" --help 2>/dev/null | head -n 1 | sed 's/^markdownlint-cli2 //' || true)
  # markdownlint-cli2 needs ~4 GB of heap on 100k entries; at node's default limit it thrashes in
  # garbage collection for many minutes. Give it room (BENCH_NODE_HEAP_MB) so the comparison is fair.
  export NODE_OPTIONS="--max-old-space-size=${BENCH_NODE_HEAP_MB:-16384}"
  # node's V8 heap limit (KB): a peak RSS near it means the run was slowed by GC pressure.
  node_heap_kb=$(node -p 'Math.round(require("v8").getHeapStatistics().heap_size_limit / 1024)')
fi

# ---------------------------------------------------------------- helpers
# timed DIR STDOUT STDERR CMD...: runs CMD in DIR under /usr/bin/time.
# Sets T_WALL (s), T_RSS (KB), T_RC (the command's exit status).
timefile=$out/.time
timed() {
  local dir=$1 so=$2 se=$3
  shift 3
  set +e
  (cd "$dir" && exec /usr/bin/time -f '%e %M' -o "$timefile" "$@" >"$so" 2>"$se")
  T_RC=$?
  set -e
  # GNU time puts "Command exited with non-zero status N" above the format line.
  read -r T_WALL T_RSS < <(tail -n 1 "$timefile") || true
  [[ ${T_WALL:-} =~ ^[0-9]+(\.[0-9]+)?$ && ${T_RSS:-} =~ ^[0-9]+$ ]] ||
    harness_failure "could not read /usr/bin/time output for: $* ($(tr '\n' ' ' <"$timefile"))"
}

median() { printf '%s\n' "$@" | LC_ALL=C sort -g | LC_ALL=C awk '{a[NR]=$1} END {
  if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
# calc 'FORMAT, EXPR...': awk printf. Parenthesise comparisons: a bare '>' there redirects output.
calc() { LC_ALL=C awk "BEGIN { printf $1 }"; }
mb_rss() { calc "\"%.0f\", $1 / 1024"; } # KB (KiB) from %M -> MB (MiB)
thousands() { echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'; }

raw=$out/raw.tsv
printf 'entries\ttool\trun\twall_s\tpeak_rss_kb\texit\n' >"$raw"
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$raw"; }

# ---------------------------------------------------------------- build inputs
say "compiling bench/Hello.java into bench/out/"
"$javac" --release 17 -d "$out" "$bench/Hello.java" || harness_failure "javac bench/Hello.java failed"
for n in "${size_list[@]}"; do
  say "generating $n entries -> bench/out/log-$n.md"
  "$java" "$bench/GenerateLog.java" "$n" "$out/log-$n.md" || harness_failure "GenerateLog $n failed"
done

# Untimed warm-up: bring the JDK, the jar and node_modules into the page cache.
first=${size_list[0]}
"$java" "${jvm_flags[@]}" "${extra_opts[@]}" -cp "$out" Hello >/dev/null
"$launcher" lint "$out/log-$first.md" >/dev/null 2>&1 || true
if [ "$skip_ml" = 0 ] && [ "$first" -lt "$ML_SINGLE_FROM" ]; then
  (cd "$out" && "$ml" ":log-$first.md" >/dev/null 2>&1) || true
fi

# ---------------------------------------------------------------- measure
declare -A F_S F_M A_S A_M M_S M_M M_NOTE BYTES
load_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
ml_broken=0
for n in "${size_list[@]}"; do
  file=$out/log-$n.md
  BYTES[$n]=$(stat -c %s "$file")

  walls=() rsss=()
  for ((i = 1; i <= FLOOR_RUNS; i++)); do
    timed "$out" /dev/null "$out/floor.stderr" "$java" "${jvm_flags[@]}" "${extra_opts[@]}" -cp "$out" Hello
    [ "$T_RC" = 0 ] || harness_failure "JVM floor exited $T_RC: $(head -n 5 "$out/floor.stderr")"
    record "$n" floor "$i" "$T_WALL" "$T_RSS" "$T_RC"
    walls+=("$T_WALL") rsss+=("$T_RSS")
  done
  F_S[$n]=$(median "${walls[@]}") F_M[$n]=$(median "${rsss[@]}")
  say "$n entries: floor       ${walls[*]} s (median ${F_S[$n]} s, $(mb_rss "${F_M[$n]}") MB)"

  walls=() rsss=()
  for ((i = 1; i <= ATOMIZER_RUNS; i++)); do
    timed "$out" "$out/atomizer-$n.stdout" "$out/atomizer-$n.stderr" "$launcher" lint "$file"
    record "$n" atomizer "$i" "$T_WALL" "$T_RSS" "$T_RC"
    if [ "$T_RC" != 0 ]; then
      harness_failure "hooks/atomizer lint bench/out/log-$n.md exited $T_RC (expected 0: the generated log must be clean):
$(head -n 10 "$out/atomizer-$n.stdout" "$out/atomizer-$n.stderr")"
    fi
    if ! grep -qx "$n entries: 0 errors, 0 warnings" "$out/atomizer-$n.stderr"; then
      harness_failure "hooks/atomizer lint bench/out/log-$n.md did not report '$n entries: 0 errors, 0 warnings':
$(head -n 10 "$out/atomizer-$n.stdout" "$out/atomizer-$n.stderr")"
    fi
    walls+=("$T_WALL") rsss+=("$T_RSS")
  done
  A_S[$n]=$(median "${walls[@]}") A_M[$n]=$(median "${rsss[@]}")
  say "$n entries: atomizer    ${walls[*]} s (median ${A_S[$n]} s, $(mb_rss "${A_M[$n]}") MB)"

  if [ "$skip_ml" = 0 ]; then
    runs=$ML_RUNS_SMALL
    [ "$n" -lt "$ML_SINGLE_FROM" ] || runs=1
    walls=() rsss=() M_NOTE[$n]=
    for ((i = 1; i <= runs; i++)); do
      # Run from bench/out with a literal path (':'), so no markdownlint config outside bench/out
      # applies: default rules. Diagnostics (stderr) are discarded; the summary (stdout) is kept.
      timed "$out" "$out/markdownlint-$n.stdout" /dev/null "$ml" ":log-$n.md"
      record "$n" markdownlint-cli2 "$i" "$T_WALL" "$T_RSS" "$T_RC"
      # 0 clean, 1 style issues found: both are a completed lint. Anything else is a crash.
      if [ "$T_RC" != 0 ] && [ "$T_RC" != 1 ]; then
        M_NOTE[$n]="exit $T_RC"
        ml_broken=1
        say "markdownlint-cli2 on $n entries exited $T_RC (crash?)"
      fi
      walls+=("$T_WALL") rsss+=("$T_RSS")
    done
    M_S[$n]=$(median "${walls[@]}") M_M[$n]=$(median "${rsss[@]}")
    say "$n entries: markdownlint ${walls[*]} s (median ${M_S[$n]} s, $(mb_rss "${M_M[$n]}") MB) $(grep -m1 '^Summary:' "$out/markdownlint-$n.stdout" || true)"
  fi
done
rm -f "$timefile" "$out/floor.stderr"
load_end=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

# ---------------------------------------------------------------- report
cell() { printf '%s s / %s MB' "$1" "$(mb_rss "$2")"; }
{
  echo "# Atomizer benchmark results"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- machine: nproc $(nproc); $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1);" \
    "$(awk '/^MemTotal/ {printf "%.0f GB RAM", $2 / 1048576}' /proc/meminfo 2>/dev/null); $(uname -sr)"
  echo "- load average (1/5/15 min) before measuring: $load_start; after: $load_end"
  echo "- java: $("$java" -version 2>&1 | head -n 1)"
  echo "- JVM flags (from hooks/atomizer's exec line): \`${jvm_flags[*]}${extra_opts[*]:+ ${extra_opts[*]}}\`"
  echo "- atomizer: $("$launcher" --version 2>/dev/null | head -n 1 || echo unknown), jar \`$jar\`;" \
    "class-data-sharing archive beside it: $([ -f "$jar.jsa" ] && echo "yes (\`$jar.jsa\`, used by the launcher)" || echo none)"
  if [ "$skip_ml" = 0 ]; then
    echo "- markdownlint-cli2: $ml_version on node $(node --version) (heap limit" \
      "$(mb_rss "$node_heap_kb") MB, \`NODE_OPTIONS=$NODE_OPTIONS\`), default rules"
  else
    echo "- markdownlint-cli2: skipped (BENCH_SKIP_MARKDOWNLINT)"
  fi
  echo
  echo "Wall time and peak RSS from \`/usr/bin/time -f '%e %M'\`; medians of $FLOOR_RUNS runs for the floor and" \
    "atomizer, of $ML_RUNS_SMALL runs for markdownlint-cli2 below $(thousands "$ML_SINGLE_FROM") entries and a" \
    "single run from there on. File MB = 10^6 bytes; RSS MB = MiB."
  echo
  echo "| entries | file MB | floor s / MB | atomizer s / MB | markdownlint-cli2 s / MB | speed-up |"
  echo "|--:|--:|--:|--:|--:|--:|"
  for n in "${size_list[@]}"; do
    if [ "$skip_ml" = 0 ]; then
      mlc=$(cell "${M_S[$n]}" "${M_M[$n]}")
      [ -z "${M_NOTE[$n]}" ] || mlc="$mlc (${M_NOTE[$n]})"
      if [ -z "${M_NOTE[$n]}" ]; then
        su=$(calc "\"%.1f×\", ${M_S[$n]} / (${A_S[$n]} > 0 ? ${A_S[$n]} : 0.01)")
      else
        su="n/a"
      fi
    else
      mlc="skipped" su="n/a"
    fi
    echo "| $(thousands "$n") | $(calc "\"%.2f\", ${BYTES[$n]} / 1000000") | $(cell "${F_S[$n]}" "${F_M[$n]}")" \
      "| $(cell "${A_S[$n]}" "${A_M[$n]}") | $mlc | $su |"
  done
  echo
  echo "## Quality bars (bench/README.md)"
  echo
  bar_in=0
  for n in "${size_list[@]}"; do [ "$n" != "$BAR_SIZE" ] || bar_in=1; done
  label="$(thousands "$BAR_SIZE") entries"
  if [ "$bar_in" = 0 ]; then
    echo "- $label: ≥ ${BAR_SPEEDUP}× faster than markdownlint-cli2: not measured ($BAR_SIZE not in BENCH_SIZES)"
    echo "- $label: peak RSS ≤ $BAR_RSS_MB MB: not measured ($BAR_SIZE not in BENCH_SIZES)"
  else
    if [ "$skip_ml" = 1 ]; then
      echo "- $label: ≥ ${BAR_SPEEDUP}× faster than markdownlint-cli2: not measured (markdownlint-cli2 skipped)"
    elif [ -n "${M_NOTE[$BAR_SIZE]}" ]; then
      echo "- $label: ≥ ${BAR_SPEEDUP}× faster than markdownlint-cli2: not measured (markdownlint-cli2 ${M_NOTE[$BAR_SIZE]})"
    else
      x=$(calc "\"%.1f\", ${M_S[$BAR_SIZE]} / (${A_S[$BAR_SIZE]} > 0 ? ${A_S[$BAR_SIZE]} : 0.01)")
      v=$(calc "\"%s\", ($x >= $BAR_SPEEDUP ? \"PASS\" : \"FAIL\")")
      echo "- $label: ≥ ${BAR_SPEEDUP}× faster than markdownlint-cli2: ${x}× (${M_S[$BAR_SIZE]} s vs ${A_S[$BAR_SIZE]} s): **$v**"
    fi
    r=$(mb_rss "${A_M[$BAR_SIZE]}")
    v=$(calc "\"%s\", (${A_M[$BAR_SIZE]} <= $BAR_RSS_MB * 1024 ? \"PASS\" : \"FAIL\")")
    echo "- $label: peak RSS ≤ $BAR_RSS_MB MB: $r MB (${A_M[$BAR_SIZE]} KB): **$v**"
  fi
  echo
  echo "Every generated log linted clean with atomizer (exit 0, \"0 errors, 0 warnings\")."
  for n in "${size_list[@]}"; do
    if [ "$n" = 10000 ]; then
      echo "At 10,000 entries a full lint takes $(calc "\"%.1f\", ${A_S[$n]} / (${F_S[$n]} > 0 ? ${F_S[$n]} : 0.01)")×" \
        "the JVM floor (informational: the section 7 pre-commit bar, ≤ 3× the floor, is about the hook" \
        "checking one appended entry, which this harness does not measure)."
    fi
  done
  if [ "$skip_ml" = 0 ]; then
    for n in "${size_list[@]}"; do
      if [ "$(calc "\"%d\", (${M_M[$n]} >= 0.9 * $node_heap_kb)")" = 1 ]; then
        echo "At $(thousands "$n") entries markdownlint-cli2's peak RSS ($(mb_rss "${M_M[$n]}") MB) reached node's" \
          "heap limit: its time includes garbage collection under memory pressure (raise BENCH_NODE_HEAP_MB)."
      fi
    done
  fi
  echo "Per-run numbers: bench/out/raw.tsv."
} >"$results.tmp"
mv "$results.tmp" "$results"
cat "$results"

if [ "$ml_broken" = 1 ]; then
  harness_failure "markdownlint-cli2 did not complete every run (see the table); the comparison is incomplete"
fi
