// The Registry a plugin's register function fills. Components are staged here and only handed
// to the Host when registration returned normally, so a plugin that throws halfway leaves
// nothing behind.
#pragma once

#include <dizgi/sdk/plugin.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace dizgi::plugin {

struct Component {
  ComponentKind kind = ComponentKind::invalid;
  std::string id;
  std::string description;
  DataSource* (*create_datasource)() = nullptr;
  Layout* (*create_layout)() = nullptr;
};

// "datasource", "layout"
const char* kind_name(ComponentKind kind) noexcept;

// The smallest ComponentInfo the host accepts: the record of SDK ABI 1.0.
inline constexpr std::size_t kMinimumComponentInfoSize = sizeof(ComponentInfo);

class StagingRegistry final : public Registry {
 public:
  explicit StagingRegistry(std::filesystem::path file);

  // Copies the record (only `info_size` bytes of it are read). Throws Error(ErrorCode::plugin)
  // naming the plugin file when the size is unknown, the kind is invalid, the id is empty or
  // repeated, or the factory for the kind is missing.
  void add_component(const ComponentInfo& info, std::size_t info_size) override;

  const std::vector<Component>& components() const noexcept { return components_; }

 private:
  std::filesystem::path file_;
  std::vector<Component> components_;
};

}  // namespace dizgi::plugin
