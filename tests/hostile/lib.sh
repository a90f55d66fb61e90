# Shared checks of the hostile.* tests (sourced). Arguments of every script: the dizgi program
# and a scratch folder (emptied first). Each check runs dizgi under a memory limit and a time
# limit and fails the test on a signal, a timeout, a wrong exit code or a missing message.
set -u
dizgi=${1:?dizgi program}
work=${2:?scratch folder}
hostile_dir=$(cd "$(dirname "$0")" && pwd)  # shared helpers (pdf_writer.py)
export PYTHONDONTWRITEBYTECODE=1              # no __pycache__ in the source tree
rm -rf "$work"
mkdir -p "$work"
cd "$work" || exit 1
source_dir=${DIZGI_SOURCE_DIR:-}
memory_kb=${HOSTILE_MEMORY_KB:-1536000}  # 1.5 GB of address space

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# run SECONDS ARGS...: runs dizgi; sets $status and $output (stdout and stderr).
run() {
  local seconds=$1
  shift
  if [ -n "${DIZGI_SANITIZED:-}" ]; then seconds=$((seconds * 4)); fi
  output=$(
    if [ -z "${DIZGI_SANITIZED:-}" ]; then ulimit -v "$memory_kb"; fi
    if [ -n "${file_blocks:-}" ]; then
      trap '' XFSZ
      ulimit -f "$file_blocks"
    fi
    timeout -s KILL "$seconds" "$dizgi" "$@" 2>&1
  )
  status=$?
}

# expect STATUS PATTERN SECONDS ARGS...: dizgi must end with exit code STATUS within SECONDS
# and say PATTERN (an extended regular expression) on one line.
expect() {
  local want=$1 pattern=$2 seconds=$3
  shift 3
  run "$seconds" "$@"
  if [ "$status" -ne "$want" ]; then
    if [ "$status" -eq 137 ]; then
      fail "dizgi $* did not end within ${seconds}s (or was killed)"
    else
      fail "dizgi $* exited with $status, expected $want"
    fi
    printf '%s\n' "$output" | head -c 2000
    return
  fi
  if ! printf '%s\n' "$output" | grep -Eq -- "$pattern"; then
    fail "dizgi $* did not say /$pattern/"
    printf '%s\n' "$output" | head -c 2000
  fi
  if printf '%s\n' "$output" | grep -q "bad_alloc\|std::\|Segmentation\|Aborted"; then
    fail "dizgi $* showed an internal error"
    printf '%s\n' "$output" | head -c 2000
  fi
}

# A small book: `book DIR [SOURCES] [OUTPUTS]` writes DIR/book.xml with the
# bench-kitap layout (one chapter).
book() {
  local dir=$1 sources=${2:-} outputs=${3:-}
  if [ -z "$outputs" ]; then outputs='<output profile="web" file="deneme.pdf"/>'; fi
  mkdir -p "$dir"
  cat > "$dir/book.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<book version="1">
  <meta><title>Deneme</title><year>2025</year></meta>
  <layout plugin="bench-kitap"><param name="chapters" value="1"/></layout>
  <data>$sources</data>
  <outputs>$outputs</outputs>
</book>
XML
}

finish() {
  if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
  fi
  echo "all checks passed"
  exit 0
}
