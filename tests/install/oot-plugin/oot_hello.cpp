// The smallest useful out-of-tree plugin: one layout, "oot-hello", composing a single
// paragraph.
#include <dizgi/sdk/plugin.hpp>

namespace {

class Hello final : public dizgi::Layout {
 public:
  dizgi::doc::Document compose(const dizgi::LayoutContext& /*context*/) override {
    dizgi::doc::Paragraph paragraph;
    paragraph.content.push_back(dizgi::doc::text_span("Merhaba, dünya!"));
    dizgi::doc::Section section;
    section.blocks.emplace_back(std::move(paragraph));
    dizgi::doc::Document document;
    document.metadata.title = "oot-hello";
    document.sections.push_back(std::move(section));
    return document;
  }
};

dizgi::Layout* make_hello() { return new Hello; }

void register_hello(dizgi::Registry& registry) {
  dizgi::ComponentInfo info{};
  info.kind = dizgi::ComponentKind::layout;
  info.id = "oot-hello";
  info.description = "out-of-tree example layout";
  info.create_layout = make_hello;
  registry.add_component(info, sizeof(info));
}

}  // namespace

DIZGI_PLUGIN("oot-hello", "layout", "1.0.0", register_hello)
