#!/usr/bin/env python3
# Fills a PDF form the way an outside tool does, with pypdf (Debian python3-pypdf), not with
# dizgi's writer: usage  fill_form.py IN.pdf OUT.pdf VALUES.json
# VALUES.json maps fully qualified field names to values: a string for text fields (stored as
# the field's /V), true/false for check boxes (/V and /AS set to the on state or /Off). Every
# named field must exist, or the script fails. NeedAppearances is set so viewers redraw.
import json
import sys

from pypdf import PdfReader, PdfWriter
from pypdf.generic import BooleanObject, NameObject, TextStringObject


def qualified_name(field):
    parts = []
    while field is not None:
        if "/T" in field:
            parts.append(str(field["/T"]))
        field = field.get("/Parent")
        field = field.get_object() if field is not None else None
    return ".".join(reversed(parts))


def main():
    source, target, values_file = sys.argv[1:4]
    with open(values_file, encoding="utf-8") as f:
        values = json.load(f)
    writer = PdfWriter()
    writer.clone_document_from_reader(PdfReader(source))
    done = set()
    for page in writer.pages:
        for ref in page.get("/Annots", []) or []:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Widget":
                continue
            name = qualified_name(annot)
            if name not in values:
                continue
            value = values[name]
            if isinstance(value, bool):
                on = next((k for k in annot["/AP"]["/N"].keys() if k != "/Off"), "/Yes")
                state = NameObject(on if value else "/Off")
                annot[NameObject("/V")] = state
                annot[NameObject("/AS")] = state
            else:
                annot[NameObject("/V")] = TextStringObject(value)
            done.add(name)
    missing = sorted(set(values) - done)
    if missing:
        sys.exit("fill_form.py: no such fields: " + ", ".join(missing))
    root = writer._root_object
    if "/AcroForm" in root:
        root["/AcroForm"].get_object()[NameObject("/NeedAppearances")] = BooleanObject(True)
    with open(target, "wb") as f:
        writer.write(f)


if __name__ == "__main__":
    main()
