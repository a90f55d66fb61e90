# Preflight of a page with millions of fills (issue 16): --timeout must hold in every stage,
# the check and the visual report's thumbnails (these ran for more than 300 s with --timeout 5).
source "$(dirname "$0")/lib.sh"

PYTHONPATH="$hostile_dir" python3 - <<'PY'
import zlib
from pdf_writer import write_pdf, stream
content = zlib.compress(b"10 10 2 2 re f\n" * 6000000, 6)
write_pdf("dolgu.pdf", [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    stream(b"/Filter /FlateDecode", content),
])
PY
start=$(date +%s)
expect 1 "input.timeout|checking stopped after 2 s" 20 preflight dolgu.pdf --timeout 2 --report rapor.pdf
elapsed=$(( $(date +%s) - start ))
[ -s rapor.pdf ] || fail "no report was written"
echo "preflight with the report ended after ${elapsed}s"
finish
