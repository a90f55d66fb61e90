#include "plugin/host.hpp"

#include "plugin/loader.hpp"
#include "plugin/registry.hpp"

#include <boost/dll/shared_library.hpp>

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <map>
#include <set>
#include <system_error>
#include <utility>

namespace dizgi::plugin {

namespace fs = std::filesystem;

namespace {

struct LoadedComponent {
  Component component;
  fs::path file;
  std::shared_ptr<boost::dll::shared_library> library;
};

using ComponentKey = std::pair<ComponentKind, std::string>;

// The key used to recognise one file reached through two folders (or a symlink).
fs::path identity_of(const fs::path& path) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(path, ec);
  return ec ? path.lexically_normal() : canonical;
}

fs::path running_executable() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path{} : exe;
}

// Folders of DIZGI_PLUGIN_PATH, in order. Empty entries (which a shell path list would read as
// the current directory) are skipped: plugins are never loaded from "." by default.
std::vector<fs::path> environment_paths() {
  std::vector<fs::path> paths;
  const char* value = std::getenv("DIZGI_PLUGIN_PATH");
  if (value == nullptr) return paths;
  std::string list = value;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find(':', start);
    if (end == std::string::npos) end = list.size();
    std::string entry = list.substr(start, end - start);
    if (!entry.empty()) paths.emplace_back(entry);
    start = end + 1;
  }
  return paths;
}

void append_unique(std::vector<fs::path>& paths, fs::path candidate) {
  const fs::path key = identity_of(candidate);
  for (const fs::path& existing : paths) {
    if (identity_of(existing) == key) return;
  }
  paths.push_back(std::move(candidate));
}

std::string join_ids(const std::map<ComponentKey, LoadedComponent>& components, ComponentKind kind) {
  std::string ids;
  for (const auto& [key, loaded] : components) {
    if (key.first != kind) continue;
    if (!ids.empty()) ids += ", ";
    ids += key.second;
  }
  return ids;
}

}  // namespace

class Host::Members {
 public:
  std::vector<PluginRecord> records;
  std::map<std::string, fs::path> plugin_files;  // plugin id -> file
  std::set<fs::path> loaded_files;               // identities of loaded files
  std::map<ComponentKey, LoadedComponent> components;

  const LoadedComponent& find(ComponentKind kind, const std::string& id) const {
    auto it = components.find({kind, id});
    if (it != components.end()) return it->second;
    const std::string kind_text = kind_name(kind);
    std::string known = join_ids(components, kind);
    throw Error(ErrorCode::plugin, Location{}, "no " + kind_text + " '" + id + "' is loaded",
                known.empty() ? "no " + kind_text +
                                    " plugins were found; see 'dizgi plugins' and DIZGI_PLUGIN_PATH"
                              : "known " + kind_text + "s: " + known);
  }
};

Host::Host() : m(std::make_unique<Members>()) {}

// Objects handed out keep their own reference to their library, so destroying the Host unloads
// only the libraries nothing uses any more.
Host::~Host() = default;

std::vector<fs::path> Host::default_search_paths() {
  std::vector<fs::path> paths;
  const fs::path exe = running_executable();
  if (!exe.empty()) {
    // The build tree: DIZGI_BUILD_PLUGIN_DIR is <build>/lib/dizgi/plugins and every executable
    // of the build tree is written to <build>/bin (CMAKE_RUNTIME_OUTPUT_DIRECTORY). An installed
    // copy, even one installed inside the build folder, lives elsewhere and never sees it.
    const fs::path build_plugins = DIZGI_BUILD_PLUGIN_DIR;
    const fs::path build_bin = build_plugins.parent_path().parent_path().parent_path() / "bin";
    if (identity_of(exe.parent_path()) == identity_of(build_bin)) {
      append_unique(paths, build_plugins);
    }
    // The install prefix, relative to the installed executable (<prefix>/bin/dizgi).
    const fs::path subdir = DIZGI_INSTALL_PLUGIN_SUBDIR;
    append_unique(paths, subdir.is_absolute() ? subdir : exe.parent_path().parent_path() / subdir);
  }
  for (fs::path& entry : environment_paths()) {
    std::error_code ec;
    fs::path absolute = fs::absolute(entry, ec);
    append_unique(paths, ec ? entry : absolute);
  }
  return paths;
}

void Host::load_default(DiagnosticSink& sink) {
  const std::vector<fs::path> from_environment = environment_paths();
  for (const fs::path& dir : default_search_paths()) {
    std::error_code ec;
    if (fs::is_directory(dir, ec)) {
      load_directory(dir, sink);
      continue;
    }
    // Missing build or install folders are normal; a folder the user named is worth a word.
    const bool named_by_user =
        std::any_of(from_environment.begin(), from_environment.end(),
                    [&](const fs::path& entry) { return identity_of(entry) == identity_of(dir); });
    if (named_by_user) {
      if (fs::exists(dir, ec)) {
        sink.warn("plugin.missing-folder", Location{dir.string()},
                  "plugin folder from DIZGI_PLUGIN_PATH is not a folder",
                  "DIZGI_PLUGIN_PATH lists folders (colon-separated), not plugin files");
      } else {
        sink.warn("plugin.missing-folder", Location{dir.string()},
                  "plugin folder from DIZGI_PLUGIN_PATH does not exist",
                  "fix DIZGI_PLUGIN_PATH, a colon-separated list of folders");
      }
    }
  }
}

