#!/usr/bin/env bash
# install.out_of_tree_plugin: installs the build into a fresh prefix, builds the plugin of
# oot-plugin/ against that prefix with find_package(dizgi), and checks that the installed dizgi
# finds libdizgi through its RPATH, lists the plugin, and never looks into the build tree.
#
#   run.sh <cmake> <build dir> <work dir> <c++ compiler> <build-tree plugin dir>
set -euo pipefail
cmake=$1 build=$2 work=$3 cxx=$4 build_plugins=$5
here=$(cd "$(dirname "$0")" && pwd)

if [ "${DIZGI_TEST_SKIP_SLOW:-0}" = 1 ]; then
  echo "skipped: DIZGI_TEST_SKIP_SLOW=1"
  exit 77
fi

fail() { echo "install.out_of_tree_plugin: $*" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix
oot_build=$work/oot-build

"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log" || {
  cat "$work/install.log"; fail "cmake --install failed"; }

dizgi=$prefix/bin/dizgi
[ -x "$dizgi" ] || fail "no $dizgi after install"
[ -f "$prefix/lib/cmake/dizgi/dizgiConfig.cmake" ] || fail "dizgiConfig.cmake not installed"

# The installed program finds the installed libdizgi by itself (RPATH), not the build tree's.
resolved=$(env -u LD_LIBRARY_PATH ldd "$dizgi" | awk '$1 ~ /^libdizgi\.so/ {print $3}')
[ "$(readlink -f "$resolved")" = "$(readlink -f "$prefix/lib/libdizgi.so.0")" ] ||
  fail "installed dizgi resolves libdizgi to '$resolved', expected $prefix/lib"
version=$(env -u LD_LIBRARY_PATH "$dizgi" --version) || fail "installed dizgi does not run"
echo "$version"

# The installed copy searches its prefix and never the build tree.
paths=$(env -u DIZGI_PLUGIN_PATH "$dizgi" plugins --paths)
echo "searched: $paths"
grep -qxF "$prefix/lib/dizgi/plugins" <<<"$paths" || fail "the install prefix is not searched"
if grep -qF "$build_plugins" <<<"$paths"; then fail "the installed dizgi searches the build tree"; fi

# Build the out-of-tree plugin against the installed SDK only.
"$cmake" -S "$here/oot-plugin" -B "$oot_build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_PREFIX_PATH="$prefix" >"$work/configure.log" 2>&1 || {
  cat "$work/configure.log"; fail "configuring the out-of-tree plugin failed"; }
"$cmake" --build "$oot_build" >"$work/build.log" 2>&1 || {
  cat "$work/build.log"; fail "building the out-of-tree plugin failed"; }
plugin=$oot_build/dizgi-oot-hello.so
[ -f "$plugin" ] || fail "no $plugin"

json=$(DIZGI_PLUGIN_PATH=$oot_build env -u LD_LIBRARY_PATH "$dizgi" plugins --json 2>"$work/stderr.txt")
echo "$json"
cat "$work/stderr.txt" >&2
grep -qF '"layout:oot-hello"' <<<"$json" || fail "oot-hello is not listed"
grep -qF "\"file\": \"$plugin\"" <<<"$json" || fail "oot-hello is listed with the wrong file"
if grep -qF "$plugin" "$work/stderr.txt"; then fail "the installed dizgi refused the plugin"; fi
echo "install.out_of_tree_plugin: ok"
