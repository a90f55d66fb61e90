// Registers the veri-toplama layout with the host.
#include "veri_toplama.hpp"

#include <dizgi/sdk/plugin.hpp>

namespace {

void register_veri_toplama(dizgi::Registry& registry) {
  dizgi::ComponentInfo info{};
  info.kind = dizgi::ComponentKind::layout;
  info.id = dizgi::veri_toplama::layout_id;
  info.description = "Veri toplama formları: a fillable form per unit for its indicators and activities";
  info.create_layout = []() -> dizgi::Layout* { return new dizgi::veri_toplama::VeriToplama; };
  registry.add_component(info, sizeof(info));
}

}  // namespace

DIZGI_PLUGIN("veri-toplama", "layout", "0.1.0", register_veri_toplama)
