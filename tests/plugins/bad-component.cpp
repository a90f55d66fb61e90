// Fixture "bad-component": passes a component record larger than the host's ComponentInfo, as a
// plugin built against a newer SDK would; add_component throws and registration fails.
#include "fixture.hpp"

namespace {

dizgi::Layout* make_layout() { return new fixture::NamedLayout("bad-component"); }

struct FutureComponentInfo {
  dizgi::ComponentInfo known;
  void* future_fields[2];
};

void register_it(dizgi::Registry& registry) {
  FutureComponentInfo info{fixture::layout_info("bad-component", make_layout), {}};
  registry.add_component(info.known, sizeof(info));
}

}  // namespace

DIZGI_PLUGIN("bad-component", "layout", "1.0.0", register_it)
