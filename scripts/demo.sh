#!/usr/bin/env bash
# make demo: renders every sample book (print and web profiles) into out/ and preflights them.
set -euo pipefail
build=${1:?build folder}
cd "$(dirname "$0")/.."
dizgi="$build/bin/dizgi"
mkdir -p out
status=0
for book in samples/*/*.xml; do
  [ -f "$book" ] || continue
  grep -q '<book' "$book" || continue
  echo "== $book"
  "$dizgi" build "$book" -o out || status=$?
done
echo
echo "Books are in out/. Preflight findings: dizgi preflight out/FILE.pdf --profile print|web"
exit $status
