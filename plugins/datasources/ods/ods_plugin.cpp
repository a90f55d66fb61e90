// The plugin entry of the ODS data source (the workbook core lives in ../xlsx).
#include "workbook.hpp"

#include <dizgi/sdk/plugin.hpp>

namespace {

void register_ods(dizgi::Registry& registry) {
  dizgi::ComponentInfo info{};
  info.kind = dizgi::ComponentKind::datasource;
  info.id = "ods";
  info.description = "OpenDocument spreadsheets (.ods): one sheet per table, header row, typed cells";
  info.create_datasource = []() -> dizgi::DataSource* {
    return new dizgi::sheet::Source(dizgi::sheet::Format::ods);
  };
  registry.add_component(info, sizeof(info));
}

}  // namespace

DIZGI_PLUGIN("ods", "datasource", "0.1.0", register_ods)
