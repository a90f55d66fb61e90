# Shared by the typesetting benchmarks (sourced): the program, the fonts, and one timed build.
#   bench_setup NAME BUILD_DIR SUBDIR   sets build, root, dizgi, out (BUILD_DIR/bench/SUBDIR)
#   timed_build LOG OUT BOOK ARGS...    runs `dizgi build BOOK ARGS...` under /usr/bin/time -v
#                                       and sets wall, cpu (user + system), kb (peak RSS), pages
bench_setup() {
  local name=$1
  build=$(cd "$2" && pwd)
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  dizgi="$build/bin/dizgi"
  [ -x "$dizgi" ] || { echo "$name: $dizgi is not built" >&2; exit 2; }
  [ -x /usr/bin/time ] || { echo "$name: /usr/bin/time is missing (scripts/install-deps.sh installs it)" >&2; exit 2; }
  export FONTCONFIG_FILE="$root/fonts/fonts.conf"
  out="$build/bench/$3"
  mkdir -p "$out"
}

timed_build() {
  local log=$1 output=$2 book=$3
  shift 3
  LC_ALL=C /usr/bin/time -v "$dizgi" build "$book" "$@" >"$output" 2>"$log" || {
    echo "bench: dizgi build failed for $book:" >&2
    tail -5 "$log" >&2
    exit 1
  }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; ++i) s = s * 60 + p[i]; print s }' "$log")
  kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$log")
  pages=$(sed -n 's/.*: \([0-9]*\) pages.*/\1/p' "$output" | head -1)
}
