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

seconds() {  # runs "$@" and prints the wall time in seconds (the exit status 1 of findings is fine)
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null || [ $? -eq 1 ]
  end=$(date +%s.%N)
  LC_ALL=C awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'
}

plain=$(seconds "$dizgi" preflight "$book" --profile print --no-ink-coverage --quiet)
ink=$(seconds "$dizgi" preflight "$book" --profile print --quiet)
ratio=$(LC_ALL=C awk -v a="$ink" -v b="$plain" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
echo "preflight 500 pages: ${plain} s without ink coverage, ${ink} s with (x${ratio})"
status=0
LC_ALL=C awk -v t="$plain" 'BEGIN { exit !(t < 5) }' || { echo "preflight bench: over 5 s" >&2; status=1; }
LC_ALL=C awk -v r="$ratio" 'BEGIN { exit !(r <= 3) }' || { echo "preflight bench: ink coverage over 3x" >&2; status=1; }
exit $status
