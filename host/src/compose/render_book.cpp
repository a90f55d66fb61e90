#include "compose/render_book.hpp"

#include "layout/fonts.hpp"
#include "paginate/paginate.hpp"
#include "postprocess/finish.hpp"
#include "render/marks.hpp"
#include "render/pdf.hpp"
#include "text/shaper.hpp"
#include "util/atomic_file.hpp"
#include "util/parallel.hpp"

#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <memory>
#include <vector>

namespace dizgi::compose {

output::ColourMap colour_map(const layout::Template& style) {
  output::ColourMap map;
  // Black first, so the template's 0/0/0/100 and pure RGB black are one K-only colour.
  map.add(0, 0, 0, output::ProcessColour{0, 0, 0, 100}, "black");
  // A colour that looks like an earlier one on screen keeps the earlier CMYK: the PDF cannot
  // tell them apart.
  for (const auto& [name, colour] : style.colors) {
    map.add(colour.r, colour.g, colour.b, output::ProcessColour{colour.c, colour.m, colour.y, colour.k}, name);
  }
  render::add_mark_colours(map);
  return map;
}

namespace {

unsigned render_threads() {
  if (const char* value = std::getenv("DIZGI_RENDER_THREADS")) {
    const int n = std::atoi(value);
    if (n >= 1) return static_cast<unsigned>(std::min(n, 16));
  }
  return util::cores(4);
}

}  // namespace

struct BookRenderer::State {
  State(const doc::Document* d, const layout::Template& t, DiagnosticSink& s, text::Shaper* shared)
      : document(d), style(t), sink(s), own_shaper(shared ? nullptr : std::make_unique<text::Shaper>(&s)),
        shaper(shared ? *shared : *own_shaper) {
    shaper.set_sink(&s);
  }
  ~State() {
    if (!own_shaper) shaper.set_sink(nullptr);  // the shared Shaper outlives this book's sink
  }
  State(const State&) = delete;
  State& operator=(const State&) = delete;
  std::unique_ptr<doc::Document> owned;  // a document given to the renderer, let go once laid out
  const doc::Document* document;         // null once let go
  doc::Metadata metadata;
  const layout::Template& style;
  DiagnosticSink& sink;
  std::unique_ptr<text::Shaper> own_shaper;
  text::Shaper& shaper;  // the pages' glyph runs point into it
  std::unique_ptr<layout::LaidOutBook> book;
  std::filesystem::path laid_out_for;
  bool fonts_ready = false;  // the book's fonts/ are added before anything is shaped
};

BookRenderer::BookRenderer(const doc::Document& document, const layout::Template& style, DiagnosticSink& sink,
                           text::Shaper* shaper)
    : state_(std::make_unique<State>(&document, style, sink, shaper)) {
  state_->metadata = document.metadata;
}

BookRenderer::BookRenderer(doc::Document&& document, const layout::Template& style, DiagnosticSink& sink,
                           text::Shaper* shaper)
    : state_(std::make_unique<State>(nullptr, style, sink, shaper)) {
  state_->metadata = document.metadata;
  state_->owned = std::make_unique<doc::Document>(std::move(document));
  state_->document = state_->owned.get();
}

BookRenderer::~BookRenderer() = default;

RenderResult BookRenderer::render(const RenderRequest& request) {
  State& s = *state_;
  if (!s.book || s.laid_out_for != request.base_dir) {
    s.book.reset();
    if (!s.document) {
      throw Error(ErrorCode::internal, Location{request.output.string()},
                  "the book was let go after its outputs were written and cannot be laid out again");
    }
    if (!s.fonts_ready) {
      layout::use_book_fonts(s.shaper, request.base_dir);
      layout::check_template_fonts(s.style, s.shaper);
      s.fonts_ready = true;
    }
    paginate::Options options;
    options.base_dir = request.base_dir;
    options.release_document = s.owned != nullptr;  // freed below in any case
    try {
      s.book = paginate::lay_out(*s.document, s.style, s.shaper, s.sink, options);
    } catch (...) {
      if (s.owned) {  // partly freed by the layout: never laid out again
        s.owned.reset();
        s.document = nullptr;
      }
      throw;
    }
    layout::report_font_fallback(*s.book, s.sink);
    s.laid_out_for = request.base_dir;
    // The pages hold everything the outputs need: a document of its own goes now (a long
    // table's document is a third of the peak memory).
    if (s.owned) {
      s.owned.reset();
      s.document = nullptr;
    }
  }
  std::unique_ptr<layout::LaidOutBook> last_use;  // the pages, let go before post-processing
  if (request.last) last_use = std::move(s.book);
  const layout::LaidOutBook& book = last_use ? *last_use : *s.book;
  const doc::Metadata& metadata = s.metadata;
  if (book.pages.empty()) {
    throw Error(ErrorCode::layout, Location{request.output.string()}, "the document has no content",
                "check that the layout produced blocks");
  }
  util::AtomicFile raw(request.output.string() + ".cairo");
  render::PdfOptions pdf_options = render::PdfOptions::from(request.profile);
  pdf_options.slug = metadata.title;
  pdf_options.compress_streams = false;  // finish_pdf compresses what it writes
  // A long book is written by as many threads as there are cores (up to four;
  // DIZGI_RENDER_THREADS sets another number), each into a part of its own that finish_pdf
  // joins; write_pdf decides how many it uses.
  std::vector<std::unique_ptr<util::AtomicFile>> parts;
  const unsigned threads = book.pages.size() >= 2 * render::kPagesPerPart ? render_threads() : 1;
  for (unsigned k = 1; k < threads; ++k) {
    parts.push_back(std::make_unique<util::AtomicFile>(request.output.string() + ".cairo"));
    pdf_options.part_files.push_back(parts.back()->temp_path());
  }
  render::PageGeometry geometry;
  try {
    geometry = render::write_pdf(book, metadata, raw.temp_path(), pdf_options);
  } catch (const Error& error) {  // name the output, not the hidden temporary file
    throw Error(error.code(), Location{request.output.string()}, error.message(), error.hint());
  }
  if (std::getenv("DIZGI_KEEP_RAW")) std::filesystem::copy_file(raw.temp_path(), request.output.string() + ".raw.pdf", std::filesystem::copy_options::overwrite_existing);
  // The thumbnails are drawn from the pages now and renamed into place after the PDF.
  std::vector<std::unique_ptr<util::AtomicFile>> thumbnails;
  if (!request.preview_png.empty()) {
    const double dpi = request.thumbnail_width_px > 0
                           ? request.thumbnail_width_px / (book.style.page.width_mm / 25.4)
                           : 48;
    const auto write = [&](int page, const std::filesystem::path& file) {
      thumbnails.push_back(std::make_unique<util::AtomicFile>(file));
      try {
        render::write_png(book, page, dpi, thumbnails.back()->temp_path());
      } catch (const Error& error) {  // name the thumbnail, not the hidden temporary file
        throw Error(error.code(), Location{file.string()}, error.message(), error.hint());
      }
    };
    write(0, request.preview_png);
    int number = 0;  // PDF page number: pages the profile leaves out get no thumbnail
    for (int page = 0; request.thumbnail_every_page && page < static_cast<int>(book.pages.size()); ++page) {
      if (request.profile.drop_blank_pages && book.pages[static_cast<std::size_t>(page)].blank) continue;
      char suffix[16];
      std::snprintf(suffix, sizeof suffix, "-p%03d.png", ++number);
      std::filesystem::path file = request.preview_png;
      file.replace_filename(request.preview_png.stem().string() + suffix);
      write(page, file);
    }
  }
  const RenderResult result{geometry.pages, book.passes, geometry.blank_pages_added, geometry.blank_pages_dropped};
  util::AtomicFile final_file(request.output);
  postprocess::FinishOptions finish;
  finish.profile = request.profile;
  finish.colours = colour_map(s.style);
  finish.language = metadata.language.empty() ? "tr-TR" : metadata.language;
  last_use.reset();  // post-processing needs the geometry only
  finish.geometry = std::move(geometry);
  finish.parts = pdf_options.part_files;
  postprocess::finish_pdf(raw.temp_path(), final_file, finish);
  final_file.commit();
  for (const auto& thumbnail : thumbnails) thumbnail->commit();
  return result;
}

RenderResult render_book(const doc::Document& document, const layout::Template& style,
                         const RenderRequest& request, DiagnosticSink& sink) {
  BookRenderer renderer(document, style, sink);
  return renderer.render(request);
}

}  // namespace dizgi::compose
