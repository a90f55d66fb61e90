#!/usr/bin/env bash
# make demo: renders every sample book (print and web profiles) into out/ and preflights them.
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
  echo "== $book"
  "$dizgi" build "$book" -o out || status=$?
  books+=("$book")
done
# The web team's folder: the web PDFs, thumbnails and an index page (docs/publishing.md).
echo "== out/site"
"$dizgi" publish "${books[@]}" -o out/site --title "Kuzeykent Büyükşehir Belediyesi Yayınları" --quiet || status=$?
echo
echo "Books are in out/, the website folder in out/site/ (open out/site/index.html)."
echo "Preflight findings: dizgi preflight out/FILE.pdf --profile print|web"
exit $status
