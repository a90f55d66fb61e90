#include "postprocess/boxes.hpp"

#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <vector>

namespace dizgi::postprocess {

namespace {

QPDFObjectHandle box(double x0, double y0, double x1, double y1) {
  return QPDFObjectHandle::newFromRectangle(QPDFObjectHandle::Rectangle(x0, y0, x1, y1));
}

}  // namespace

void set_page_boxes(QPDF& pdf, const render::PageGeometry& g) {
  // PDF user space has its origin at the lower left; Cairo's trim origin is at the upper left.
  const double x0 = g.trim_x_pt, x1 = g.trim_x_pt + g.trim_w_pt;
  const double y1 = g.media_h_pt - g.trim_y_pt, y0 = y1 - g.trim_h_pt;
  const double b = g.bleed_pt;
  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    QPDFObjectHandle dict = page.getObjectHandle();
    dict.replaceKey("/MediaBox", box(0, 0, g.media_w_pt, g.media_h_pt));
    dict.replaceKey("/BleedBox", box(x0 - b, y0 - b, x1 + b, y1 + b));
    dict.replaceKey("/TrimBox", box(x0, y0, x1, y1));
  }
}

void show_landscape_upright(QPDF& pdf, const render::PageGeometry& g) {
  std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
  for (int index : g.landscape_pages) {
    if (index < 0 || static_cast<std::size_t>(index) >= pages.size()) continue;
    // The content is turned against the clock; a clockwise quarter turn shows it upright.
    pages[static_cast<std::size_t>(index)].getObjectHandle().replaceKey("/Rotate", QPDFObjectHandle::newInteger(90));
  }
}

}  // namespace dizgi::postprocess
