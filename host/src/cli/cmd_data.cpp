// dizgi data BOOK.xml --list | --show TABLE [--limit N] | --check [--strict] [--year N]
//
// Looks at the data of a book the way the build sees it: every <source> through its plugin,
// plus the derived tables (gerçekleşme oranları, bütçe özetleri).
#include "cli/command.hpp"
#include "data/derived.hpp"
#include "data/inspect.hpp"
#include "data/load.hpp"
#include "data/validate.hpp"
#include "plugin/host.hpp"
#include "project/project.hpp"

#include <dizgi/diagnostics.hpp>

#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace dizgi::project {
// Declared in project/project.hpp by the project loader (the default template folders); repeated
// here so this file compiles against the interface header this command was written with.
std::vector<std::filesystem::path> default_template_dirs();
}  // namespace dizgi::project

namespace dizgi::cli {

namespace {

const char* const data_usage =
    "usage: dizgi data BOOK.xml --list\n"
    "       dizgi data BOOK.xml --show TABLE [--limit N]\n"
    "       dizgi data BOOK.xml --check [--strict] [--year N]\n"
    "\n"
    "Loads every data source of the book (and the derived tables) and\n"
    "  --list          lists the tables: rows, columns and where each came from\n"
    "  --show TABLE    prints a table with Turkish number and date formats\n"
    "  --limit N       prints at most N rows (default 50; 0 = all)\n"
    "  --check         runs the validation rules (weights, deviations, budget identities ...)\n"
    "  --strict        with --check: warnings count as errors\n"
    "  --year N        the reported year (default: the latest year with year-end measurements)\n"
    "\n"
    "exit codes: 0 ok, 1 --check found errors, 2 usage or input error\n";

std::optional<long> parse_count(const std::string& text) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stol(text);
}

void print_diagnostics(const DiagnosticSink& sink) {
  for (const Diagnostic& diagnostic : sink.diagnostics()) std::cerr << format(diagnostic) << "\n";
}

int run_data(const std::vector<std::string>& args) {
  std::string book, show;
  bool list = false, check = false, strict = false;
  long limit = 50, year = 0;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](const char* option) -> std::optional<std::string> {
      if (i + 1 >= args.size()) return std::nullopt;
      (void)option;
      return args[++i];
    };
    if (arg == "--list") {
      list = true;
    } else if (arg == "--check") {
      check = true;
    } else if (arg == "--strict") {
      strict = true;
    } else if (arg == "--show") {
      auto v = value("--show");
      if (!v) return usage_error("--show needs a table name");
      show = *v;
    } else if (arg == "--limit" || arg == "--year") {
      auto v = value(arg.c_str());
      auto n = v ? parse_count(*v) : std::nullopt;
      if (!n) return usage_error(arg + " needs a whole number");
      (arg == "--limit" ? limit : year) = *n;
    } else if (!arg.empty() && arg[0] == '-') {
      return usage_error("unknown option '" + arg + "' for 'data'");
    } else if (book.empty()) {
      book = arg;
    } else {
      return usage_error("'data' takes one book file, got '" + book + "' and '" + arg + "'");
    }
  }
  if (book.empty()) return usage_error("'data' needs a book file (BOOK.xml)");
  if (int(list) + int(check) + int(!show.empty()) != 1) {
    return usage_error("'data' needs exactly one of --list, --show TABLE, --check");
  }
  if (strict && !check) return usage_error("--strict goes with --check");

  // The same template lookup as `dizgi build`, so a book that builds also loads here.
  project::ProjectOptions project_options;
  project_options.template_dirs = project::default_template_dirs();
  project::Project project = project::load_project(book, project_options);
  DiagnosticSink sink;
  plugin::Host host;
  host.load_default(sink);
  data::LoadOptions options;
  options.derived_options.year = static_cast<int32_t>(year);
  Dataset dataset = data::load_dataset(project, host, sink, options);

  if (list) {
    print_diagnostics(sink);
    data::print_table_list(dataset, std::cout);
    return exit_ok;
  }
  if (!show.empty()) {
    print_diagnostics(sink);
    const Table* table = dataset.find(show);
    if (!table) {
      std::string known;
      for (const auto& [name, _] : dataset.tables()) known += (known.empty() ? "" : ", ") + name;
      return usage_error("no table '" + show + "' in the data of " + book + " (tables: " + known + ")");
    }
    data::print_table(*table, std::cout, static_cast<std::size_t>(limit));
    return exit_ok;
  }
  data::ValidateSummary summary =
      data::validate(dataset, data::ValidateOptions{static_cast<int32_t>(year), strict}, sink);
  print_diagnostics(sink);
  std::cerr << "dizgi: data check: " << summary.errors << " error(s), " << summary.warnings << " warning(s)\n";
  return summary.errors ? exit_checks_failed : exit_ok;
}

}  // namespace

DIZGI_COMMAND("data", "list, show and check the data of a book", data_usage, run_data);

}  // namespace dizgi::cli
