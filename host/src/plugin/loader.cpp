#include "plugin/loader.hpp"

#include "plugin/elf_check.hpp"

#include <boost/dll/library_info.hpp>
#include <boost/dll/shared_library.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <exception>
#include <string_view>
#include <vector>

namespace dizgi::plugin {

namespace {

constexpr const char* kInfoAlias = "dizgi_plugin_info";
constexpr const char* kRegisterAlias = "dizgi_plugin_register";
constexpr const char* kSection = "dizgi";

const char kHostToolchain[] = DIZGI_TOOLCHAIN;
constexpr uint64_t kMaximumPluginBytes = uint64_t{256} << 20;

OpenResult refuse(LoadStatus status, std::string message, std::string hint) {
  OpenResult result;
  result.status = status;
  result.refusal = Refusal{std::move(message), std::move(hint)};
  return result;
}

bool has_symbol(const std::vector<std::string>& symbols, std::string_view name) {
  return std::find(symbols.begin(), symbols.end(), name) != symbols.end();
}

// Ids name files and components in diagnostics: short, no spaces, no control characters.
bool is_printable_id(const char* text) {
  if (text == nullptr || *text == '\0') return false;
  std::size_t length = 0;
  for (const char* c = text; *c != '\0'; ++c, ++length) {
    auto byte = static_cast<unsigned char>(*c);
    if (byte <= 0x20 || byte == 0x7f || byte == '/' || length >= 128) return false;
  }
  return true;
}

}  // namespace

const char* host_toolchain() noexcept { return kHostToolchain; }

std::string abi_to_string(uint32_t abi) {
  return std::to_string(DIZGI_SDK_ABI_MAJOR_OF(abi)) + "." +
         std::to_string(DIZGI_SDK_ABI_MINOR_OF(abi));
}

const char* status_code(LoadStatus status) noexcept {
  switch (status) {
    case LoadStatus::ok: return "plugin.ok";
    case LoadStatus::not_a_plugin: return "plugin.not-a-plugin";
    case LoadStatus::failed_to_open: return "plugin.failed-to-open";
    case LoadStatus::missing_exports: return "plugin.missing-exports";
    case LoadStatus::incompatible_abi: return "plugin.incompatible-abi";
    case LoadStatus::register_failed: return "plugin.register-failed";
    case LoadStatus::duplicate_id: return "plugin.duplicate-id";
    case LoadStatus::invalid: break;
  }
  return "plugin.invalid";
}

std::optional<Refusal> check_info(const PluginInfo& info) {
  const std::string host_abi = abi_to_string(DIZGI_SDK_ABI);
  if (info.struct_size < kMinimumInfoSize || info.struct_size > kMaximumInfoSize) {
    return Refusal{"plugin info record has an impossible size (" +
                       std::to_string(info.struct_size) + " bytes, this host expects at least " +
                       std::to_string(kMinimumInfoSize) + ")",
                   "declare the plugin with DIZGI_PLUGIN and rebuild it against the installed SDK"};
  }
  const std::string plugin_abi = abi_to_string(info.abi);
  if (DIZGI_SDK_ABI_MAJOR_OF(info.abi) != DIZGI_SDK_ABI_MAJOR) {
    return Refusal{"plugin ABI " + plugin_abi + " is not compatible with this host's " + host_abi,
                   "rebuild the plugin against the installed SDK"};
  }
  if (DIZGI_SDK_ABI_MINOR_OF(info.abi) > DIZGI_SDK_ABI_MINOR) {
    return Refusal{"plugin ABI " + plugin_abi + " is newer than this host's " + host_abi,
                   "update dizgi, or rebuild the plugin against the installed SDK"};
  }
  if (info.toolchain == nullptr || std::strcmp(info.toolchain, kHostToolchain) != 0) {
    std::string theirs = info.toolchain != nullptr ? info.toolchain : "(none)";
    return Refusal{"plugin was built with toolchain '" + theirs + "' but this host with '" +
                       kHostToolchain + "'",
                   "rebuild the plugin with the compiler and C++ library dizgi was built with"};
  }
  if (!is_printable_id(info.id)) {
    return Refusal{"plugin info record has no valid id",
                   "give DIZGI_PLUGIN a short id such as \"my-report\""};
  }
  if (info.version == nullptr || info.kind == nullptr) {
    return Refusal{"plugin info record has no version or kind",
                   "declare the plugin with DIZGI_PLUGIN"};
  }
  return std::nullopt;
}

OpenResult open_plugin(const std::filesystem::path& file) {
  // 0. Readable at all? An unreadable file is an I/O problem, not a malformed plugin. Then the
  //    ELF structure, checked here against the file size: library_info trusts section offsets
  //    and names and would read outside the file. Only regular files of a sane size are read.
  std::string image;
  {
    int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
      return refuse(LoadStatus::failed_to_open,
                    std::string("cannot read the plugin file: ") + std::strerror(errno),
                    "check the file's permissions");
    }
    struct stat status = {};
    bool regular = ::fstat(fd, &status) == 0 && S_ISREG(status.st_mode);
    if (regular && static_cast<uint64_t>(status.st_size) <= kMaximumPluginBytes) {
      image.resize(static_cast<std::size_t>(status.st_size));
      std::size_t used = 0;
      while (used < image.size()) {
        ssize_t got = ::pread(fd, image.data() + used, image.size() - used, static_cast<off_t>(used));
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        used += static_cast<std::size_t>(got);
      }
      image.resize(used);
    }
    ::close(fd);
    if (!regular) {
      return refuse(LoadStatus::not_a_plugin, "not a dizgi plugin: not a regular file",
                    "remove it from the plugin folder");
    }
    if (static_cast<uint64_t>(status.st_size) > kMaximumPluginBytes) {
      return refuse(LoadStatus::not_a_plugin, "not a dizgi plugin: the file is larger than 256 MiB",
                    "remove it from the plugin folder");
    }
    if (auto problem = elf_problem(image)) {
      return refuse(LoadStatus::not_a_plugin,
                    "not a dizgi plugin: not a shared library for this system (" + *problem + ")",
                    "remove the file from the plugin folder");
    }
  }

