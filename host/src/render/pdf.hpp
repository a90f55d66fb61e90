// Rendering laid-out pages with Cairo: PDF for output, PNG for previews and golden tests.
#pragma once

#include "layout/engine.hpp"

#include <dizgi/model/document.hpp>

#include <filesystem>

namespace dizgi::render {

struct PdfOptions {
  bool bleed = false;  // print: media box = trim + bleed on every side
};

// Geometry the post-processor needs to write the page boxes.
struct PageGeometry {
  double media_w_pt = 0, media_h_pt = 0;
  double trim_x_pt = 0, trim_y_pt = 0, trim_w_pt = 0, trim_h_pt = 0;
};

// Writes the book as PDF to `file` (a temporary file: the caller renames). Throws
// Error(ErrorCode::render) when Cairo fails.
PageGeometry write_pdf(const layout::LaidOutBook& book, const doc::Metadata& metadata,
                       const std::filesystem::path& file, const PdfOptions& options);

// Renders one page (0-based) to a PNG at `dpi` (previews, thumbnails, golden tests).
void write_png(const layout::LaidOutBook& book, int page, double dpi, const std::filesystem::path& file);

}  // namespace dizgi::render
