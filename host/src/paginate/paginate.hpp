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
  // The caller will not read the document again (it only destroys it): when one pass is known
  // to be enough (no generated list or page reference), layout frees what it has set as it
  // goes (layout::FlowOptions::release_rows).
  bool release_document = false;
  // Threads a long table's rows may be set on (layout::FlowOptions::threads); 0: the machine's
  // cores, at most two.
  unsigned threads = 0;
};

// Lays out and paginates a document. Never throws for content problems (missing image,
// missing glyph, loose line): they become diagnostics in `sink` and visible placeholders.
std::unique_ptr<layout::LaidOutBook> lay_out(const doc::Document& document, const layout::Template& style,
                                             text::Shaper& shaper, DiagnosticSink& sink,
                                             const Options& options = {});

}  // namespace dizgi::paginate
