// Registers the stratejik-plan layout with the host.
#include "stratejik_plan.hpp"

#include <dizgi/sdk/plugin.hpp>

namespace {

dizgi::Layout* create_stratejik_plan() { return new dizgi::plan::StratejikPlan; }

void register_stratejik_plan(dizgi::Registry& registry) {
  dizgi::ComponentInfo info{};
  info.kind = dizgi::ComponentKind::layout;
  info.id = dizgi::plan::layout_id;
  info.description = "Stratejik Plan (five-year strategic plan, 2019 Belediyeler guide)";
  info.create_layout = create_stratejik_plan;
  registry.add_component(info, sizeof(info));
}

}  // namespace

DIZGI_PLUGIN("stratejik-plan", "layout", "0.1.0", register_stratejik_plan)
