// Fixture "repeats-component": its own plugin id, but a layout id the "ok" fixture already
// provides. The name sorts after "ok", so in a folder scan the ok plugin wins.
#include "fixture.hpp"

namespace {

dizgi::Layout* make_layout() { return new fixture::NamedLayout("repeats-component"); }

void register_it(dizgi::Registry& registry) {
  dizgi::ComponentInfo layout = fixture::layout_info("ok-layout", make_layout);
  registry.add_component(layout, sizeof(layout));
}

}  // namespace

DIZGI_PLUGIN("repeats-component", "layout", "1.0.0", register_it)
