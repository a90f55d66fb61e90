# Writes small PDFs for the hostile preflight cases: objects numbered from 1 (1 is the
# catalog), a classic cross-reference table and trailer. Imported by the scripts' Python.
def write_pdf(name, objects):
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
    with open(name, "wb") as f:
        f.write(out)


def stream(extra, data):
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"
