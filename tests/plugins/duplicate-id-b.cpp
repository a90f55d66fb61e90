// Fixture "duplicate-id-b": one of two libraries declaring the same plugin id "duplicate".
// Loaded in file-name order, a wins and b is refused with a message naming both files.
#include "fixture.hpp"

namespace {

dizgi::Layout* make_layout() { return new fixture::NamedLayout("duplicate-b"); }

void register_it(dizgi::Registry& registry) {
  dizgi::ComponentInfo layout = fixture::layout_info("duplicate-b", make_layout);
  registry.add_component(layout, sizeof(layout));
}

}  // namespace

DIZGI_PLUGIN("duplicate", "layout", "1.0.0", register_it)
