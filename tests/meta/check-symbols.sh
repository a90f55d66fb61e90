#!/usr/bin/env bash
# meta.exported_symbols: the dynamic symbols libdizgi exports in namespace dizgi (demangled,
# sorted, unique) must equal the committed list; any other strong symbol is a leak. Weak and
# unique symbols of other namespaces (std::, boost:: template instantiations) are by-products of
# the compiler and are not part of the list. DIZGI_UPDATE_GOLDEN=1 rewrites the list.
#
#   check-symbols.sh <libdizgi.so> <golden list>
set -euo pipefail
lib=$1 golden=$2

raw=$(nm -D --defined-only "$lib")
names=$(awk '{print $3}' <<<"$raw" | c++filt)
types=$(awk '{print $2}' <<<"$raw")

dizgi_pattern='^((typeinfo|typeinfo name|vtable|VTT|construction vtable|guard variable) for |(non-)?virtual thunk to )?dizgi::'
toolchain_pattern='^(_init|_fini|_edata|_end|__bss_start|__(odr_)?asan.*|__sancov.*)$'

actual=$(grep -E "$dizgi_pattern" <<<"$names" | LC_ALL=C sort -u || true)

# Strong symbols outside namespace dizgi: something escaped that was not meant to.
leaks=$(paste -d' ' <(echo "$types") <(echo "$names") |
  awk '$1 ~ /^[TDBRGS]$/ { $1 = ""; sub(/^ /, ""); print }' |
  grep -Ev "$dizgi_pattern" | grep -Ev "$toolchain_pattern" || true)
if [ -n "$leaks" ]; then
  echo "libdizgi exports strong symbols outside namespace dizgi (mark them static, or hide them):"
  echo "$leaks"
  exit 1
fi

if [ "${DIZGI_UPDATE_GOLDEN:-0}" = 1 ]; then
  printf '%s\n' "$actual" >"$golden"
  echo "updated $golden ($(wc -l <"$golden") symbols)"
  exit 0
fi

if ! diff -u "$golden" <(printf '%s\n' "$actual"); then
  echo
  echo "the symbols exported by libdizgi changed (- committed, + built)."
  echo "If the change is intended (a new DIZGI_API function), run the test with"
  echo "DIZGI_UPDATE_GOLDEN=1 and commit tests/meta/libdizgi.symbols; removing or changing a"
  echo "symbol breaks installed plugins and needs an SDK ABI major bump."
  exit 1
fi
echo "libdizgi exports $(wc -l <"$golden") symbols in namespace dizgi, as committed"
