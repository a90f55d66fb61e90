#!/usr/bin/env bash
# Times the file data sources on a large budget table: a 1,000,000-row Turkish CSV and an
# equivalent XLSX (generated here), each read into the model (a full Table) and through the
# parser alone (a counting sink). Peak memory comes from /usr/bin/time -v (Debian package
# `time`). The CSV parser is also run on a tenth of the rows: its peak memory must not grow
# with the file (it streams in 64 KiB chunks).
#   bench/data_bench.sh BUILD_DIR [ROWS]
set -euo pipefail
build=${1:?build folder (e.g. build/release)}
rows=${2:-1000000}
exe="$build/bin/bench_read_data"
if [ ! -x "$exe" ]; then
  echo "data_bench: $exe is missing; build the target bench_read_data first" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "data_bench: /usr/bin/time is missing (Debian package 'time'; scripts/install-deps.sh)" >&2
  exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/dizgi-data-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$exe" generate "$rows" "$work/big"
"$exe" generate $(( rows / 10 )) "$work/small"
printf 'data_bench: %s rows; gider.csv %s MiB, gider.xlsx %s MiB\n' "$rows" \
  "$(( $(stat -c %s "$work/big/gider.csv") / 1048576 ))" \
  "$(( $(stat -c %s "$work/big/gider.xlsx") / 1048576 ))"

run() {
  local label=$1; shift
  local log="$work/time.log"
  local line
  line=$(LC_ALL=C /usr/bin/time -v -o "$log" "$@")
  local rss
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  printf '%-26s %s | peak RSS %s MiB\n' "$label" "$line" "$(( rss / 1024 ))"
}

run "csv, 1/10 rows, counting" "$exe" read csv "$work/small/gider.csv" "$work/small/gider.sql" --count
run "csv, counting" "$exe" read csv "$work/big/gider.csv" "$work/big/gider.sql" --count
run "csv, full load" "$exe" read csv "$work/big/gider.csv" "$work/big/gider.sql"
run "xlsx, 1/10 rows, counting" "$exe" read xlsx "$work/small/gider.xlsx" "$work/small/gider.sql" --count
run "xlsx, counting" "$exe" read xlsx "$work/big/gider.xlsx" "$work/big/gider.sql" --count
run "xlsx, full load" "$exe" read xlsx "$work/big/gider.xlsx" "$work/big/gider.sql"
