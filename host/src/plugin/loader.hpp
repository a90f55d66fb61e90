// The loader's steps for one file (STYLE.md §2.3): read the "dizgi" section without running any
// code of the library, open it with the non-throwing shared_library constructor, fetch the two
// aliases and check the info record. Registration and duplicate checks are the Host's.
#pragma once

#include "plugin/host.hpp"

#include <dizgi/diagnostics.hpp>
#include <dizgi/sdk/plugin.hpp>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace boost::dll {
class shared_library;
}

namespace dizgi::plugin {

// The size of the PluginInfo record of SDK ABI 1.0: the smallest record the host accepts.
inline constexpr std::size_t kMinimumInfoSize = sizeof(PluginInfo);
// Larger sizes than this are not a record at all, whatever the version.
inline constexpr std::size_t kMaximumInfoSize = 4096;

// Why a record is refused: the message and hint of the diagnostic.
struct Refusal {
  std::string message;
  std::string hint;
};

// Checks the info record against this host: struct size, ABI major equal, ABI minor not newer,
// toolchain equal, id present. Reads no field beyond `struct_size`. Never throws.
std::optional<Refusal> check_info(const PluginInfo& info);

// The toolchain string of this host (DIZGI_TOOLCHAIN as compiled into it).
const char* host_toolchain() noexcept;

// "1.0" for a packed ABI value.
std::string abi_to_string(uint32_t abi);

// The stable diagnostic code of a status: "plugin.incompatible-abi", ...
const char* status_code(LoadStatus status) noexcept;

// A library that passed steps 1–4. `library` keeps it loaded; `info` and `register_fn` point
// into it.
struct OpenedPlugin {
  std::shared_ptr<boost::dll::shared_library> library;
  const PluginInfo* info = nullptr;
  RegisterFunction* register_fn = nullptr;
};

struct OpenResult {
  LoadStatus status = LoadStatus::invalid;
  OpenedPlugin plugin;  // set when status == ok
  Refusal refusal;      // set otherwise
};

// Steps 1–4 for one file. Never throws; a library that fails any step is unloaded again.
OpenResult open_plugin(const std::filesystem::path& file);

}  // namespace dizgi::plugin
