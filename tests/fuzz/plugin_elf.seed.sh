#!/usr/bin/env bash
# Seeds plugin_elf_fuzz with small shared objects built here (no binaries in the repository):
# one with a "dizgi" section and a symbol in it, one stripped of its section headers' table.
set -euo pipefail
corpus=${1:?corpus folder}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/seed.c" <<'C'
__attribute__((section("dizgi"), used)) const char dizgi_plugin_info[] = "seed";
int dizgi_plugin_register(void) { return 0; }
C
cc -shared -fPIC -nostdlib -Os -o "$corpus/seed-plugin.so" "$work/seed.c"
cc -shared -fPIC -nostdlib -Os -s -o "$corpus/seed-stripped.so" "$work/seed.c"
