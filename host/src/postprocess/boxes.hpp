// Post-processing step: page boxes. MediaBox (trim, bleed and marks), BleedBox (trim plus
// bleed) and TrimBox (the finished page) on every page of a print PDF; and how a viewer turns
// the pages whose text area is turned.
#pragma once

#include "render/pdf.hpp"

#include <qpdf/QPDF.hh>

namespace dizgi::postprocess {

void set_page_boxes(QPDF& pdf, const render::PageGeometry& geometry);

// Gives the landscape pages (a turned table's) /Rotate 90, so that a viewer shows their table
// upright (the web profile's `landscape-pages="upright"`).
void show_landscape_upright(QPDF& pdf, const render::PageGeometry& geometry);

}  // namespace dizgi::postprocess
