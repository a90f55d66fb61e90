// Fixture "crashes": a layout whose process dies while composing when the book asks for it
// (layout parameter "crash": "abort" calls abort(), "segv" raises SIGSEGV); any other book gets
// a one-paragraph document. tests/unit/cli_batch_test.cpp builds a batch with one such book to
// show that the other books are built and the crashed one is reported with its signal. It
// lives in a folder of its own, so that DIZGI_PLUGIN_PATH can name it without the broken
// fixtures.
#include "fixture.hpp"

#include <csignal>
#include <cstdlib>

namespace {

class CrashingLayout final : public dizgi::Layout {
 public:
  dizgi::doc::Document compose(const dizgi::LayoutContext& context) override {
    auto wanted = context.params.find("crash");
    if (wanted != context.params.end() && wanted->second == "abort") std::abort();
    if (wanted != context.params.end() && wanted->second == "segv") std::raise(SIGSEGV);
    dizgi::doc::Paragraph paragraph;
    paragraph.content = {dizgi::doc::text_span("Bu kitap çökmeden dizildi.")};
    dizgi::doc::Document document;
    document.metadata.title = context.metadata.title;
    document.sections = {dizgi::doc::Section{dizgi::doc::Matter::body, {dizgi::doc::Block{std::move(paragraph)}}}};
    return document;
  }
};

dizgi::Layout* make_layout() { return new CrashingLayout; }

void register_crashes(dizgi::Registry& registry) {
  dizgi::ComponentInfo info = fixture::layout_info("fixture-crashes", make_layout);
  registry.add_component(info, sizeof(info));
}

}  // namespace

DIZGI_PLUGIN("crashes", "layout", "1.0.0", register_crashes)
