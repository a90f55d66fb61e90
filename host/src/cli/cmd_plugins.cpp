// dizgi plugins [--json] [--strict]: lists every plugin found in the search folders, with its
// components; plugins that were skipped are explained on stderr, one line each.
#include "cli/command.hpp"
#include "plugin/host.hpp"
#include "plugin/loader.hpp"
#include "util/json.hpp"

#include <dizgi/diagnostics.hpp>

#include <iostream>
#include <locale>
#include <sstream>

namespace dizgi::cli {

namespace {

const char kUsage[] =
    "usage: dizgi plugins [--json] [--strict] [--paths]\n\n"
    "Lists the plugins found in the build tree (when run from it), in <prefix>/lib/dizgi/plugins\n"
    "and in each folder of DIZGI_PLUGIN_PATH (colon-separated). Plugins that cannot be used are\n"
    "skipped with a one-line warning on stderr naming the file and the reason.\n\n"
    "options:\n"
    "  --json     print a JSON array of {id, kind, version, abi, toolchain, file, components}\n"
    "  --strict   exit with 1 when a plugin was skipped\n"
    "  --paths    print the folders searched, in order, and nothing else\n";

void print_json(const std::vector<plugin::PluginRecord>& records) {
  using util::json_escape;
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out << "[";
  for (std::size_t i = 0; i < records.size(); ++i) {
    const plugin::PluginRecord& r = records[i];
    out << (i == 0 ? "\n" : ",\n") << "  {\"id\": " << json_escape(r.id)
        << ", \"kind\": " << json_escape(r.kind) << ", \"version\": " << json_escape(r.version)
        << ", \"abi\": " << json_escape(plugin::abi_to_string(r.abi))
        << ", \"toolchain\": " << json_escape(r.toolchain)
        << ", \"file\": " << json_escape(r.file.string()) << ", \"components\": [";
    for (std::size_t k = 0; k < r.components.size(); ++k) {
      out << (k == 0 ? "" : ", ") << json_escape(r.components[k]);
    }
    out << "]}";
  }
  out << (records.empty() ? "]\n" : "\n]\n");
  std::cout << out.str();
}

void print_text(const std::vector<plugin::PluginRecord>& records) {
  if (records.empty()) {
    std::cout << "no plugins found; searched:\n";
    for (const auto& dir : plugin::Host::default_search_paths()) {
      std::cout << "  " << dir.string() << "\n";
    }
    return;
  }
  for (const plugin::PluginRecord& r : records) {
    std::cout << r.id << " " << r.version << " (" << r.kind << ", ABI "
              << plugin::abi_to_string(r.abi) << ")\n"
              << "  file: " << r.file.string() << "\n"
              << "  components:";
    for (const std::string& component : r.components) std::cout << " " << component;
    std::cout << "\n";
  }
}

int run_plugins(const std::vector<std::string>& args) {
  bool json = false;
  bool strict = false;
  bool paths = false;
  for (const std::string& arg : args) {
    if (arg == "--json") {
      json = true;
    } else if (arg == "--strict") {
      strict = true;
    } else if (arg == "--paths") {
      paths = true;
    } else {
      return usage_error("plugins: unknown option '" + arg + "'");
    }
  }
  if (paths) {
    for (const auto& dir : plugin::Host::default_search_paths()) std::cout << dir.string() << "\n";
    return exit_ok;
  }
  DiagnosticSink sink;
  plugin::Host host;
  host.load_default(sink);
  for (const Diagnostic& diagnostic : sink.diagnostics()) {
    std::cerr << format(diagnostic) << "\n";
  }
  if (json) {
    print_json(host.plugins());
  } else {
    print_text(host.plugins());
  }
  const bool skipped = sink.count(Severity::warning) + sink.count(Severity::error) > 0;
  return strict && skipped ? exit_checks_failed : exit_ok;
}

}  // namespace

DIZGI_COMMAND("plugins", "list the plugins found and explain the ones skipped", kUsage,
              run_plugins);

}  // namespace dizgi::cli
