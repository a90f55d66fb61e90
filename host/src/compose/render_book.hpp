// From a composed document to a finished PDF on disk: lay out, render, post-process, and only
// then rename over the target (a failed build leaves the previous PDF untouched).
#pragma once

#include "layout/template.hpp"
#include "output/colour_map.hpp"
#include "output/profile.hpp"

#include <dizgi/diagnostics.hpp>
#include <dizgi/model/document.hpp>

#include <filesystem>
#include <memory>
#include <string>

namespace dizgi::text {
class Shaper;
}

namespace dizgi::compose {

struct RenderRequest {
  output::OutputProfile profile;  // what the PDF is for (output::load_profile); the default is a
                                  // plain RGB PDF without bleed, marks or PDF/X markers
  std::filesystem::path output;
  std::filesystem::path base_dir;  // images are resolved against the book's folder
  std::filesystem::path preview_png;  // optional: page 1 as PNG (cover thumbnail)
  int thumbnail_width_px = 0;          // the thumbnails' width (0: 48 dpi)
  bool thumbnail_every_page = false;   // also NAME-p001.png ... beside preview_png
  // The renderer's last output: its pages are let go once drawn, before post-processing (a
  // later request lays the book out again, which needs a document still held).
  bool last = false;
};

struct RenderResult {
  int pages = 0;              // pages written, blank pages for the binding included
  int passes = 0;
  int blank_pages_added = 0;  // padding to the binding's multiple
  int blank_pages_dropped = 0;  // blank pages of the layout the profile leaves out
};

// The template's colours with their CMYK values and the colours of printer's marks: what
// post-processing needs to write the designer's exact CMYK.
output::ColourMap colour_map(const layout::Template& style);

RenderResult render_book(const doc::Document& document, const layout::Template& style,
                         const RenderRequest& request, DiagnosticSink& sink);

// Renders one document to several outputs (print and web) from a single layout: the pages do
// not depend on the profile, only the rendering and post-processing do. The template (and a
// document it does not own) must outlive it. Lays out again only when a request names another
// base folder.
class BookRenderer {
 public:
  // With a `shaper`, the book is shaped with it (fonts and fragments shared with other books of
  // the same job session; it must outlive the renderer and is pointed at `sink` while in use);
  // without, the renderer has a Shaper of its own.
  BookRenderer(const doc::Document& document, const layout::Template& style, DiagnosticSink& sink,
               text::Shaper* shaper = nullptr);
  // Owns the document and lets it go once the book is laid out: the layout serves every
  // request with the same base folder, and one with another fails.
  BookRenderer(doc::Document&& document, const layout::Template& style, DiagnosticSink& sink,
               text::Shaper* shaper = nullptr);
  ~BookRenderer();
  BookRenderer(const BookRenderer&) = delete;
  BookRenderer& operator=(const BookRenderer&) = delete;

  RenderResult render(const RenderRequest& request);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace dizgi::compose
