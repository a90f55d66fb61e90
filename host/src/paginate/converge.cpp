#include "paginate/paginate.hpp"

#include "layout/flow.hpp"
#include "paginate/counters.hpp"
#include "paginate/furniture.hpp"
#include "paginate/page_run.hpp"
#include "util/parallel.hpp"

#include <map>
#include <set>

namespace dizgi::paginate {

using namespace layout;

// With worker threads asked for (DIZGI_THREADS >= 2; off by default, see docs/performance.md),
// sets the book's paragraphs before the first pass: a speculative run of the
// builder shapes each paragraph (on this thread) and SetBatch breaks them into lines on worker
// threads. Its results only fill the cache, keyed by everything that decides the lines, so a
// paragraph the real passes set differently is simply set again: the output cannot change.
namespace {

void prefill(const doc::Document& document, const Template& style, text::Shaper& shaper,
             const Options& options, const Counters& scan, SetCache& cache) {
  unsigned threads = setting_threads();
  if (threads < 2) return;
  DiagnosticSink scratch;
  std::map<std::string, std::string> no_pages;
  SetBatch batch(cache, threads);
  layout::FlowOptions flow_options{options.base_dir};
  layout::Flow speculative(document, style, shaper, scratch, flow_options, scan, no_pages, &cache, &batch);
  speculative.build();
  batch.run();
}

}  // namespace

std::unique_ptr<LaidOutBook> lay_out(const doc::Document& document, const Template& style,
                                     text::Shaper& shaper, DiagnosticSink& sink,
                                     const Options& options) {
  auto book = std::make_unique<LaidOutBook>();
  book->style = style;
  Counters scan = count(document, style);
  std::map<std::string, std::string> page_of_id;
  SetCache set_cache;  // paragraphs are set once; the passes differ only in generated lists
  prefill(document, book->style, shaper, options, scan, set_cache);
  for (int pass = 1; pass <= options.max_passes; ++pass) {
    // Only the last pass's diagnostics matter; earlier passes repeat them.
    DiagnosticSink pass_sink;
    // The previous pass's pages and elements are not needed any more: freeing them first keeps
    // the peak at one element list (plus the paragraph cache) rather than two.
    book->pages.clear();
    book->element_lists.clear();
    // Without a generated list or a page reference the first pass is the last.
    layout::FlowOptions flow_options{options.base_dir, options.release_document && !scan.needs_pages};
    flow_options.threads = options.threads > 0 ? options.threads : util::cores(2);
    layout::Flow builder(document, book->style, shaper, pass_sink, flow_options, scan, page_of_id, &set_cache);
    std::vector<Element> elements = builder.build();
    book->helper_shapers = builder.take_helper_shapers();
    const PageMaster& master = book->style.page;
    PageRun paginator(builder.text_height(), master.columns, builder.text_width() + mm_to_pt(master.gutter_mm),
                      master.facing, book->style.body_start == layout::PageBreak::recto,
                      mm_to_pt(master.width_mm - master.inner_mm - master.outer_mm));
    book->element_lists.clear();
    book->element_lists.push_back(std::move(elements));
    book->pages = paginator.run(book->element_lists.back());
    label_pages(book->pages);
    std::map<std::string, std::string> found;
    for (const Page& page : book->pages) {
      for (const Placed& placed : page.content) {
        for (const std::string& anchor : placed.element->anchors) found.emplace(anchor, page.label);
      }
    }
    book->passes = pass;
    // Without a generated list or a page reference, nothing depends on page numbers.
    bool stable = found == page_of_id || !scan.needs_pages;
    page_of_id = std::move(found);
    if (stable || pass == options.max_passes) {
      for (const Diagnostic& d : pass_sink.diagnostics()) sink.report(d);
      std::set<std::string> missing_reported;
      for (const Page& page : book->pages) {
        std::vector<Placed> all = page.content;
        all.insert(all.end(), page.footnotes.begin(), page.footnotes.end());
        for (const Placed& placed : all) {
          for (const Run& run : placed.element->runs) {
            if (!run.shaped) continue;
            for (const std::string& message : run.shaped->missing) {
              // Once per font and character, at the first page where it is set.
              if (!missing_reported.insert(message).second) continue;
              sink.error("text.missing-glyph", Location{{}, 0, 0, "page " + page.label}, message,
                         "choose a font that covers it or add one to fonts/user/");
            }
          }
          for (const std::string& where : placed.element->loose) {
            sink.warn("layout.loose-line", Location{{}, 0, 0, "page " + page.label + ", " + where},
                      "line cannot be set within the spacing limits",
                      "rephrase, allow hyphenation or widen the measure");
          }
        }
      }
      if (!stable) {
        sink.warn("layout.unstable-references", Location{},
                  "page numbers did not settle after " + std::to_string(pass) + " passes");
      }
      break;
    }
  }
  book->storage.clear();
  add_furniture(*book, shaper);
  book->outline.clear();
  for (const Page& page : book->pages) {
    for (const Placed& placed : page.content) {
      const Element* e = placed.element;
      if (e->heading_level > 0 && e->heading_in_outline)
        book->outline.push_back({e->heading_level, e->heading_text, e->heading_id, page.index});
    }
  }
  return book;
}

}  // namespace dizgi::paginate
