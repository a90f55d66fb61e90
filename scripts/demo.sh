#!/usr/bin/env bash
# make demo: renders every sample book (print and web profiles) into out/ and preflights them —
# one `dizgi batch` for all of them (a <batch> book is one book per row of its table: the Birim
# reports of every spending unit), on all cores.
set -euo pipefail
build=${1:?build folder}
cd "$(dirname "$0")/.."
dizgi="$build/bin/dizgi"
mkdir -p out
status=0
books=()
for book in samples/*/*.xml; do
  [ -f "$book" ] || continue
  grep -q '<book' "$book" || continue
  books+=("$book")
done
echo "== ${books[*]}"
"$dizgi" batch "${books[@]}" -j "$(nproc)" -o out || status=$?
# The web team's folder: the web PDFs, thumbnails and an index page (docs/publishing.md).
echo "== out/site"
web=(out/*-web.pdf)
"$dizgi" publish "${web[@]}" -o out/site --title "Kuzeykent Büyükşehir Belediyesi Yayınları" --quiet || status=$?
echo
echo "Books are in out/, the website folder in out/site/ (open out/site/index.html)."
echo "Preflight findings: dizgi preflight out/FILE.pdf --profile print|web"
exit $status
