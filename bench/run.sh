#!/usr/bin/env bash
# make bench: times the typesetting pipeline on generated books of about 50, 200 and 800 A4
# pages (layout plugin bench-kitap), then runs the other benchmarks found beside this script.
#   bench/run.sh BUILD_DIR            [RUNS=3 CHAPTERS="8 31 124" PROFILES="web print"]
# For each book and profile it prints pages, the median wall time of RUNS runs, the median CPU
# time (user + system; what the build costs when other jobs share the cores), pages per second
# (wall) and the peak resident memory (from /usr/bin/time -v). Results: docs/performance.md.
# Targets: 200 pages under 1.5 s, 800 pages under 6 s, under 300 MB at every size.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bench_setup bench "${1:?usage: bench/run.sh BUILD_DIR}" typesetting
runs=${RUNS:-3}
chapters=${CHAPTERS:-"8 32 130"}
profiles=${PROFILES:-"web print"}

write_book() {  # write_book DIR CHAPTERS
  cat > "$1/book.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<book>
  <meta>
    <title>Kıyaslama Kitabı ($2 bölüm)</title>
    <author>dizgi</author>
    <year>2025</year>
    <language>tr-TR</language>
  </meta>
  <layout plugin="bench-kitap">
    <param name="chapters" value="$2"/>
  </layout>
  <template name="kurumsal"/>
  <outputs>
    <output profile="print" file="kitap-print.pdf"/>
    <output profile="web" file="kitap-web.pdf"/>
  </outputs>
</book>
XML
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

status=0
printf '%-7s %6s %7s %7s %8s %6s\n' profile pages wall-s cpu-s pages/s MB
for n in $chapters; do
  dir="$out/book-$n"
  mkdir -p "$dir"
  write_book "$dir" "$n"
  for profile in $profiles; do
    times=() cpus=() mems=() pages=0
    for ((r = 0; r < runs; ++r)); do
      timed_build "$dir/time-$profile.log" "$dir/build-$profile.out" "$dir/book.xml" -o "$dir" \
        --profile "$profile" --no-preflight --no-preview -q
      times+=("$wall") cpus+=("$cpu") mems+=("$kb")
    done
    t=$(printf '%s\n' "${times[@]}" | median)
    c=$(printf '%s\n' "${cpus[@]}" | median)
    kb=$(printf '%s\n' "${mems[@]}" | median)
    LC_ALL=C awk -v p="$profile" -v n="$pages" -v t="$t" -v c="$c" -v kb="$kb" \
      'BEGIN { printf "%-7s %6d %7.2f %7.2f %8.1f %6.0f\n", p, n, t, c, (t > 0 ? n / t : 0), kb / 1024 }'
    LC_ALL=C awk -v n="$pages" -v t="$t" -v kb="$kb" 'BEGIN {
      bad = kb / 1024 >= 300 || (n >= 150 && n < 400 && t >= 1.5) || (n >= 600 && t >= 6)
      exit bad }' || { echo "bench: $pages pages ($profile) misses its target" >&2; status=1; }
  done
done

# The quality of justified Turkish text (issue 17's measure): bench/quality sets about 33 pages
# of Turkish prose in Noto Serif 10.5/14 pt (A4, 25 mm margins) with each microtypography setting
# on and off, reads the PDFs back with pdftotext -bbox and prints the word gaps (median, 95th
# percentile, largest; em and × natural), lines ending in a hyphen and runs of three or more;
# then the sample book's body text and a repeat build (byte-identical). Targets: quality/run.sh.
echo
"$root/bench/quality/run.sh" "$build" || status=1

for extra in table_bench.sh data_bench.sh preflight_bench.sh batch_bench.sh; do
  if [ -x "$root/bench/$extra" ]; then
    echo
    "$root/bench/$extra" "$build" || status=1
  fi
done
exit $status
