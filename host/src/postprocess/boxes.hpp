// Post-processing step: page boxes. MediaBox (trim, bleed and marks), BleedBox (trim plus
// bleed) and TrimBox (the finished page) on every page of a print PDF.
#pragma once

#include "render/pdf.hpp"

#include <qpdf/QPDF.hh>

namespace dizgi::postprocess {

void set_page_boxes(QPDF& pdf, const render::PageGeometry& geometry);

}  // namespace dizgi::postprocess
