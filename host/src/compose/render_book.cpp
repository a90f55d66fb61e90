#include "compose/render_book.hpp"

#include "paginate/paginate.hpp"
#include "postprocess/finish.hpp"
#include "render/pdf.hpp"
#include "text/shaper.hpp"
#include "util/atomic_file.hpp"

#include <cstdlib>

namespace dizgi::compose {

struct BookRenderer::State {
  State(const doc::Document& d, const layout::Template& t, DiagnosticSink& s)
      : document(d), style(t), sink(s), shaper(&s) {}
  const doc::Document& document;
  const layout::Template& style;
  DiagnosticSink& sink;
  text::Shaper shaper;  // the pages' glyph runs point into it
  std::unique_ptr<layout::LaidOutBook> book;
  std::filesystem::path laid_out_for;
};

BookRenderer::BookRenderer(const doc::Document& document, const layout::Template& style, DiagnosticSink& sink)
    : state_(std::make_unique<State>(document, style, sink)) {}

BookRenderer::~BookRenderer() = default;

RenderResult BookRenderer::render(const RenderRequest& request) {
  State& s = *state_;
  if (!s.book || s.laid_out_for != request.base_dir) {
    s.book.reset();
    paginate::Options options;
    options.base_dir = request.base_dir;
    s.book = paginate::lay_out(s.document, s.style, s.shaper, s.sink, options);
    s.laid_out_for = request.base_dir;
  }
  const layout::LaidOutBook& book = *s.book;
  const doc::Document& document = s.document;
  if (book.pages.empty()) {
    throw Error(ErrorCode::layout, Location{request.output.string()}, "the document has no content",
                "check that the layout produced blocks");
  }
  util::AtomicFile raw(request.output.string() + ".cairo");
  render::PdfOptions pdf_options;
  pdf_options.bleed = request.profile == "print";
  render::PageGeometry geometry;
  try {
    geometry = render::write_pdf(book, document.metadata, raw.temp_path(), pdf_options);
  } catch (const Error& error) {  // name the output, not the hidden temporary file
    throw Error(error.code(), Location{request.output.string()}, error.message(), error.hint());
  }
  if (std::getenv("DIZGI_KEEP_RAW")) std::filesystem::copy_file(raw.temp_path(), request.output.string() + ".raw.pdf", std::filesystem::copy_options::overwrite_existing);
  util::AtomicFile final_file(request.output);
  postprocess::FinishOptions finish;
  finish.profile = request.profile;
  finish.language = document.metadata.language.empty() ? "tr-TR" : document.metadata.language;
  finish.geometry = geometry;
  postprocess::finish_pdf(raw.temp_path(), final_file, finish);
  final_file.commit();
  if (!request.preview_png.empty()) {
    util::AtomicFile png(request.preview_png);
    try {
      render::write_png(book, 0, 48, png.temp_path());
    } catch (const Error& error) {
      throw Error(error.code(), Location{request.preview_png.string()}, error.message(), error.hint());
    }
    png.commit();
  }
  return RenderResult{static_cast<int>(book.pages.size()), book.passes};
}

RenderResult render_book(const doc::Document& document, const layout::Template& style,
                         const RenderRequest& request, DiagnosticSink& sink) {
  BookRenderer renderer(document, style, sink);
  return renderer.render(request);
}

}  // namespace dizgi::compose
