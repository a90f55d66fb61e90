#include "job/job.hpp"

#include "data/derived.hpp"
#include "data/load.hpp"
#include "job/job_private.hpp"

#include <cstdlib>
#include <string_view>
#include <system_error>

namespace dizgi::job {

namespace {

// Makes font lookup hermetic: dizgi's own fontconfig file unless the user chose one. Runs before
// the first Shaper exists (fontconfig reads its configuration once).
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

// A four-digit year, or 0.
int32_t parse_year(std::string_view text) {
  if (text.size() != 4) return 0;
  int32_t year = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return 0;
    year = year * 10 + (c - '0');
  }
  return year;
}

}  // namespace

Session::Members::Members() : shaper(nullptr) {}

std::string plugin_file(const plugin::Host& host, const std::string& component) {
  for (const plugin::PluginRecord& record : host.plugins()) {
    for (const std::string& c : record.components) {
      if (c == component) return record.file.string();
    }
  }
  return component;
}

int BuildResult::exit_code() const {
  switch (outcome) {
    case Outcome::ok: return 0;
    case Outcome::checks_failed: return 1;
    case Outcome::input_error:
    case Outcome::invalid: break;
  }
  return 2;
}

Session::Session() {
  use_project_fonts();
  m = std::make_unique<Members>();
  m->host.load_default(m->load_sink);
  ++m->plugin_loads;
}

Session::~Session() = default;

const plugin::Host& Session::plugins() const { return m->host; }
const std::vector<Diagnostic>& Session::load_diagnostics() const { return m->load_sink.diagnostics(); }
int Session::plugin_loads() const { return m->plugin_loads; }
int Session::books_shaped() const { return m->books_shaped; }

project::Project load_project(const std::filesystem::path& book, bool allow_outside) {
  project::ProjectOptions options;
  options.allow_outside = allow_outside;
  options.template_dirs = project::default_template_dirs();
  return project::load_project(book, options);
}

BookData Session::load_data(const std::filesystem::path& book, const DataRequest& request, DiagnosticSink& sink) {
  BookData data{load_project(book, request.allow_outside), Dataset{}, 0};

  data::LoadOptions options;
  options.derived_options.year = request.year;
  if (options.derived_options.year == 0) {
    auto param = data.project.layout_params.find("yil");
    if (param != data.project.layout_params.end()) options.derived_options.year = parse_year(param->second);
  }
  if (options.derived_options.year == 0) options.derived_options.year = data.project.metadata.year;
  // The books show a hedef's level even when one of its indicators has no measurement: that
  // indicator counts as zero, and the layout says so under the table.
  options.derived_options.missing = data::MissingPolicy::count_as_zero;
  data.dataset = data::load_dataset(data.project, m->host, sink, options);
  data.year = data::reporting_year(data.dataset, options.derived_options);
  return data;
}

data::ValidateSummary Session::check_data(const BookData& data, bool strict, DiagnosticSink& sink) const {
  return data::validate(data.dataset, data::ValidateOptions{data.year, strict}, sink);
}

}  // namespace dizgi::job
