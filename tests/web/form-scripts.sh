#!/usr/bin/env bash
# web.form-scripts: the fillable web form of one unit (veri-toplama layout) opened in PDF.js with
# its form scripts running, in headless Chromium (form-scripts.mjs): a figure typed the Turkish
# way is shown grouped and stored with its decimal comma, letters are refused.
# Arguments: the dizgi program, the source folder, a scratch folder.
set -euo pipefail
dizgi=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work/data"
modules="$source/tests/web/node_modules"
[ -d "$modules/pdfjs-dist" ] || { echo "FAIL: $modules/pdfjs-dist missing: run scripts/install-deps.sh"; exit 1; }
cp "$source/samples/kuzeykent/data/kuzeykent.sql" "$work/data/"
cat > "$work/book.xml" <<'BOOK'
<?xml version="1.0" encoding="UTF-8"?>
<book>
  <meta><title>Veri Toplama Formu</title><year>2025</year><language>tr-TR</language></meta>
  <layout plugin="veri-toplama"><param name="yil" value="2025"/><param name="birim" value="27"/></layout>
  <template name="kurumsal"/>
  <data><source name="ana" plugin="sqlite" file="data/kuzeykent.sql"/></data>
  <outputs><output profile="web" file="form.pdf"/></outputs>
</book>
BOOK
cd "$source"   # the book names its template by name, found from the project's folder
"$dizgi" build "$work/book.xml" -o "$work/out" --quiet
node "$source/tests/web/form-scripts.mjs" "$work/out/form.pdf"
