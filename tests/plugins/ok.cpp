// Fixture "ok": a well-formed plugin with one layout and one data source. Every failure test
// loads it beside the broken one to show that the host goes on.
#include "fixture.hpp"

namespace {

dizgi::Layout* make_layout() { return new fixture::NamedLayout("ok-layout"); }
dizgi::DataSource* make_source() { return new fixture::NamedSource("ok-source"); }

void register_ok(dizgi::Registry& registry) {
  dizgi::ComponentInfo layout = fixture::layout_info("ok-layout", make_layout);
  registry.add_component(layout, sizeof(layout));

  dizgi::ComponentInfo source{};
  source.kind = dizgi::ComponentKind::datasource;
  source.id = "ok-source";
  source.description = "fixture data source";
  source.create_datasource = make_source;
  registry.add_component(source, sizeof(source));
}

}  // namespace

DIZGI_PLUGIN("ok", "mixed", "1.2.3", register_ok)
