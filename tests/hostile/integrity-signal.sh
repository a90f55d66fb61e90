# SIGTERM and SIGINT during a build (issue 16) leave neither `.NAME.pdf.XXXXXX` nor `.cairo`
# temporaries behind, and the previous PDF stays.
source "$(dirname "$0")/lib.sh"

# Job control on: without it, bash starts background commands with SIGINT ignored.
set -m
book b "" '<output profile="web" file="deneme.pdf"/>'
sed -i 's/value="1"/value="40"/' b/book.xml  # long enough to be caught while writing
for signal in TERM INT; do
  rm -rf out
  mkdir out
  echo "previous" > out/deneme.pdf
  "$dizgi" build b/book.xml -o out --no-preflight --no-preview --quiet > /dev/null 2>&1 &
  pid=$!
  # Wait until a temporary file exists (the book is laid out first), then end the build.
  for _ in $(seq 1 600); do
    if [ -n "$(find out -name '.deneme*' 2>/dev/null)" ]; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 0.05
  done
  if [ -z "$(find out -name '.deneme*' 2>/dev/null)" ]; then
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    fail "no temporary file was seen before the build ended (SIG$signal not tested)"
    continue
  fi
  kill -"$signal" "$pid"
  wait "$pid"
  code=$?
  [ "$code" -gt 128 ] || fail "SIG$signal: the build went on and exited with $code"
  leftovers=$(find out -name '.*' -type f)
  [ -z "$leftovers" ] || fail "SIG$signal left temporary files: $leftovers"
  [ "$(head -c 8 out/deneme.pdf)" = "previous" ] || fail "SIG$signal replaced the previous PDF"
done
finish
