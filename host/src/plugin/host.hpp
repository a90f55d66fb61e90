// The plugin host: finds plugin libraries, checks their info record before running any of their
// code, registers their components and hands out objects that keep their library loaded.
// (Boost.DLL 1.74: library_info, shared_library, get_alias.)
#pragma once

#include <dizgi/diagnostics.hpp>
#include <dizgi/sdk/plugin.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace dizgi::plugin {

// Outcome of loading one file; each value has exactly one diagnostic text.
enum class LoadStatus {
  invalid = 0,
  ok,
  not_a_plugin,      // not a shared library, or no "dizgi" section / symbols
  failed_to_open,    // dlopen failed (missing dependency, ...)
  missing_exports,   // a dizgi section but no dizgi_plugin_info / dizgi_plugin_register
  incompatible_abi,  // ABI major differs, ABI minor newer than the host, or other toolchain
  register_failed,   // register function or a factory threw
  duplicate_id       // a plugin or component with the same id is already loaded
};

struct PluginRecord {
  std::string id;
  std::string kind;
  std::string version;
  std::string toolchain;
  uint32_t abi = 0;
  std::filesystem::path file;
  std::vector<std::string> components;  // "datasource:sqlite", "layout:faaliyet-raporu"
};

class Host {
 public:
  Host();
  ~Host();
  Host(const Host&) = delete;
  Host& operator=(const Host&) = delete;

  // The folders searched by default, in order: the build tree's plugin folder (only when the
  // running executable is in that build tree), <prefix>/lib/dizgi/plugins relative to the
  // installed executable, then each entry of DIZGI_PLUGIN_PATH (colon-separated). Never ".".
  static std::vector<std::filesystem::path> default_search_paths();

  // Loads every "*.so" in the default folders. Problems become one-line diagnostics naming the
  // file (severity warning); the host goes on without that plugin.
  void load_default(DiagnosticSink& sink);
  void load_directory(const std::filesystem::path& dir, DiagnosticSink& sink);
  LoadStatus load_file(const std::filesystem::path& file, DiagnosticSink& sink);

  const std::vector<PluginRecord>& plugins() const;

  // Creates a component. Throws Error(ErrorCode::plugin) when no such component is loaded
  // (the hint lists the known ids) or when its factory throws. The object keeps its library
  // loaded for as long as it lives.
  std::shared_ptr<DataSource> create_datasource(const std::string& id) const;
  std::shared_ptr<Layout> create_layout(const std::string& id) const;

 private:
  class Members;
  std::unique_ptr<Members> m;
};

}  // namespace dizgi::plugin
