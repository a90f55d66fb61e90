#!/usr/bin/env bash
# Measures the spacing of justified text in a PDF, read back the way any PDF is read back:
# `pdftotext -bbox` gives every word's box; words on one baseline are a line.
#   bench/quality/measure.sh FILE.pdf [SIZE_PT [NATURAL_EM]]   (defaults 10.5 and 0.26: Noto Serif)
# A justified body line is a line of at least three words in the body size (the commonest word
# height near SIZE_PT) that reaches the right edge of the text block (the commonest line end on its page,
# ±3.5 pt for marks that hang into the margin) and has no dot leader. Its gap is the median of its
# word gaps.
# Prints one line of figures:
#   lines=N median=EM p95=EM max=EM median_x=X p95_x=X max_x=X hyphen_pct=P runs3=R page_end_hyphens=H
# (gaps in em of SIZE_PT and as multiples of the natural space; the share of justified lines that
# end in a hyphen; runs of three or more such lines in a row; pages whose last body line ends in
# a hyphen). With MEASURE_LIST=1 every justified line's gap goes to standard error.
set -euo pipefail
pdf=${1:?usage: measure.sh FILE.pdf [SIZE_PT [NATURAL_EM]]}
size=${2:-10.5}
natural=${3:-0.26}
command -v pdftotext >/dev/null || { echo "measure.sh: pdftotext is missing (poppler-utils)" >&2; exit 2; }
words=$(mktemp)
trap 'rm -f "$words"' EXIT
# page, yMax, xMin, xMax, height, text: one word per line.
pdftotext -bbox "$pdf" - | LC_ALL=C awk '
  /<page / { ++page }
  /<word / {
    line = $0
    match(line, /xMin="[^"]*"/); x0 = substr(line, RSTART + 6, RLENGTH - 7)
    match(line, /yMin="[^"]*"/); y0 = substr(line, RSTART + 6, RLENGTH - 7)
    match(line, /xMax="[^"]*"/); x1 = substr(line, RSTART + 6, RLENGTH - 7)
    match(line, /yMax="[^"]*"/); y1 = substr(line, RSTART + 6, RLENGTH - 7)
    match(line, />[^<]*<\/word>/); text = substr(line, RSTART + 1, RLENGTH - 8)
    printf "%d %.2f %.3f %.3f %.2f %s\n", page, y1, x0, x1, y1 - y0, text
  }' > "$words"
[ -s "$words" ] || { echo "measure.sh: no text in $pdf" >&2; exit 1; }

LC_ALL=C awk -v size="$size" -v natural="$natural" -v list="${MEASURE_LIST:-}" '
  function isort(a, n,   i, j, v) { for (i = 2; i <= n; ++i) { v = a[i]; for (j = i - 1; j >= 1 && a[j] > v; --j) a[j + 1] = a[j]; a[j + 1] = v } }
  # Pass 1: the body size is the commonest word height among words of about SIZE_PT (a word box
  # is the font ascent plus descent: 1.0 to 1.6 em), so table cells and footnotes never are.
  NR == FNR { if ($5 >= size && $5 <= 1.6 * size) h[$5]++; next }
  FNR == 1 { best = 0; for (k in h) if (h[k] > best) { best = h[k]; body = k + 0 } }
  # Pass 2: lines (page + baseline), words in reading order as pdftotext gives them.
  ($5 - body) < 0.3 && (body - $5) < 0.3 {
    key = $1 " " $2
    if (!(key in count)) { order[++lines] = key; lpage[lines] = $1; lbase[lines] = $2 + 0 }
    n = ++count[key]; wx0[key, n] = $3 + 0; wx1[key, n] = $4 + 0; last[key] = $6
    if ($6 == ".") leader[key] = 1  # a lone full stop: a dot leader (contents), not prose
  }
  END {
    # The right edge of the text block on each page: the commonest line end (rounded to 0.5 pt).
    for (i = 1; i <= lines; ++i) {
      key = order[i]; e = int(wx1[key, count[key]] * 2 + 0.5) / 2
      ends[lpage[i], e]++
      if (ends[lpage[i], e] > endbest[lpage[i]]) { endbest[lpage[i]] = ends[lpage[i], e]; edge[lpage[i]] = e }
    }
    m = 0; hyph = 0; run = 0; runs3 = 0; page_end = 0
    for (i = 1; i <= lines; ++i) {
      key = order[i]; n = count[key]; p = lpage[i]
      justified = n >= 3 && !(key in leader) && wx1[key, n] > edge[p] - 3.5 && wx1[key, n] < edge[p] + 3.5
      ends_hyphen = last[key] ~ /-$/ || last[key] ~ /\xe2\x80\x90$/
      # Is this the last body line of its page?
      if (i == lines || lpage[i + 1] != p) page_end += ends_hyphen
      if (!justified) { run = 0; continue }
      k = 0
      for (w = 2; w <= n; ++w) g[++k] = wx0[key, w] - wx1[key, w - 1]
      isort(g, k)
      gap[++m] = (k % 2) ? g[(k + 1) / 2] : (g[k / 2] + g[k / 2 + 1]) / 2
      if (list) printf "page %d, baseline %.1f: gap %.3f em, ends with %s\n", p, lbase[i], gap[m] / size, last[key] > "/dev/stderr"
      if (ends_hyphen) { ++hyph; if (++run == 3) ++runs3 } else run = 0
    }
    if (m == 0) { print "measure.sh: no justified lines found" > "/dev/stderr"; exit 1 }
    isort(gap, m)
    pos = 0.95 * (m - 1) + 1; lo = int(pos); hi = (lo < m) ? lo + 1 : lo; f = pos - lo
    median = (m % 2) ? gap[(m + 1) / 2] : (gap[m / 2] + gap[m / 2 + 1]) / 2
    p95 = gap[lo] * (1 - f) + gap[hi] * f
    max = gap[m]
    nat = natural * size
    printf "lines=%d median=%.3f p95=%.3f max=%.3f median_x=%.3f p95_x=%.3f max_x=%.3f hyphen_pct=%.1f runs3=%d page_end_hyphens=%d\n",
      m, median / size, p95 / size, max / size, median / nat, p95 / nat, max / nat, 100 * hyph / m, runs3, page_end
  }' "$words" "$words"
