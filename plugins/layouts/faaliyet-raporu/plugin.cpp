// Registers the faaliyet-raporu layout with the host.
#include "faaliyet_raporu.hpp"

#include <dizgi/sdk/plugin.hpp>

namespace {

dizgi::Layout* create_faaliyet_raporu() { return new dizgi::faaliyet::FaaliyetRaporu; }

void register_faaliyet_raporu(dizgi::Registry& registry) {
  dizgi::ComponentInfo info{};
  info.kind = dizgi::ComponentKind::layout;
  info.id = dizgi::faaliyet::layout_id;
  info.description = "İdare Faaliyet Raporu (yearly activity report of an administration)";
  info.create_layout = create_faaliyet_raporu;
  registry.add_component(info, sizeof(info));
}

}  // namespace

DIZGI_PLUGIN("faaliyet-raporu", "layout", "0.1.0", register_faaliyet_raporu)
