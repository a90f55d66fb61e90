// The plugin entry of the XLSX data source.
#include "workbook.hpp"

#include <dizgi/sdk/plugin.hpp>

namespace {

void register_xlsx(dizgi::Registry& registry) {
  dizgi::ComponentInfo info{};
  info.kind = dizgi::ComponentKind::datasource;
  info.id = "xlsx";
  info.description = "Excel workbooks (.xlsx): one sheet per table, header row, typed cells";
  info.create_datasource = []() -> dizgi::DataSource* {
    return new dizgi::sheet::Source(dizgi::sheet::Format::xlsx);
  };
  registry.add_component(info, sizeof(info));
}

}  // namespace

DIZGI_PLUGIN("xlsx", "datasource", "0.1.0", register_xlsx)
