// Post-processing step: document metadata. An XMP packet (title, author, subject, dates,
// creator tool, producer, document and instance ID, trapping, for PDF/X-4 the
// pdfxid:GTS_PDFXVersion identification, for tagged files the PDF/UA-1 identification) that agrees with the Info dictionary, which gets
// GTS_PDFXVersion, Trapped and ModDate to match.
#pragma once

#include <qpdf/QPDF.hh>

#include <string>

namespace dizgi::postprocess {

struct XmpOptions {
  std::string pdfx_version;  // "PDF/X-4" or empty
  std::string document_id;   // a stable identifier of the content (hex); becomes a uuid
  bool pdfua = false;        // tagged for accessibility: pdfuaid:part 1 (PDF/UA-1)
};

void add_metadata(QPDF& pdf, const XmpOptions& options);

// "D:20261203092137Z" or "D:20261203092137+03'00'" as XMP's "2026-12-03T09:21:37Z" /
// "+03:00"; empty when the PDF date cannot be read.
std::string xmp_date(const std::string& pdf_date);

}  // namespace dizgi::postprocess
