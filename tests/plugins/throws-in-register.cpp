// Fixture "throws-in-register": registers one layout, then throws. The host must report the
// exception and keep nothing of the plugin, not even the layout registered before the throw.
#include "fixture.hpp"

#include <stdexcept>

namespace {

dizgi::Layout* make_layout() { return new fixture::NamedLayout("throws-in-register"); }

void register_then_throw(dizgi::Registry& registry) {
  dizgi::ComponentInfo layout = fixture::layout_info("throws-in-register", make_layout);
  registry.add_component(layout, sizeof(layout));
  throw std::runtime_error("the fixture refuses to register");
}

}  // namespace

DIZGI_PLUGIN("throws-in-register", "layout", "1.0.0", register_then_throw)
