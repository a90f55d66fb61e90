#!/usr/bin/env bash
# Times one long table (issue 9): a book of a single table of N rows × 8 columns (code, text,
# unit, three summed amounts with kuruş, two percentages; typed cells, header repeated and
# carried totals on every page, a total row), built with the layout plugin bench-kitap to each
# profile of PROFILES (the tagged web PDF and the CMYK print PDF by default). Peak memory comes
# from /usr/bin/time -v.
#   bench/table_bench.sh BUILD_DIR            [ROWS="10000 30000 100000"] [PROFILES="web print"]
# Targets at 100,000 rows: under 5 s and under 500 MB, and linear growth: the time per row at
# the largest size at most 1.5 times that at the smallest.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bench_setup table_bench "${1:?usage: bench/table_bench.sh BUILD_DIR}" table
sizes=${ROWS:-"10000 30000 100000"}
profiles=${PROFILES:-"web print"}

status=0
for profile in $profiles; do
  first_rate=""
  printf 'long table, %-5s: %8s %6s %7s %7s %6s\n' "$profile" rows pages wall-s cpu-s MB
  for rows in $sizes; do
    dir="$out/$profile/rows-$rows"
    mkdir -p "$dir"
    cat > "$dir/book.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<book>
  <meta><title>Uzun Tablo ($rows satır)</title><author>dizgi</author><year>2025</year><language>tr-TR</language></meta>
  <layout plugin="bench-kitap"><param name="table_rows" value="$rows"/></layout>
  <template name="kurumsal"/>
  <outputs><output profile="$profile" file="tablo-$profile.pdf"/></outputs>
</book>
XML
    timed_build "$dir/time.log" "$dir/build.out" "$dir/book.xml" -o "$dir" --profile "$profile" --no-preflight --no-preview -q
    LC_ALL=C awk -v r="$rows" -v n="${pages:-0}" -v t="$wall" -v c="$cpu" -v kb="$kb" \
      -v p="$profile" 'BEGIN { printf "long table, %-5s: %8d %6d %7.2f %7.2f %6.0f\n", p, r, n, t, c, kb / 1024 }'
    rate=$(LC_ALL=C awk -v t="$cpu" -v r="$rows" 'BEGIN { printf "%.9f", t / r }')
    [ -n "$first_rate" ] || first_rate=$rate
    if [ "$rows" -ge 100000 ]; then
      LC_ALL=C awk -v t="$wall" -v kb="$kb" 'BEGIN { exit !(t >= 5 || kb / 1024 >= 500) }' &&
        { echo "table_bench: $profile: $rows rows miss the target (5 s, 500 MB)" >&2; status=1; }
    fi
  done
  LC_ALL=C awk -v a="$first_rate" -v b="$rate" -v p="$profile" 'BEGIN { printf "long table, %-5s: CPU time per row grows %.2f times from the smallest to the largest size\n", p, b / a; exit !(b > 1.5 * a) }' &&
    { echo "table_bench: $profile: time does not grow linearly in rows" >&2; status=1; }
done
exit $status
