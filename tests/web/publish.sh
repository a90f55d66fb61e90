#!/usr/bin/env bash
# web.publish: `dizgi publish` on the sample book, then the written folder is checked by tools
# nobody here wrote — the Nu HTML Checker (valid HTML), xmllint (the sitemap) — and opened in
# headless Chromium (check-site.mjs: lang, headings, images, links, no script).
# Arguments: the dizgi program, the source folder, a scratch folder.
set -euo pipefail
dizgi=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
cd "$source"   # the book names its template by name, found from the project's folder
site="$work/site"
modules="$source/tests/web/node_modules"
[ -d "$modules/playwright-core" ] || { echo "FAIL: $modules missing: run scripts/install-deps.sh"; exit 1; }

export SOURCE_DATE_EPOCH=1764720000   # 3 December 2025: the page's date is reproducible
# A first publish into the folder: the second below replaces its files and leaves no temporary.
"$dizgi" publish "$source/samples/kuzeykent/faaliyet-2025.xml" -o "$site" --quiet
"$dizgi" publish "$source/samples/kuzeykent/faaliyet-2025.xml" -o "$site" --pages --thumbnail-width 240 \
  --title "Kuzeykent Belediyesi Yayınları" --base-url "https://www.example.org/yayinlar/" --quiet
for f in "$site/index.html" "$site/sitemap.xml"; do [ -s "$f" ] || { echo "FAIL: $f not written"; exit 1; }; done
# The contents show the printed page numbers: roman in the front matter (the Sunuş is the
# third page of the web PDF, after the cover and the imprint on its back).
grep -q '#page=3">Başkan Sunuşu</a><span>iii</span>' "$site/index.html" ||
  { echo "FAIL: the contents do not show the printed page number of the Sunuş"; exit 1; }
grep -q 'Güncelleme: 3 Aralık 2025' "$site/index.html" || { echo "FAIL: the page's date is not the Turkish long form"; exit 1; }

# Valid HTML: the W3C's Nu checker, warnings included.
java -jar "$modules/vnu-jar/build/dist/vnu.jar" --also-check-css --Werror "$site/index.html"
# The sitemap: well-formed, absolute addresses, the PDF listed.
xmllint --noout "$site/sitemap.xml"
grep -q '<loc>https://www.example.org/yayinlar/pdf/.*\.pdf</loc>' "$site/sitemap.xml" ||
  { echo "FAIL: the sitemap does not list the PDF"; exit 1; }

[ "$(find "$site" -name '.*' | wc -l)" = 0 ] || { echo "FAIL: temporary files left in the site"; exit 1; }

node "$source/tests/web/check-site.mjs" "$site" 1
