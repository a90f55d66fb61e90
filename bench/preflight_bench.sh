#!/usr/bin/env bash
# Times `dizgi preflight` on a generated 500-page book, without and with ink coverage.
#   bench/preflight_bench.sh BUILD_DIR
# Targets (docs/performance.md): under 5 s without ink coverage; ink coverage at most 3x that.
set -euo pipefail
build=${1:?usage: bench/preflight_bench.sh BUILD_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
dizgi="$build/bin/dizgi"
generator="$build/bin/bench_preflight_book"
for tool in "$dizgi" "$generator"; do
  [ -x "$tool" ] || { echo "preflight bench: $tool is not built" >&2; exit 2; }
done
export FONTCONFIG_FILE="$root/fonts/fonts.conf"
out="$build/bench/preflight"
mkdir -p "$out"
book="$out/book-500.pdf"
"$generator" "$book" 500

# Runs "$@" and prints "WALL CPU" in seconds (exit status 1, "errors found", is expected).
timed() {
  local TIMEFORMAT='%R %U %S' result
  result=$( { time "$@" >/dev/null 2>&1 || [ $? -eq 1 ]; } 2>&1 )
  LC_ALL=C awk -v r="$result" 'BEGIN { split(r, t, " "); printf "%.2f %.2f\n", t[1], t[2] + t[3] }'
}

read -r plain plain_cpu < <(timed "$dizgi" preflight "$book" --profile print --no-ink-coverage --quiet)
read -r ink ink_cpu < <(timed "$dizgi" preflight "$book" --profile print --quiet)
ratio=$(LC_ALL=C awk -v a="$ink" -v b="$plain" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
cpu_ratio=$(LC_ALL=C awk -v a="$ink_cpu" -v b="$plain_cpu" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
echo "preflight 500 pages: ${plain} s without ink coverage, ${ink} s with (x${ratio});" \
     "CPU ${plain_cpu} s / ${ink_cpu} s (x${cpu_ratio}); load $(cut -d' ' -f1 /proc/loadavg)"
status=0
LC_ALL=C awk -v t="$plain" 'BEGIN { exit !(t < 5) }' || { echo "preflight bench: over 5 s" >&2; status=1; }
LC_ALL=C awk -v r="$ratio" 'BEGIN { exit !(r <= 3) }' || { echo "preflight bench: ink coverage over 3x" >&2; status=1; }
exit $status
