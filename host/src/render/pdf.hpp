// Rendering laid-out pages with Cairo: PDF for output, PNG for previews and golden tests.
#pragma once

#include "layout/page_model.hpp"
#include "output/profile.hpp"
#include "render/tags.hpp"

#include <dizgi/model/document.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace dizgi::render {

// What rendering takes from the output profile.
struct PdfOptions {
  double bleed_pt = 0;     // backgrounds touching the trim are extended this far
  output::Marks marks;     // printer's marks, outside the bleed
  double margin_pt = 0;    // trim to media edge (bleed, or bleed and marks)
  int page_multiple = 1;   // blank pages are added up to a multiple of this (binding)
  bool drop_blank_pages = false;  // blank pages of the layout are left out (web)
  double image_ppi = 0;    // images above this resolution are downsampled (0: kept)
  bool tagged = false;     // content marked for a tagged PDF (structure recorded in PageGeometry)
  bool form_fields = false;  // form widgets recorded for an AcroForm; their values left undrawn
  std::string slug;        // slug line text; the page label is appended
  // Streams left uncompressed, for a caller that rewrites the file and compresses it then (the
  // post-processor): compressing them here too cost a sixth of a long table's print build.
  bool compress_streams = true;
  // Files (temporary, made by the caller) for the parts of a long untagged book written on
  // threads of their own: write_pdf uses as many as the book's length warrants
  // (PageGeometry::parts) and the post-processor joins them after the first.
  std::vector<std::filesystem::path> part_files;
  static PdfOptions from(const output::OutputProfile& profile);
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
// A form field's widget on a page, in PDF user space: the post-processor writes the AcroForm.
struct FieldRecord {
  int page = 0;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  layout::FieldWidget widget;
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
  double bleed_pt = 0;
  int pages = 0;             // pages written, blank ones included
  std::vector<std::string> page_labels;  // of each page written
  int parts = 1;             // files written: the one asked for, then PdfOptions::part_files
  int blank_pages_added = 0;  // for the binding
  int blank_pages_dropped = 0;  // blank pages of the layout left out
  std::vector<LinkRecord> links;
  std::map<std::string, DestinationRecord> destinations;
  std::vector<OutlineRecord> outline;
  std::vector<FieldRecord> fields;  // in layout order: the tab order
  StructureRecord structure;  // tagged profiles: the logical structure of what was drawn
  std::vector<int> landscape_pages;  // pages written (0-based) whose text area is turned
};

// The fewest pages a part of a book written on several threads has (PdfOptions::part_files).
inline constexpr std::size_t kPagesPerPart = 100;

// Writes the book as PDF to `file` (a temporary file: the caller renames). Throws
// Error(ErrorCode::render) when Cairo fails.
PageGeometry write_pdf(const layout::LaidOutBook& book, const doc::Metadata& metadata,
                       const std::filesystem::path& file, const PdfOptions& options);

// Renders one page (0-based) to a PNG at `dpi` (previews, thumbnails, golden tests).
void write_png(const layout::LaidOutBook& book, int page, double dpi, const std::filesystem::path& file);

}  // namespace dizgi::render
