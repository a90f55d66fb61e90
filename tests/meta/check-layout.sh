#!/usr/bin/env bash
# meta.sdk_layout: the sizes and member offsets of the SDK types (printed by sdk_layout) must
# equal the committed list. DIZGI_UPDATE_GOLDEN=1 rewrites the list after a reviewed 2.x
# addition; within ABI 2 only added lines and a shrunk reserved array may appear in its diff.
#
#   check-layout.sh <sdk_layout program> <golden list>
set -euo pipefail
program=$1 golden=$2
actual=$("$program")
if [ "${DIZGI_UPDATE_GOLDEN:-0}" = 1 ]; then
  printf '%s\n' "$actual" >"$golden"
  echo "updated $golden ($(wc -l <"$golden") lines)"
  exit 0
fi
if ! diff -u "$golden" <(printf '%s\n' "$actual"); then
  echo
  echo "the layout of a type that crosses the plugin boundary changed (- committed, + built)."
  echo "Within SDK ABI 2 a field may only be carved out of a struct's reserved words"
  echo "(docs/plugin-guide.md §5); anything else needs an ABI major bump."
  exit 1
fi
echo "$(wc -l <"$golden") sizes and offsets of the SDK types, as committed"
