# Hostile plugin folders (issue 16): a shared object whose section header names point outside
# the file crashed `dizgi plugins`; dangling or looping *.so links were skipped silently even
# with --strict; a DIZGI_PLUGIN_PATH entry that is a file was reported as missing.
source "$(dirname "$0")/lib.sh"

mkdir -p plugins
# A copy of a real plugin with e_shstrndx (offset 62 of the ELF header) pointing past the table.
plugin=$(dirname "$dizgi")/../lib/dizgi/plugins/dizgi-csv.so
cp "$plugin" plugins/dizgi-bozuk.so
printf '\xf0\xff' | dd of=plugins/dizgi-bozuk.so bs=1 seek=62 conv=notrunc status=none
ln -s nowhere.so plugins/dizgi-kayip.so
ln -s dizgi-dongu.so plugins/dizgi-dongu.so
DIZGI_PLUGIN_PATH=$work/plugins expect 1 "dizgi-bozuk.so: warning: not a dizgi plugin: not a shared library for this system \(section name table index out of range\)" 20 plugins --strict
DIZGI_PLUGIN_PATH=$work/plugins expect 1 "dizgi-kayip.so: warning: plugin link cannot be followed" 20 plugins --strict
DIZGI_PLUGIN_PATH=$work/plugins expect 1 "dizgi-dongu.so: warning: plugin link cannot be followed" 20 plugins --strict
DIZGI_PLUGIN_PATH=$work/plugins/dizgi-bozuk.so expect 1 "is not a folder" 20 plugins --strict
finish