  // 1. The "dizgi" section, read from the file without loading it: stray libraries and files
  //    that are not libraries at all never get their code run.
  std::vector<std::string> symbols;
  try {
    boost::dll::library_info info(file);
    symbols = info.symbols(kSection);
  } catch (const std::exception&) {
    return refuse(LoadStatus::not_a_plugin, "not a dizgi plugin: not a shared library for this system",
                  "remove the file from the plugin folder");
  }
  if (symbols.empty()) {
    return refuse(LoadStatus::not_a_plugin, "not a dizgi plugin: the library has no 'dizgi' section",
                  "declare the plugin with DIZGI_PLUGIN, or move the library out of the plugin folder");
  }
  for (const char* alias : {kInfoAlias, kRegisterAlias}) {
    if (!has_symbol(symbols, alias)) {
      return refuse(LoadStatus::missing_exports,
                    std::string("plugin does not export '") + alias + "'",
                    "declare the plugin with DIZGI_PLUGIN");
    }
  }

  // 1b. The record's size, ABI and toolchain, read from the file: an incompatible plugin is
  //     refused before any of its code runs, static constructors included. When the file
  //     cannot be followed that far, step 4 checks the record after loading.
  if (auto peek = peek_info_record(image, kInfoAlias)) {
    const PluginInfo record{peek->struct_size, peek->abi, "peek", "peek", "peek",
                            peek->toolchain ? peek->toolchain->c_str() : kHostToolchain};
    if (auto refusal = check_info(record)) {
      return refuse(LoadStatus::incompatible_abi, std::move(refusal->message), std::move(refusal->hint));
    }
  }
  image.clear();
  image.shrink_to_fit();

  // 2. Open with the non-throwing constructor. dlerror() still holds the loader's reason.
  std::shared_ptr<boost::dll::shared_library> library;
  {
    boost::dll::fs::error_code ec;
    ::dlerror();
    // The default mode is RTLD_LAZY | RTLD_LOCAL: plugins never see each other's symbols.
    library = std::make_shared<boost::dll::shared_library>(file, ec);
    if (ec || !library->is_loaded()) {
      const char* reason = ::dlerror();
      std::string text = reason != nullptr ? reason : ec.message();
      // dlerror repeats the file name first; the diagnostic already names it.
      const std::string prefix = file.string() + ": ";
      if (text.rfind(prefix, 0) == 0) text.erase(0, prefix.size());
      return refuse(LoadStatus::failed_to_open, "cannot load the plugin: " + text,
                    "check the libraries it needs with 'ldd'");
    }
  }

  // 3. The aliases (Boost 1.74: get_alias; import_symbol is 1.76+).
  if (!library->has(kInfoAlias) || !library->has(kRegisterAlias)) {
    return refuse(LoadStatus::missing_exports, "plugin does not export its dizgi aliases",
                  "declare the plugin with DIZGI_PLUGIN and hidden visibility");
  }
  OpenedPlugin plugin;
  try {
    plugin.info = &library->get_alias<const PluginInfo>(kInfoAlias);
    plugin.register_fn = &library->get_alias<RegisterFunction>(kRegisterAlias);
  } catch (const std::exception& error) {
    return refuse(LoadStatus::missing_exports,
                  std::string("cannot read the plugin's aliases: ") + error.what(),
                  "declare the plugin with DIZGI_PLUGIN");
  }
  if (plugin.info == nullptr || plugin.register_fn == nullptr) {
    return refuse(LoadStatus::missing_exports, "plugin aliases are null",
                  "declare the plugin with DIZGI_PLUGIN");
  }

  // 4. The record, before anything else of the plugin is used.
  if (auto refusal = check_info(*plugin.info)) {
    return refuse(LoadStatus::incompatible_abi, std::move(refusal->message),
                  std::move(refusal->hint));
  }
  plugin.library = std::move(library);
  OpenResult result;
  result.status = LoadStatus::ok;
  result.plugin = std::move(plugin);
  return result;
}

}  // namespace dizgi::plugin
