// The plugin entry of the pdfform data source.
#include "pdfform_source.hpp"

#include <dizgi/sdk/plugin.hpp>

namespace {

void register_pdfform(dizgi::Registry& registry) {
  dizgi::ComponentInfo info{};
  info.kind = dizgi::ComponentKind::datasource;
  info.id = "pdfform";
  info.description = "filled PDF forms (a file or a folder): the fields' stored values, typed";
  info.create_datasource = []() -> dizgi::DataSource* { return new dizgi::pdfform::Source; };
  registry.add_component(info, sizeof(info));
}

}  // namespace

DIZGI_PLUGIN("pdfform", "datasource", "0.1.0", register_pdfform)
