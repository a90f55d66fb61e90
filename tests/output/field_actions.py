#!/usr/bin/env python3
# Lists the fields of a PDF form as an outside tool (pypdf) reads them: usage  field_actions.py IN.pdf
# One line per widget, in page and annotation order, tab-separated: the fully qualified name,
# /DizgiKind, the stored value (/V), the format script (/AA /F /JS), the keystroke script
# (/AA /K /JS), "-" for what is missing, and the widget's object number.
import sys

from pypdf import PdfReader

from fill_form import qualified_name  # beside this script


def script(actions, key):
    if actions is None or key not in actions:
        return "-"
    return str(actions[key].get_object().get("/JS", "-"))


def main():
    for page in PdfReader(sys.argv[1]).pages:
        for ref in page.get("/Annots", []) or []:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Widget":
                continue
            actions = annot.get("/AA")
            actions = actions.get_object() if actions is not None else None
            value = annot.get("/V")
            print("\t".join([qualified_name(annot), str(annot.get("/DizgiKind", "-")).lstrip("/"),
                             "-" if value is None else str(value), script(actions, "/F"), script(actions, "/K"),
                             str(ref.idnum)]))


if __name__ == "__main__":
    main()
