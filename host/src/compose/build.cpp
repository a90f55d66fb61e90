#include "compose/build.hpp"

#include "compose/render_book.hpp"
#include "data/load.hpp"
#include "data/validate.hpp"
#include "layout/template.hpp"
#include "plugin/host.hpp"
#include "preflight/preflight.hpp"
#include "project/project.hpp"
#include "util/output_path.hpp"

#include <dizgi/sdk/datasource.hpp>
#include <dizgi/sdk/layout.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <unistd.h>

namespace dizgi::compose {

namespace {

// Makes font lookup hermetic: dizgi's own fontconfig file unless the user chose one.
void use_project_fonts() {
  if (std::getenv("FONTCONFIG_FILE")) return;
  std::vector<std::filesystem::path> candidates;
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back(exe.parent_path().parent_path() / DIZGI_INSTALL_DATA_SUBDIR / "fonts/fonts.conf");
  candidates.push_back(std::filesystem::path(DIZGI_SOURCE_DIR) / "fonts/fonts.conf");
  for (const auto& candidate : candidates) {
    if (std::filesystem::exists(candidate, ec)) {
      setenv("FONTCONFIG_FILE", candidate.c_str(), 1);
      return;
    }
  }
}

// Diagnostics one per line; after five of the same code the rest are counted, not printed.
void print_diagnostics(const DiagnosticSink& sink, std::ostream& err, bool quiet) {
  std::map<std::string, int> seen;
  std::map<std::string, int> folded;
  for (const Diagnostic& d : sink.diagnostics()) {
    if (d.severity == Severity::info && quiet) continue;
    if (++seen[d.code] > 5) {
      ++folded[d.code];
      continue;
    }
    err << format(d) << "\n";
  }
  for (const auto& [code, count] : folded) {
    err << "dizgi: " << count << " more '" << code << "' diagnostics not shown\n";
  }
}

// The file a component comes from, for messages about it.
std::string plugin_file(const plugin::Host& host, const std::string& component) {
  for (const plugin::PluginRecord& record : host.plugins()) {
    for (const std::string& c : record.components) {
      if (c == component) return record.file.string();
    }
  }
  return component;
}

// Runs plugin code: dizgi::Error passes through (it names its own file and place); anything
// else a plugin throws becomes one error naming the plugin file.
template <typename F>
auto guarded(const plugin::Host& host, const std::string& component, const char* what, F&& f) {
  try {
    return f();
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(ErrorCode::plugin, Location{plugin_file(host, component)},
                std::string(what) + " failed: " + e.what(), "report this to the plugin's authors");
  } catch (...) {
    throw Error(ErrorCode::plugin, Location{plugin_file(host, component)},
                std::string(what) + " failed with an unknown exception");
  }
}

}  // namespace

int run_build(const BuildOptions& options, std::ostream& out, std::ostream& err) {
  use_project_fonts();
  bool progress = !options.quiet && isatty(STDERR_FILENO);
  auto started = std::chrono::steady_clock::now();
  DiagnosticSink sink;

  project::ProjectOptions project_options;
  project_options.allow_outside = options.allow_outside;
  project_options.template_dirs = project::default_template_dirs();
  project::Project book = project::load_project(options.book, project_options);

  plugin::Host host;
  host.load_default(sink);

  if (progress) err << "dizgi: reading the data of " << options.book.string() << "\n";
  Dataset dataset = data::load_dataset(book, host, sink);
  // The data rules of the standard schema (weights, deviations, budget identities).
  data::ValidateOptions validate_options;
  validate_options.year = book.metadata.year;
  validate_options.strict = options.strict;
  data::validate(dataset, validate_options, sink);

  std::shared_ptr<Layout> layout_plugin = host.create_layout(book.layout);
  LayoutContext context;
  context.data = &dataset;
  context.metadata = book.metadata;
  context.params = book.layout_params;
  context.texts = book.texts;
  context.text_files = book.text_files;
  context.base_dir = book.dir.string();
  context.sink = &sink;
  doc::Document document =
      guarded(host, "layout:" + book.layout, "composing the book", [&] { return layout_plugin->compose(context); });
  if (document.metadata.title.empty()) document.metadata = book.metadata;

  layout::Template style =
      book.template_file.empty() ? layout::default_template() : layout::load_template(book.template_file);

  std::vector<project::OutputSpec> outputs = book.outputs;
  if (outputs.empty()) {
    std::string stem = options.book.stem().string();
    outputs.push_back({"print", stem + "-print.pdf"});
    outputs.push_back({"web", stem + "-web.pdf"});
  }
  int exit = 0;
  bool any = false;
  BookRenderer renderer(document, style, sink);  // one layout for all outputs
  for (const project::OutputSpec& output : outputs) {
    if (!options.profiles.empty() &&
        std::find(options.profiles.begin(), options.profiles.end(), output.profile) == options.profiles.end())
      continue;
    any = true;
    std::filesystem::path target = options.out_dir / output.file;
    util::check_output_target(options.out_dir, output.file, options.out_dir_given);
    if (progress) err << "dizgi: setting " << target.string() << " (" << output.profile << ")\n";
    RenderRequest request;
    request.profile = output.profile;
    request.output = target;
    request.base_dir = book.dir;
    if (options.preview && output.profile == "web") {
      request.preview_png = target;
      request.preview_png.replace_extension(".png");
    }
    RenderResult result = renderer.render(request);
    out << "wrote " << target.string() << ": " << result.pages << " pages (" << output.profile << ")\n";
    if (options.preflight) {
      preflight::Options check;
      check.profile = output.profile;
      preflight::Report report = preflight::check_file(target, check);
      out << "preflight (" << report.profile << "): " << report.errors() << " errors, " << report.warnings()
          << " warnings, " << report.infos() << " notes — details: dizgi preflight " << target.string()
          << " --profile " << output.profile << "\n";
      if (options.strict && preflight::exit_code(report) != 0) exit = 1;
    }
  }
  if (!any) {
    err << "dizgi: no output of the book matches --profile\n";
    return 2;
  }
  print_diagnostics(sink, err, options.quiet);
  if (options.strict && (sink.count(Severity::error) > 0 || sink.count(Severity::warning) > 0)) exit = 1;
  if (sink.count(Severity::error) > 0 && exit == 0) exit = options.strict ? 1 : 0;
  if (progress) {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    err << "dizgi: done in " << static_cast<int>(seconds * 1000) << " ms\n";
  }
  return exit;
}

}  // namespace dizgi::compose
