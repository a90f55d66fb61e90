# Template values were not range-checked (issue 16): nan/inf page sizes wrote a broken PDF with
# exit 0, 1e30pt ended in vector::_M_range_check, negative margins and leading passed.
source "$(dirname "$0")/lib.sh"

for attribute in 'width="nan"' 'height="inf"' 'width="1e30pt"' 'inner="-10mm"' 'top="1e300mm"'; do
  book b
  cat > b/sablon.xml <<XML
<?xml version="1.0" encoding="UTF-8"?>
<template name="deneme">
  <page size="A4" $attribute/>
</template>
XML
  sed -i 's|<data>|<template file="sablon.xml"/><data>|' b/book.xml
  expect 2 "sablon.xml:3:[0-9]+: error: [a-z]+ of page is (not a length|out of range|negative)" 20 build b/book.xml -o out --no-preflight --no-preview --quiet
  [ ! -e out/deneme.pdf ] || fail "a PDF was written with $attribute"
done
book b
cat > b/sablon.xml <<XML
<?xml version="1.0" encoding="UTF-8"?>
<template name="deneme">
  <style name="body" leading="-5pt"/>
</template>
XML
sed -i 's|<data>|<template file="sablon.xml"/><data>|' b/book.xml
expect 2 "leading of style 'body' is negative" 20 build b/book.xml -o out --no-preflight --no-preview --quiet
finish
