// dizgi/sdk/plugin.hpp — what a plugin exports and how the host checks it.
//
// A plugin is a shared module with two extern "C" aliases in the "dizgi" section, emitted by
// DIZGI_PLUGIN: `dizgi_plugin_info` (a PluginInfo record) and `dizgi_plugin_register` (a
// function that adds the plugin's components to the host's Registry). The host reads the section
// before running any code of the library, then checks the record: the ABI major must equal the
// host's, the ABI minor must not be newer than the host's, and the toolchain string must match,
// because std::string, std::vector and std::shared_ptr cross the boundary.
//
// @code
//   #include <dizgi/sdk/plugin.hpp>
//   static void register_me(dizgi::Registry& registry) {
//     dizgi::ComponentInfo info{};
//     info.kind = dizgi::ComponentKind::layout;
//     info.id = "my-report";
//     info.create_layout = [] () -> dizgi::Layout* { return new MyReport; };
//     registry.add_component(info, sizeof(info));
//   }
//   DIZGI_PLUGIN("my-report", "layout", "1.0.0", register_me)
// @endcode
// Since: 0.1
#pragma once

#include <dizgi/export.hpp>
#include <dizgi/sdk/datasource.hpp>
#include <dizgi/sdk/layout.hpp>

#include <boost/dll/alias.hpp>

#include <cstddef>
#include <cstdint>

#define DIZGI_SDK_ABI_MAJOR 2
#define DIZGI_SDK_ABI_MINOR 5
#define DIZGI_SDK_ABI_PACK(major, minor) ((uint32_t(major) << 24) | (uint32_t(minor) << 16))
#define DIZGI_SDK_ABI DIZGI_SDK_ABI_PACK(DIZGI_SDK_ABI_MAJOR, DIZGI_SDK_ABI_MINOR)
#define DIZGI_SDK_ABI_MAJOR_OF(abi) ((uint32_t(abi) >> 24) & 0xffu)
#define DIZGI_SDK_ABI_MINOR_OF(abi) ((uint32_t(abi) >> 16) & 0xffu)

#define DIZGI_STR2_(x) #x
#define DIZGI_STR_(x) DIZGI_STR2_(x)
#if defined(__clang__)
#define DIZGI_COMPILER_ "clang-" DIZGI_STR_(__clang_major__)
#elif defined(__GNUC__)
#define DIZGI_COMPILER_ "gcc-" DIZGI_STR_(__GNUC__)
#else
#define DIZGI_COMPILER_ "unknown"
#endif
// The toolchain a plugin was built with: compiler family and major, C++ library and its ABI.
#define DIZGI_TOOLCHAIN                                                               \
  DIZGI_COMPILER_ "/libstdc++-" DIZGI_STR_(_GLIBCXX_RELEASE) "/cxx11abi-"             \
      DIZGI_STR_(_GLIBCXX_USE_CXX11_ABI)

namespace dizgi {

// The record every plugin exports. Fields are only ever appended; `struct_size` tells the host
// how much of it the plugin knows.
struct PluginInfo {
  uint32_t struct_size;
  uint32_t abi;           // DIZGI_SDK_ABI the plugin was built against
  const char* id;         // unique, e.g. "sqlite", "faaliyet-raporu"
  const char* kind;       // "datasource", "layout" (or "mixed" for several components)
  const char* version;    // the plugin's own semantic version
  const char* toolchain;  // DIZGI_TOOLCHAIN
};

enum class ComponentKind { invalid = 0, datasource, layout };

// One component a plugin offers. Registered with its size (OBS obs_register_source_s), so the
// host can accept records from older SDKs and refuse larger ones it does not know.
struct ComponentInfo {
  ComponentKind kind = ComponentKind::invalid;
  const char* id = nullptr;
  const char* description = nullptr;
  // Exactly one factory is set, matching `kind`. Factories may throw; the host turns the
  // exception into a diagnostic naming the plugin file.
  DataSource* (*create_datasource)() = nullptr;
  Layout* (*create_layout)() = nullptr;
};

// The host side of registration. add_component throws dizgi::Error on a malformed record.
class DIZGI_API_CLASS Registry {
 public:
  virtual ~Registry();
  virtual void add_component(const ComponentInfo& info, std::size_t info_size) = 0;
};

using RegisterFunction = void(Registry&);

}  // namespace dizgi

// Declares the plugin. Use once per plugin, at namespace scope, in one source file.
#define DIZGI_PLUGIN(ID, KIND, VERSION, REGISTER_FN)                                     \
  namespace dizgi_plugin_detail_ {                                                       \
  const ::dizgi::PluginInfo info_record{sizeof(::dizgi::PluginInfo), DIZGI_SDK_ABI, ID,  \
                                        KIND, VERSION, DIZGI_TOOLCHAIN};                 \
  void register_entry(::dizgi::Registry& registry) { REGISTER_FN(registry); }            \
  }                                                                                      \
  BOOST_DLL_ALIAS_SECTIONED(dizgi_plugin_detail_::info_record, dizgi_plugin_info, dizgi) \
  BOOST_DLL_ALIAS_SECTIONED(dizgi_plugin_detail_::register_entry, dizgi_plugin_register, dizgi)
