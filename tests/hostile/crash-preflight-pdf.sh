# Hostile PDFs for preflight (issue 16): a deeply nested PostScript calculator function (type 4)
# in a shading, and an embedded font stream that is a Flate bomb, crashed preflight inside
# Poppler (stack, allocation). Poppler now reads the file in a child process with memory and
# time limits: whatever happens inside it, the answer is a finding or a one-line error.
source "$(dirname "$0")/lib.sh"

PYTHONPATH="$hostile_dir" python3 - <<'PY'
import zlib
from pdf_writer import write_pdf as pdf, stream

# A type 4 function nested 300,000 levels deep, used by an axial shading.
depth = 300000
calculator = b"{ " + b"{ " * depth + b"1 " + b"} " * depth + b"pop 0 0 0 }"
pdf("fonksiyon.pdf", [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R "
    b"/Resources << /Shading << /Sh1 5 0 R >> >> >>",
    stream(b"", b"/Sh1 sh\n"),
    b"<< /ShadingType 2 /ColorSpace /DeviceRGB /Coords [0 0 200 0] /Function 6 0 R >>",
    stream(b"/FunctionType 4 /Domain [0 1] /Range [0 1 0 1 0 1]", calculator),
])

# A TrueType font stream that inflates to 256 MiB of zeros.
deflate = zlib.compressobj(9)
chunk = bytes(64 << 20)
bomb = b"".join(deflate.compress(chunk) for _ in range(4)) + deflate.flush()
pdf("font.pdf", [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R "
    b"/Resources << /Font << /F1 5 0 R >> >> >>",
    stream(b"", b"BT /F1 12 Tf 10 10 Td (bomba) Tj ET\n"),
    b"<< /Type /Font /Subtype /TrueType /BaseFont /Bomba /FirstChar 32 /LastChar 126 "
    b"/Widths [" + b"500 " * 95 + b"] /FontDescriptor 6 0 R >>",
    b"<< /Type /FontDescriptor /FontName /Bomba /Flags 32 /FontBBox [0 0 1000 1000] "
    b"/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 7 0 R >>",
    stream(b"/Filter /FlateDecode /Length1 268435456", bomb),
])
PY
for file in fonksiyon.pdf font.pdf; do
  run 60 preflight "$file" --timeout 10
  if [ "$status" -ne 1 ] && [ "$status" -ne 2 ]; then
    fail "preflight $file exited with $status, expected 1 or 2"
    printf '%s\n' "$output" | tail -5
  fi
  if printf '%s\n' "$output" | grep -q "bad_alloc\|Segmentation\|Aborted"; then
    fail "preflight $file showed an internal error"
  fi
  echo "preflight $file: exit $status, $(printf '%s\n' "$output" | grep -E 'error|summary' | head -3 | tr '\n' ' ')"
done
finish
