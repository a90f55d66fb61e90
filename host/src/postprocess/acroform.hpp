// Post-processing step: form fields. The widgets layout placed (render::FieldRecord) become an
// interactive AcroForm (profiles with form-fields="true"; docs/forms.md):
//   - names: a field named "gosterge.PG1.1.1.gerceklesme.2025" is the terminal field "2025"
//     under the non-terminal fields gosterge → PG1 → 1 → 1 → gerceklesme, so that its fully
//     qualified name is the data model's name;
//   - kinds: text, multi-line, date, number, money, percentage → text fields (/Tx); checkbox →
//     /Btn with /Yes and /Off appearances; choice and radio → a combo box (/Ch);
//   - tooltips (/TU), required and read-only flags, maximum length; widgets in layout order on
//     each page, which is the tab order (/Tabs /R; a tagged profile makes each widget a Form
//     element in layout order and sets /Tabs /S);
//   - the default appearance font is DejaVu Sans, embedded whole in the form's /DR with a
//     Windows-1254 encoding, so that İ ı Ş ş Ğ ğ typed into a field get an appearance;
//   - each terminal field carries /DizgiKind (the field kind) and, when the form has one,
//     /DizgiForm (its "form-id"): the pdfform data source reads them back.
#pragma once

#include "render/pdf.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <string>
#include <vector>

namespace dizgi::postprocess {

// Writes the AcroForm; nothing when `geometry` has no fields. Returns the widgets in layout
// order (for the structure tree). Throws Error(ErrorCode::usage) when the form font cannot be
// found.
std::vector<QPDFObjectHandle> add_form_fields(QPDF& pdf, const render::PageGeometry& geometry);

// The name /DizgiKind gives a field kind: "text", "multiline", "date", "number", "money",
// "percentage", "checkbox", "choice" (the pdfform source documents the same list).
std::string field_kind_name(doc::FieldKind kind);

}  // namespace dizgi::postprocess
