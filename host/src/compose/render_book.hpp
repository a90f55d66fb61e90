// From a composed document to a finished PDF on disk: lay out, render, post-process, and only
// then rename over the target (a failed build leaves the previous PDF untouched).
#pragma once

#include "layout/template.hpp"

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
  std::string profile = "web";  // "print" or "web"
  std::filesystem::path output;
  std::filesystem::path base_dir;  // images are resolved against the book's folder
  std::filesystem::path preview_png;  // optional: page 1 as PNG (cover thumbnail)
};

struct RenderResult {
  int pages = 0;
  int passes = 0;
};

RenderResult render_book(const doc::Document& document, const layout::Template& style,
                         const RenderRequest& request, DiagnosticSink& sink);

// Renders one document to several outputs (print and web) from a single layout: the pages do
// not depend on the profile, only the rendering and post-processing do. The document and
// template must outlive it. Lays out again only when a request names another base folder.
class BookRenderer {
 public:
  // With a `shaper`, the book is shaped with it (fonts and fragments shared with other books of
  // the same job session; it must outlive the renderer and is pointed at `sink` while in use);
  // without, the renderer has a Shaper of its own.
  BookRenderer(const doc::Document& document, const layout::Template& style, DiagnosticSink& sink,
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
