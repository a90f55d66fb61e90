// Rendering laid-out pages with Cairo: PDF for output, PNG for previews and golden tests.
#pragma once

#include "layout/page_model.hpp"

#include <dizgi/model/document.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace dizgi::render {

struct PdfOptions {
  bool bleed = false;  // print: media box = trim + bleed on every side
};

// Links, destinations and outline entries, in PDF user space (origin at the lower left). Cairo
// 1.16 drops link annotations whose destination lies on a later page, so the post-processor
// writes them with qpdf instead.
struct LinkRecord {
  int page = 0;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::string target;  // "#anchor" or a URI
};
struct DestinationRecord {
  int page = 0;
  double x = 0, y = 0;
};
struct OutlineRecord {
  int level = 1;
  std::string title;
  std::string id;
};

// What the post-processor needs: page boxes and the navigation of the document.
struct PageGeometry {
  double media_w_pt = 0, media_h_pt = 0;
  double trim_x_pt = 0, trim_y_pt = 0, trim_w_pt = 0, trim_h_pt = 0;
  std::vector<LinkRecord> links;
  std::map<std::string, DestinationRecord> destinations;
  std::vector<OutlineRecord> outline;
};

// Writes the book as PDF to `file` (a temporary file: the caller renames). Throws
// Error(ErrorCode::render) when Cairo fails.
PageGeometry write_pdf(const layout::LaidOutBook& book, const doc::Metadata& metadata,
                       const std::filesystem::path& file, const PdfOptions& options);

// Renders one page (0-based) to a PNG at `dpi` (previews, thumbnails, golden tests).
void write_png(const layout::LaidOutBook& book, int page, double dpi, const std::filesystem::path& file);

}  // namespace dizgi::render
