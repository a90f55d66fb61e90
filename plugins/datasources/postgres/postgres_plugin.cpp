// The plugin entry of the PostgreSQL data source.
#include "postgres_source.hpp"

#include <dizgi/sdk/plugin.hpp>

namespace {

void register_postgres(dizgi::Registry& registry) {
  dizgi::ComponentInfo info{};
  info.kind = dizgi::ComponentKind::datasource;
  info.id = "postgres";
  info.description = "PostgreSQL database with the standard schema (libpq environment or service=)";
  info.create_datasource = []() -> dizgi::DataSource* { return new dizgi::postgres::Source; };
  registry.add_component(info, sizeof(info));
}

}  // namespace

DIZGI_PLUGIN("postgres", "datasource", "0.1.0", register_postgres)
