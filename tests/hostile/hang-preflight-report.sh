# Preflight of a page with millions of fills (issue 16): --timeout must hold in every stage,
# the check and the visual report's thumbnails (these ran for more than 300 s with --timeout 5).
source "$(dirname "$0")/lib.sh"

python3 - <<'PY'
import zlib
fills = b"10 10 2 2 re f\n" * 6000000
content = zlib.compress(fills, 6)
objects = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
]
out = bytearray(b"%PDF-1.5\n")
offsets = []
for number, body in enumerate(objects, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
for offset in offsets:
    out += b"%010d 00000 n \n" % offset
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
open("dolgu.pdf", "wb").write(out)
PY
start=$(date +%s)
expect 1 "input.timeout|checking stopped after 2 s" 20 preflight dolgu.pdf --timeout 2 --report rapor.pdf
elapsed=$(( $(date +%s) - start ))
[ -s rapor.pdf ] || fail "no report was written"
echo "preflight with the report ended after ${elapsed}s"
finish
