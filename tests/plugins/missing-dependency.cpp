// Fixture "missing-dependency": a correct plugin that needs a library the dynamic loader cannot
// find (built without an RPATH to it), so dlopen fails.
#include "fixture.hpp"

extern "C" int dizgi_fixture_dependency_answer();

namespace {

dizgi::Layout* make_layout() {
  return dizgi_fixture_dependency_answer() == 42 ? new fixture::NamedLayout("missing-dependency")
                                                 : nullptr;
}

void register_it(dizgi::Registry& registry) {
  dizgi::ComponentInfo layout = fixture::layout_info("missing-dependency", make_layout);
  registry.add_component(layout, sizeof(layout));
}

}  // namespace

DIZGI_PLUGIN("missing-dependency", "layout", "1.0.0", register_it)
