#!/usr/bin/env bash
# install.new_layout: what docs/plugin-guide.md promises a layout author, done as they would.
# Installs the build into a fresh prefix, writes a skeleton with the installed
# `dizgi new-layout`, builds it against the prefix with find_package(dizgi), and builds the
# skeleton's sample book with the new plugin: both PDFs are written, pass preflight, and hold
# the table and the chart the skeleton composes from its CSV file.
#
#   new_layout.sh <cmake> <build dir> <work dir> <c++ compiler>
set -euo pipefail
cmake=$1 build=$2 work=$3 cxx=$4

if [ "${DIZGI_TEST_SKIP_SLOW:-0}" = 1 ]; then
  echo "skipped: DIZGI_TEST_SKIP_SLOW=1"
  exit 77
fi

fail() { echo "install.new_layout: $*" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix
"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log" || {
  cat "$work/install.log"; fail "cmake --install failed"; }
dizgi=$prefix/bin/dizgi

cd "$work"
"$dizgi" new-layout ornek-rapor >new-layout.log || { cat new-layout.log; fail "new-layout failed"; }
[ -f ornek-rapor/src/layout.cpp ] || fail "no ornek-rapor/src/layout.cpp"

"$cmake" -S ornek-rapor -B ornek-rapor/build -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_PREFIX_PATH="$prefix" >configure.log 2>&1 || {
  cat configure.log; fail "configuring the skeleton failed"; }
"$cmake" --build ornek-rapor/build >build.log 2>&1 || { cat build.log; fail "building the skeleton failed"; }
[ -f ornek-rapor/build/dizgi-ornek-rapor.so ] || fail "no dizgi-ornek-rapor.so"

export DIZGI_PLUGIN_PATH=$work/ornek-rapor/build
env -u LD_LIBRARY_PATH "$dizgi" build ornek-rapor/book.xml -o ornek-rapor/out >book.log 2>&1 || {
  cat book.log; fail "building the skeleton's sample book failed"; }
cat book.log
for profile in print web; do
  pdf=ornek-rapor/out/ornek-rapor-$profile.pdf
  [ -f "$pdf" ] || fail "no $pdf"
done
[ "$(grep -c '^preflight ([a-z0-9-]*): 0 errors' book.log)" = 2 ] ||
  fail "the print and the web PDF do not both pass preflight with 0 errors"
text=$(pdftotext -enc UTF-8 ornek-rapor/out/ornek-rapor-print.pdf -)
for expected in "İÇİNDEKİLER" "Birimlere Göre Ödenek ve Harcama" "Fen İşleri" "184.250.000,00" \
                "Grafik 1: Ödenek ve Harcama" "Bilgi İşlem"; do
  grep -qF "$expected" <<<"$text" || fail "the sample book does not show '$expected'"
done
# The pages command shows the same book as text.
env -u LD_LIBRARY_PATH "$dizgi" pages ornek-rapor/book.xml --page 1 >pages.txt 2>pages.err ||
  { cat pages.err; fail "dizgi pages failed"; }
grep -q "^page 1 " pages.txt || fail "dizgi pages printed no page 1"
echo "install.new_layout: ok"
