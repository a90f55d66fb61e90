// Post-processing steps: navigation. Link annotations (Cairo 1.16 drops links to later pages,
// so they are written here) and the outline (bookmarks) from the headings.
#pragma once

#include "render/pdf.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <vector>

namespace dizgi::postprocess {

// Internal links go to explicit destinations, URIs get an action; links to nothing are left out.
// Returns the annotations, one per LinkRecord of `geometry` (null where none was written).
std::vector<QPDFObjectHandle> add_links(QPDF& pdf, const render::PageGeometry& geometry);
// The outline as a tree following heading levels; chapters open, deeper levels closed.
void add_outline(QPDF& pdf, const render::PageGeometry& geometry);

}  // namespace dizgi::postprocess
