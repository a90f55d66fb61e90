// Pagination: counts the document (counters.hpp), lays its blocks out (layout/flow.hpp), runs
// the elements onto pages (page_run.hpp), adds page furniture (furniture.hpp) and repeats until
// the page numbers that generated lists and page references show are stable (converge.cpp).
#pragma once

#include "layout/page_model.hpp"

#include <dizgi/diagnostics.hpp>
#include <dizgi/model/document.hpp>

#include <filesystem>
#include <memory>

namespace dizgi::paginate {

struct Options {
  std::filesystem::path base_dir;  // images are resolved against it
  int max_passes = 4;
};

// Lays out and paginates a document. Never throws for content problems (missing image,
// missing glyph, loose line): they become diagnostics in `sink` and visible placeholders.
std::unique_ptr<layout::LaidOutBook> lay_out(const doc::Document& document, const layout::Template& style,
                                             text::Shaper& shaper, DiagnosticSink& sink,
                                             const Options& options = {});

}  // namespace dizgi::paginate
