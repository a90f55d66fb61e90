#!/usr/bin/env bash
# The quality of justified Turkish text, measured from the PDF (issue 17's measure):
#   bench/quality/run.sh BUILD_DIR [--check]
# Sets bench/quality/book.xml (about 33 A4 pages of prose, Noto Serif 10.5/14 pt, 25 mm margins)
# with the template's <typography> as shipped and with each setting turned off, and prints for
# each the median, 95th percentile and largest inter-word gap of the justified lines (in em and
# as a multiple of the natural space, 0.26 em), the share of lines ending in a hyphen, runs of
# three or more hyphenated lines and pages whose last line ends in a hyphen (measure.sh). Then it
# sets the sample book and measures its body text (Linux Libertine, natural space 0.25 em), and
# builds the bench book twice to check that the output is byte-identical.
# --check: only the shipped setting, the sample book and the repeat build (the test suite's run).
# Exit status 1 when a target is missed: median 0.95-1.10 x natural, 95th percentile at most
# 0.34 em, largest at most 0.39 em, at most 17 % of lines ending in a hyphen, no run of three,
# no page ending in a hyphen, identical output.
set -euo pipefail
build=${1:?usage: bench/quality/run.sh BUILD_DIR [--check]}
check=${2:-}
build=$(cd "$build" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dizgi="$build/bin/dizgi"
[ -x "$dizgi" ] || { echo "quality: $dizgi is not built" >&2; exit 2; }
export FONTCONFIG_FILE="$root/fonts/fonts.conf" SOURCE_DATE_EPOCH=1767225600
out="$build/bench/quality"
mkdir -p "$out"
status=0

# set NAME TYPOGRAPHY-ATTRIBUTES: the bench book with <typography ATTRIBUTES/>; prints its figures.
set_book() {
  local dir="$out/$1"
  mkdir -p "$dir"
  sed "s#</template>#  <typography $2/>\n</template>#" "$here/template.xml" > "$dir/template.xml"
  cp "$here/book.xml" "$dir/book.xml"
  "$dizgi" build "$dir/book.xml" -o "$dir" --profile web --no-preflight --no-preview -q > "$dir/build.log" 2>&1 || {
    echo "quality: dizgi build failed for $dir:" >&2
    tail -5 "$dir/build.log" >&2
    exit 1
  }
  "$here/measure.sh" "$dir/kalite.pdf"
}

# row LABEL FIGURES: one line of the table.
row() {
  LC_ALL=C awk -v label="$1" -v figures="$2" 'BEGIN {
    n = split(figures, kv, " "); for (i = 1; i <= n; ++i) { split(kv[i], p, "="); f[p[1]] = p[2] }
    printf "%-26s %5d  %.3f em %4.2fx  %.3f em %4.2fx  %.3f em %4.2fx  %5.1f %%  %3d  %3d\n", label, f["lines"],
      f["median"], f["median_x"], f["p95"], f["p95_x"], f["max"], f["max_x"], f["hyphen_pct"], f["runs3"], f["page_end_hyphens"] }'
}

# meets FIGURES: the targets of issue 17.
meets() {
  LC_ALL=C awk -v figures="$1" 'BEGIN {
    n = split(figures, kv, " "); for (i = 1; i <= n; ++i) { split(kv[i], p, "="); f[p[1]] = p[2] }
    exit !(f["median_x"] >= 0.95 && f["median_x"] <= 1.10 && f["p95"] <= 0.34 && f["max"] <= 0.39 &&
           f["hyphen_pct"] <= 17 && f["runs3"] == 0 && f["page_end_hyphens"] == 0) }'
}

echo "justified lines, measured from the PDF (pdftotext -bbox):"
printf '%-26s %5s  %-15s  %-15s  %-15s  %7s  %3s  %3s\n' setting lines "median gap" "95th pct" "largest" hyphen "3+" end
shipped=$(set_book shipped "")
row "as shipped" "$shipped"
meets "$shipped" || { echo "quality: the bench prose misses a target" >&2; status=1; }
if [ "$check" != "--check" ]; then
  row "no expansion" "$(set_book no-expansion 'expansion="0%" expansion-step="0%"')"
  row "no protrusion" "$(set_book no-protrusion 'protrusion="false"')"
  row "no letter-spacing" "$(set_book no-letter-spacing 'letter-spacing="0em"')"
  row "hyphen penalty 100" "$(set_book hyphen-100 'hyphen-penalty="100"')"
  row "all off, old demerits" "$(set_book all-off 'expansion="0%" expansion-step="0%" protrusion="false" letter-spacing="0em" hyphen-penalty="100" consecutive-hyphen-demerits="3000" fitness-demerits="3000" word-space-shrink="25%"')"
fi

# The sample book's body text (its own template: Linux Libertine O 10.5/14 pt).
sample="$out/sample"
mkdir -p "$sample"
"$dizgi" build "$root/samples/kuzeykent/faaliyet-2025.xml" -o "$sample" --profile web --no-preflight --no-preview -q \
  > "$sample/build.log" 2>&1 || { echo "quality: the sample book did not build:" >&2; tail -5 "$sample/build.log" >&2; exit 1; }
figures=$("$here/measure.sh" "$sample"/*-web.pdf 10.5 0.25)
row "sample book (Libertine)" "$figures"
meets "$figures" || { echo "quality: the sample book misses a target" >&2; status=1; }

# The same book twice gives the same bytes, in print and in the tagged web profile (the date
# fixed as a reproducible build fixes it).
for again in first second; do
  SOURCE_DATE_EPOCH=1764720000 "$dizgi" build "$out/shipped/book.xml" -o "$out/shipped/$again" \
    --profile print --profile web --no-preflight --no-preview -q >/dev/null 2>&1
done
for pdf in $(cd "$out/shipped/first" && ls ./*.pdf); do
  pdf=${pdf#./}
  if cmp -s "$out/shipped/first/$pdf" "$out/shipped/second/$pdf"; then
    echo "repeat build: $pdf byte-identical"
  else
    echo "quality: two builds of $pdf differ" >&2
    status=1
  fi
done
exit $status
