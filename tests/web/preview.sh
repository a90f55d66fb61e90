#!/usr/bin/env bash
# web.preview: `dizgi preview` on a copy of the sample book (with an unresolved reference planted
# in a text, so that there is a diagnostic to click), driven in headless Chromium (preview.mjs),
# then stopped with SIGTERM, which must end it cleanly (exit 0).
# Arguments: the dizgi program, the source folder, a scratch folder.
set -euo pipefail
dizgi=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
modules="$source/tests/web/node_modules"
[ -d "$modules/playwright-core" ] || { echo "FAIL: $modules missing: run scripts/install-deps.sh"; exit 1; }
cp -r "$source/samples/kuzeykent" "$work/k"
sunus="$work/k/texts/faaliyet-2025/sunus.md"
python3 - "$sunus" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
open(path, "w", encoding="utf-8").write(text.replace("\n\n", "\n\nAyrıntılar için bakınız [@yok-boyle-tablo]. ", 1))
PY
cd "$source"   # the book names its template by name, found from the project's folder
"$dizgi" preview "$work/k/faaliyet-2025.xml" --port 0 > "$work/preview.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
address=""
for _ in $(seq 1 600); do
  address=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/preview.log" || true)
  [ -n "$address" ] && break
  kill -0 $pid 2>/dev/null || { echo "FAIL: dizgi preview ended"; cat "$work/preview.log"; exit 1; }
  sleep 0.1
done
[ -n "$address" ] || { echo "FAIL: no address printed"; cat "$work/preview.log"; exit 1; }
node "$source/tests/web/preview.mjs" "$address" "$work/k"
kill -TERM $pid
status=0
wait $pid || status=$?
trap - EXIT
[ "$status" = 0 ] || { echo "FAIL: dizgi preview ended with $status on SIGTERM"; cat "$work/preview.log"; exit 1; }
