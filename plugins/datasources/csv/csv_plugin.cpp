// The plugin entry of the CSV data source.
#include "csv_source.hpp"

#include <dizgi/sdk/plugin.hpp>

namespace {

void register_csv(dizgi::Registry& registry) {
  dizgi::ComponentInfo info{};
  info.kind = dizgi::ComponentKind::datasource;
  info.id = "csv";
  info.description = "CSV files (RFC 4180; UTF-8 or Windows-1254; Turkish numbers and dates)";
  info.create_datasource = []() -> dizgi::DataSource* { return new dizgi::csv::Source; };
  registry.add_component(info, sizeof(info));
}

}  // namespace

DIZGI_PLUGIN("csv", "datasource", "0.1.0", register_csv)