void Host::load_directory(const fs::path& dir, DiagnosticSink& sink) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    sink.warn("plugin.unreadable-folder", Location{dir.string()},
              "cannot read the plugin folder: " + ec.message(), "check the folder's permissions");
    return;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::path& path = it->path();
    std::error_code type_ec;
    if (path.extension() != ".so") continue;
    if (fs::is_regular_file(path, type_ec)) {
      files.push_back(path);
    } else if (fs::is_symlink(fs::symlink_status(path, type_ec))) {
      // A link that leads nowhere (or in a circle) is a broken install, not nothing.
      std::error_code target_ec;
      (void)fs::status(path, target_ec);
      sink.warn("plugin.broken-link", Location{path.string()},
                target_ec ? "plugin link cannot be followed: " + target_ec.message()
                          : std::string("plugin link does not lead to a file"),
                "fix or remove the link in the plugin folder");
    }
  }
  if (ec) {
    sink.warn("plugin.unreadable-folder", Location{dir.string()},
              "cannot read the plugin folder: " + ec.message(), "check the folder's permissions");
  }
  // Sorted, so that which of two duplicates wins does not depend on the file system.
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) load_file(file, sink);
}

LoadStatus Host::load_file(const fs::path& file, DiagnosticSink& sink) {
  const fs::path identity = identity_of(file);
  // The same file reached twice (overlapping folders, a symlink) is already loaded.
  if (m->loaded_files.count(identity) != 0) return LoadStatus::ok;

  auto fail = [&](LoadStatus status, std::string message, std::string hint) {
    sink.warn(status_code(status), Location{file.string()}, std::move(message), std::move(hint));
    return status;
  };

  OpenResult opened = open_plugin(file);
  if (opened.status != LoadStatus::ok) {
    return fail(opened.status, std::move(opened.refusal.message), std::move(opened.refusal.hint));
  }
  const PluginInfo& info = *opened.plugin.info;
  const std::string id = info.id;

  // 6a. One plugin per id.
  if (auto it = m->plugin_files.find(id); it != m->plugin_files.end()) {
    return fail(LoadStatus::duplicate_id,
                "plugin id '" + id + "' is already taken by " + it->second.string(),
                "remove one of the two libraries from the plugin folders");
  }

  // 5. Registration; exceptions of the plugin stop here.
  StagingRegistry registry(file);
  try {
    opened.plugin.register_fn(registry);
  } catch (const Error& error) {
    return fail(LoadStatus::register_failed, "plugin registration failed: " + error.message(),
                error.hint().empty() ? "the plugin is skipped; report this to its authors"
                                     : error.hint());
  } catch (const std::exception& error) {
    return fail(LoadStatus::register_failed,
                std::string("plugin registration failed: ") + error.what(),
                "the plugin is skipped; report this to its authors");
  } catch (...) {
    return fail(LoadStatus::register_failed,
                "plugin registration failed with an exception that is not a std::exception",
                "the plugin is skipped; report this to its authors");
  }

  // 6b. One component per kind and id, across all plugins.
  for (const Component& component : registry.components()) {
    auto it = m->components.find({component.kind, component.id});
    if (it != m->components.end()) {
      return fail(LoadStatus::duplicate_id,
                  std::string(kind_name(component.kind)) + " '" + component.id +
                      "' is already provided by " + it->second.file.string(),
                  "rename the component or remove one of the two plugins");
    }
  }

  PluginRecord record;
  record.id = id;
  record.kind = info.kind;
  record.version = info.version;
  record.toolchain = info.toolchain;
  record.abi = info.abi;
  record.file = file;
  for (const Component& component : registry.components()) {
    record.components.push_back(std::string(kind_name(component.kind)) + ":" + component.id);
    m->components.emplace(ComponentKey{component.kind, component.id},
                          LoadedComponent{component, file, opened.plugin.library});
  }
  m->plugin_files.emplace(id, file);
  m->loaded_files.insert(identity);
  m->records.push_back(std::move(record));
  return LoadStatus::ok;
}

const std::vector<PluginRecord>& Host::plugins() const { return m->records; }

namespace {

// Calls a factory; its exceptions and a null result become Error(ErrorCode::plugin) naming the
// plugin file. The object is deleted by its own library's code while the library is loaded:
// the deleter holds a reference to the library (Boost.DLL tutorial8).
template <typename T>
std::shared_ptr<T> create(const LoadedComponent& loaded, T* (*factory)()) {
  const std::string what = std::string(kind_name(loaded.component.kind)) + " '" +
                           loaded.component.id + "'";
  const Location at{loaded.file.string()};
  T* object = nullptr;
  try {
    object = factory();
  } catch (const Error& error) {
    throw Error(ErrorCode::plugin, at, what + " could not be created: " + error.message(),
                error.hint());
  } catch (const std::exception& error) {
    throw Error(ErrorCode::plugin, at, what + " could not be created: " + error.what(),
                "report this to the plugin's authors");
  } catch (...) {
    throw Error(ErrorCode::plugin, at,
                what + " could not be created: an exception that is not a std::exception",
                "report this to the plugin's authors");
  }
  if (object == nullptr) {
    throw Error(ErrorCode::plugin, at, what + " could not be created: its factory returned null",
                "report this to the plugin's authors");
  }
  std::shared_ptr<boost::dll::shared_library> library = loaded.library;
  return std::shared_ptr<T>(object, [library](T* pointer) { delete pointer; });
}

}  // namespace

std::shared_ptr<DataSource> Host::create_datasource(const std::string& id) const {
  const LoadedComponent& loaded = m->find(ComponentKind::datasource, id);
  return create<DataSource>(loaded, loaded.component.create_datasource);
}

std::shared_ptr<Layout> Host::create_layout(const std::string& id) const {
  const LoadedComponent& loaded = m->find(ComponentKind::layout, id);
  return create<Layout>(loaded, loaded.component.create_layout);
}

}  // namespace dizgi::plugin
