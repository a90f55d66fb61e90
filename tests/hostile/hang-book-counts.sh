# book.xml validation was quadratic (issue 16): 200,000 inline texts, 100,000 attributes on one
# element or 300,000 layout parameters took minutes. Counts are capped before validating.
source "$(dirname "$0")/lib.sh"

head='<?xml version="1.0" encoding="UTF-8"?><book version="1"><meta><title>T</title></meta><layout plugin="bench-kitap">'
python3 - "$head" <<'PY'
import sys
head = sys.argv[1]
with open("texts.xml", "w") as f:
    f.write(head + "</layout><texts>")
    f.write("".join('<text id="t%d">x</text>' % i for i in range(200000)))
    f.write("</texts></book>")
with open("attributes.xml", "w") as f:
    f.write(head + "</layout><data><source name=\"a\" plugin=\"csv\" ")
    f.write(" ".join('a%d="1"' % i for i in range(100000)))
    f.write("/></data></book>")
with open("params.xml", "w") as f:
    f.write(head)
    f.write("".join('<param name="p%d" value="1"/>' % i for i in range(300000)))
    f.write("</layout></book>")
PY
expect 2 "texts.xml:1: error: more than 20000 elements" 10 check texts.xml
expect 2 "attributes.xml:1: error: an element has more than 256 attributes" 10 check attributes.xml
expect 2 "params.xml:1: error: more than 20000 elements" 10 check params.xml
finish
