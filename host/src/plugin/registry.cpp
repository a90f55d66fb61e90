#include "plugin/registry.hpp"

#include <dizgi/diagnostics.hpp>

#include <algorithm>
#include <cstring>
#include <utility>

namespace dizgi::plugin {

const char* kind_name(ComponentKind kind) noexcept {
  switch (kind) {
    case ComponentKind::datasource: return "datasource";
    case ComponentKind::layout: return "layout";
    case ComponentKind::invalid: break;
  }
  return "invalid";
}

StagingRegistry::StagingRegistry(std::filesystem::path file) : file_(std::move(file)) {}

void StagingRegistry::add_component(const ComponentInfo& info, std::size_t info_size) {
  const Location at{file_.string()};
  // Sizes travel with the record (OBS obs_register_source_s): a larger record comes from an SDK
  // newer than this host, a smaller one from no SDK this host knows.
  if (info_size > sizeof(ComponentInfo)) {
    throw Error(ErrorCode::plugin, at,
                "component record of " + std::to_string(info_size) +
                    " bytes is larger than this host knows (" +
                    std::to_string(sizeof(ComponentInfo)) + ")",
                "rebuild the plugin against the installed SDK");
  }
  if (info_size < kMinimumComponentInfoSize) {
    throw Error(ErrorCode::plugin, at,
                "component record of " + std::to_string(info_size) + " bytes is too small",
                "pass sizeof(info) to add_component");
  }
  ComponentInfo copy{};
  std::memcpy(&copy, &info, info_size);

  if (copy.kind != ComponentKind::datasource && copy.kind != ComponentKind::layout) {
    throw Error(ErrorCode::plugin, at, "component has no valid kind",
                "set ComponentInfo::kind to datasource or layout");
  }
  if (copy.id == nullptr || *copy.id == '\0') {
    throw Error(ErrorCode::plugin, at, std::string(kind_name(copy.kind)) + " component has no id",
                "set ComponentInfo::id");
  }
  Component component;
  component.kind = copy.kind;
  component.id = copy.id;
  component.description = copy.description != nullptr ? copy.description : "";
  component.create_datasource = copy.create_datasource;
  component.create_layout = copy.create_layout;
  const bool has_factory = copy.kind == ComponentKind::datasource
                               ? copy.create_datasource != nullptr
                               : copy.create_layout != nullptr;
  if (!has_factory) {
    throw Error(ErrorCode::plugin, at,
                std::string(kind_name(copy.kind)) + " '" + component.id + "' has no factory",
                std::string("set ComponentInfo::create_") + kind_name(copy.kind));
  }
  const bool repeated = std::any_of(components_.begin(), components_.end(), [&](const Component& c) {
    return c.kind == component.kind && c.id == component.id;
  });
  if (repeated) {
    throw Error(ErrorCode::plugin, at,
                std::string(kind_name(copy.kind)) + " '" + component.id +
                    "' is registered twice by this plugin",
                "give each component its own id");
  }
  components_.push_back(std::move(component));
}

}  // namespace dizgi::plugin
