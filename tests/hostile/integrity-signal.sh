# SIGTERM and SIGINT during a build (issue 16) leave neither `.NAME.pdf.XXXXXX` nor `.cairo`
# temporaries behind, and the previous PDF stays.
source "$(dirname "$0")/lib.sh"

# Job control on: without it, bash starts background commands with SIGINT ignored.
set -m
book b "" '<output profile="web" file="deneme.pdf"/>'
sed -i 's/value="1"/value="40"/' b/book.xml  # long enough to be caught while writing

# One attempt: start a build, send SIGNAL once a temporary file exists. Sets $attempt to
# "caught" (the build died of the signal), "missed" (it ended before the signal could land:
# the writing window was not seen on a busy machine) or "failed".
try_signal() {
  local signal=$1
  rm -rf out
  mkdir out
  echo "previous" > out/deneme.pdf
  "$dizgi" build b/book.xml -o out --no-preflight --no-preview --quiet > build.log 2>&1 &
  local pid=$!
  for _ in $(seq 1 1500); do
    if [ -n "$(find out -name '.deneme*' 2>/dev/null)" ]; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 0.02
  done
  if [ -z "$(find out -name '.deneme*' 2>/dev/null)" ]; then
    wait "$pid" 2>/dev/null
    attempt=missed
    return
  fi
  kill -"$signal" "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  local code=$?
  if [ "$code" -le 128 ]; then
    attempt=missed
    return
  fi
  attempt=caught
  leftovers=$(find out -name '.*' -type f)
  [ -z "$leftovers" ] || fail "SIG$signal left temporary files: $leftovers"
  [ "$(head -c 8 out/deneme.pdf)" = "previous" ] || fail "SIG$signal replaced the previous PDF"
}

for signal in TERM INT; do
  for _ in 1 2 3 4 5; do
    try_signal "$signal"
    [ "$attempt" = missed ] || break
  done
  if [ "$attempt" = missed ]; then
    fail "SIG$signal never reached the build while it was writing (5 attempts)"
    head -c 2000 build.log
  fi
done
finish
