// Session::lay_out (pages for the screen, no PDF) and the compose step it shares with build.
#include "job/job.hpp"

#include "job/job_private.hpp"
#include "layout/fonts.hpp"
#include "paginate/paginate.hpp"

#include <dizgi/sdk/layout.hpp>

namespace dizgi::job {

doc::Document compose_document(const plugin::Host& host, const BookData& data, DiagnosticSink& sink) {
  const project::Project& book = data.project;
  std::shared_ptr<Layout> layout_plugin = host.create_layout(book.layout);
  LayoutContext context;
  context.data = &data.dataset;
  context.metadata = book.metadata;
  context.params = book.layout_params;
  context.texts = book.texts;
  context.text_files = book.text_files;
  context.base_dir = book.dir.string();
  context.allow_outside = book.allow_outside ? 1 : 0;
  context.sink = &sink;
  doc::Document document =
      guarded(host, "layout:" + book.layout, "composing the book", [&] { return layout_plugin->compose(context); });
  if (document.metadata.title.empty()) document.metadata = book.metadata;
  return document;
}

std::unique_ptr<LaidOut> Session::lay_out(const BookData& data, DiagnosticSink& sink) {
  auto result = std::make_unique<LaidOut>();
  result->document = compose_document(m->host, data, sink);
  const project::Project& book = data.project;
  result->style = book.template_file.empty() ? layout::default_template() : layout::load_template(book.template_file);
  // The shaper reports into this book's sink while it lays out, and into none afterwards (also
  // when the layout throws), since the sink dies with the caller.
  struct SinkScope {
    text::Shaper& shaper;
    ~SinkScope() { shaper.set_sink(nullptr); }
  } scope{m->shaper};
  m->shaper.set_sink(&sink);
  layout::use_book_fonts(m->shaper, book.dir);
  layout::check_template_fonts(result->style, m->shaper);
  paginate::Options options;
  options.base_dir = book.dir;
  result->book = paginate::lay_out(result->document, result->style, m->shaper, sink, options);
  layout::report_font_fallback(*result->book, sink);
  ++m->books_shaped;
  return result;
}

}  // namespace dizgi::job
