// Registers the performans-programi layout with the host.
#include "performans_programi.hpp"

#include <dizgi/sdk/plugin.hpp>

namespace {

dizgi::Layout* create_performans_programi() { return new dizgi::programme::PerformansProgrami; }

void register_performans_programi(dizgi::Registry& registry) {
  dizgi::ComponentInfo info{};
  info.kind = dizgi::ComponentKind::layout;
  info.id = dizgi::programme::layout_id;
  info.description = "Performans Programı (yearly performance programme, 2009 Rehber tables)";
  info.create_layout = create_performans_programi;
  registry.add_component(info, sizeof(info));
}

}  // namespace

DIZGI_PLUGIN("performans-programi", "layout", "0.1.0", register_performans_programi)
