// Fixture "factory-throws": registers fine, but its layout factory throws and its data source
// factory returns null. Loading succeeds; creating either component fails with a diagnostic.
#include "fixture.hpp"

#include <stdexcept>

namespace {

dizgi::Layout* throwing_factory() { throw std::runtime_error("the fixture factory always fails"); }
dizgi::DataSource* null_factory() { return nullptr; }

void register_it(dizgi::Registry& registry) {
  dizgi::ComponentInfo layout = fixture::layout_info("factory-throws", throwing_factory);
  registry.add_component(layout, sizeof(layout));

  dizgi::ComponentInfo source{};
  source.kind = dizgi::ComponentKind::datasource;
  source.id = "factory-returns-null";
  source.create_datasource = null_factory;
  registry.add_component(source, sizeof(source));
}

}  // namespace

DIZGI_PLUGIN("factory-throws", "mixed", "1.0.0", register_it)
