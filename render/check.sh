#!/usr/bin/env bash
# render/check.sh: looks at what people see. Renders every Mermaid chart of the derived files and
# reports of sample-repo, and of a workspace generated from a 1,500-entry log, with the real
# mermaid (mermaid-cli, pinned in render/package.json) in Debian's chromium, in mermaid's light and
# dark themes, to PNGs under render/out/; and runs markdownlint-cli2 (default rules, MD013 off) on
# the same files. Fails on any chart mermaid cannot parse and on any markdownlint finding.
#
# Needs: the built jar (mvn -B install -DskipTests), java/javac 17+, node and npm; chromium
# (/usr/bin/chromium; installed with apt-get when missing and run as root).
# Exit: 0 all rendered and clean; 1 a chart failed to render or markdownlint found something;
#       2 a prerequisite is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
out=$here/out
launcher=$top/hooks/atomizer

need() { command -v "$1" >/dev/null 2>&1 || { echo "render: $1 not found" >&2; exit 2; }; }
need java; need javac; need node; need npm
[ -f "$top/atomizer-cli/target/atomizer.jar" ] || { echo "render: build the jar first: mvn -B install -DskipTests" >&2; exit 2; }
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "render: installing chromium (apt-get)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2 ||
      { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2; }
  else
    echo "render: /usr/bin/chromium not found: install Debian's chromium (apt-get install chromium)" >&2
    exit 2
  fi
fi
if [ ! -x "$here/node_modules/.bin/mmdc" ] || [ ! -x "$here/node_modules/.bin/markdownlint-cli2" ]; then
  echo "render: installing mermaid-cli and markdownlint-cli2 (npm, pinned)" >&2
  (cd "$here" && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund >&2)
fi

rm -rf "$out" && mkdir -p "$out"
# Chromium as the machine allows it: no sandbox as root, no network beyond localhost
cat > "$out/puppeteer.json" <<'JSON'
{ "executablePath": "/usr/bin/chromium",
  "args": ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"] }
JSON

# A generated workspace: the benchmark's 1,500-entry log under the sample's contract
gen=$out/generated
mkdir -p "$gen/shared"
cp -r "$top/sample-repo/shared/data-contracts" "$gen/shared/"
java "$top/bench/GenerateLog.java" 1500 "$gen/shared/project_log.md"
(cd "$gen" && "$launcher" dashboards >/dev/null && "$launcher" report weekly --as-of "2026-01-17 12:00" >/dev/null)

# A study of 120 iterations with two named "same" studies: the 100-point axis, and unique headings
long=$out/long-study
mkdir -p "$long/shared"
{
  printf '# Project log\n\n'
  for i in $(seq 1 120); do
    printf '## [2026-02-%02d %02d:%02d] optimizer | rotor | study-iteration\n\n' $((2 + i / 48)) $(((i % 48) / 2)) $(((i % 2) * 30))
    printf '**Status:** completed\n**Summary:** Iteration %d\n**Metrics:** ref=study-rotor, iteration=%d, objective=%s, tokens=%d\n\n---\n\n' \
      "$i" "$i" "$(awk -v i="$i" 'BEGIN { printf "%.3f", 10 + 40 / (i + 2) + (i % 7) / 20 }')" $((1000 + i * 37 % 900))
  done
} > "$long/shared/project_log.md"
(cd "$long" && "$launcher" dashboards >/dev/null)

files=()
for f in "$top"/sample-repo/shared/dashboards/*.md "$top"/sample-repo/shared/kpi/metrics.md \
         "$top"/sample-repo/shared/reports/weekly/*.md "$gen"/shared/dashboards/*.md "$gen"/shared/kpi/metrics.md \
         "$gen"/shared/reports/weekly/*.md "$long"/shared/dashboards/*.md "$long"/shared/kpi/metrics.md; do
  [ -f "$f" ] && files+=("$f")
done

failed=0
charts=0
for f in "${files[@]}"; do
  rel=${f#"$top"/}
  rel=${rel#render/out/}
  name=$(echo "$rel" | tr '/' '_' | sed 's/\.md$//')
  n=$(grep -c '^```mermaid' "$f" || true)
  [ "$n" -gt 0 ] || continue
  for theme in default dark; do
    bg=white; [ "$theme" = dark ] && bg='#0d1117'
    if "$here/node_modules/.bin/mmdc" -q -p "$out/puppeteer.json" -t "$theme" -b "$bg" -e png -s 1.5 \
        -i "$f" -o "$out/$name-$theme.md" > "$out/$name-$theme.log" 2>&1; then
      :
    else
      echo "render: FAIL $rel ($theme): $(grep -m1 -i 'error' "$out/$name-$theme.log" || tail -1 "$out/$name-$theme.log")" >&2
      failed=1
    fi
  done
  charts=$((charts + n))
  echo "render: $rel: $n chart(s) rendered, light and dark" >&2
done

# markdownlint-cli2, default rules except line length (the sample's configuration)
cp "$top/sample-repo/.markdownlint-cli2.jsonc" "$out/.markdownlint-cli2.jsonc"
if ! (cd "$top" && "$here/node_modules/.bin/markdownlint-cli2" --config "$out/.markdownlint-cli2.jsonc" "${files[@]}" >&2); then
  echo "render: FAIL markdownlint-cli2 found problems (above)" >&2
  failed=1
fi

echo "render: $charts chart(s) in ${#files[@]} files; PNGs in ${out#"$top"/}/" >&2
exit $failed
