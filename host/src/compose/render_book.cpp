#include "compose/render_book.hpp"

#include "layout/engine.hpp"
#include "postprocess/finish.hpp"
#include "render/pdf.hpp"
#include "text/shaper.hpp"
#include "util/atomic_file.hpp"

#include <cstdlib>

namespace dizgi::compose {

RenderResult render_book(const doc::Document& document, const layout::Template& style,
                         const RenderRequest& request, DiagnosticSink& sink) {
  text::Shaper shaper(&sink);
  layout::EngineOptions options;
  options.base_dir = request.base_dir;
  auto book = layout::lay_out(document, style, shaper, sink, options);
  if (book->pages.empty()) {
    throw Error(ErrorCode::layout, Location{request.output.string()}, "the document has no content",
                "check that the layout produced blocks");
  }
  util::AtomicFile raw(request.output.string() + ".cairo");
  render::PdfOptions pdf_options;
  pdf_options.bleed = request.profile == "print";
  render::PageGeometry geometry = render::write_pdf(*book, document.metadata, raw.temp_path(), pdf_options);
  if (std::getenv("DIZGI_KEEP_RAW")) std::filesystem::copy_file(raw.temp_path(), request.output.string() + ".raw.pdf", std::filesystem::copy_options::overwrite_existing);
  util::AtomicFile final_file(request.output);
  postprocess::FinishOptions finish;
  finish.profile = request.profile;
  finish.language = document.metadata.language.empty() ? "tr-TR" : document.metadata.language;
  finish.geometry = geometry;
  postprocess::finish_pdf(raw.temp_path(), final_file.temp_path(), finish);
  final_file.commit();
  if (!request.preview_png.empty()) {
    util::AtomicFile png(request.preview_png);
    render::write_png(*book, 0, 48, png.temp_path());
    png.commit();
  }
  return RenderResult{static_cast<int>(book->pages.size()), book->passes};
}

}  // namespace dizgi::compose
