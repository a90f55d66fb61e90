#!/usr/bin/env bash
# Times the sample's whole publication in one `dizgi batch` (issue 13): the İdare Faaliyet
# Raporu and the Birim Faaliyet Raporu of every spending unit (samples/kuzeykent/birim-2025.xml,
# one book per unit), print and web, preflighted, as `make demo` builds them. Each run is the
# whole process under /usr/bin/time -v: wall time, CPU time (user + system of the parent and its
# worker processes) and the peak resident memory of the largest of them.
#   bench/batch_bench.sh BUILD_DIR      [JOBS="1 2"] [RUNS=3]
# Fails when a book fails; prints the median of the runs for each -j.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bench_setup batch_bench "${1:?usage: bench/batch_bench.sh BUILD_DIR}" batch
jobs_list=${JOBS:-"1 2"}
runs=${RUNS:-3}
books=("$root/samples/kuzeykent/faaliyet-2025.xml" "$root/samples/kuzeykent/birim-2025.xml")

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "batch: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'batch: %3s %5s %5s %6s %8s %8s %7s\n' -j books PDFs pages wall-s cpu-s MB
for j in $jobs_list; do
  walls=() cpus=() kbs=()
  for ((run = 1; run <= runs; ++run)); do
    dir="$out/j$j-run$run"
    rm -rf "$dir"
    mkdir -p "$dir"
    if ! LC_ALL=C /usr/bin/time -v "$dizgi" batch "${books[@]}" -j "$j" -o "$dir" -q >"$dir/batch.out" 2>"$dir/time.log"; then
      echo "batch_bench: a book failed (-j $j):" >&2
      tail -5 "$dir/batch.out" >&2
      exit 1
    fi
    walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; ++i) s = s * 60 + p[i]; print s }' "$dir/time.log")")
    cpus+=("$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$dir/time.log")")
    kbs+=("$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$dir/time.log")")
    summary=$(grep " books, " "$dir/batch.out" | tail -1)
  done
  book_count=$(sed -n 's/^\([0-9]*\) books.*/\1/p' <<<"$summary")
  pdf_count=$(sed -n 's/.* \([0-9]*\) PDFs.*/\1/p' <<<"$summary")
  page_count=$(sed -n 's/.* \([0-9]*\) pages in.*/\1/p' <<<"$summary")
  wall=$(printf '%s\n' "${walls[@]}" | median)
  cpu=$(printf '%s\n' "${cpus[@]}" | median)
  kb=$(printf '%s\n' "${kbs[@]}" | median)
  LC_ALL=C awk -v j="$j" -v b="$book_count" -v p="$pdf_count" -v n="$page_count" -v t="$wall" -v c="$cpu" -v kb="$kb" \
    'BEGIN { printf "batch: %3d %5d %5d %6d %8.2f %8.2f %7.0f\n", j, b, p, n, t, c, kb / 1024 }'
  echo "batch: -j $j runs (wall s): ${walls[*]}; ${summary##*; }"
done
echo "batch: load average after $(cut -d' ' -f1-3 /proc/loadavg)"
