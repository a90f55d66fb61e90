// The plugin entry of the XML data source.
#include "xml_source.hpp"

#include <dizgi/sdk/plugin.hpp>

namespace {

void register_xml(dizgi::Registry& registry) {
  dizgi::ComponentInfo info{};
  info.kind = dizgi::ComponentKind::datasource;
  info.id = "xml";
  info.description = "XML files (<dataset><table name=...><row>...), optional RelaxNG validation";
  info.create_datasource = []() -> dizgi::DataSource* { return new dizgi::xml::Source; };
  registry.add_component(info, sizeof(info));
}

}  // namespace

DIZGI_PLUGIN("xml", "datasource", "0.1.0", register_xml)
