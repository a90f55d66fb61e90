// dizgi data BOOK.xml --list [--json] | --show TABLE [--format csv|tsv|json] [--limit N]
//                    | --check [--strict] [--year N]
//
// Looks at the data of a book the way the build sees it: every <source> through its plugin,
// plus the derived tables (gerçekleşme oranları, bütçe özetleri).
#include "cli/command.hpp"
#include "cli/print.hpp"
#include "data/inspect.hpp"
#include "job/job.hpp"

#include <dizgi/diagnostics.hpp>

#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace dizgi::cli {

namespace {

const char* const data_usage =
    "usage: dizgi data BOOK.xml --list [--json]\n"
    "       dizgi data BOOK.xml --show TABLE [--format csv|tsv|json] [--limit N]\n"
    "       dizgi data BOOK.xml --check [--strict] [--year N]\n"
    "\n"
    "Loads every data source of the book (and the derived tables) and\n"
    "  --list          lists the tables: rows, columns and where each came from\n"
    "  --json          with --list: as JSON, with every column's name, type and nullability\n"
    "  --show TABLE    prints a table with Turkish number and date formats\n"
    "  --format F      with --show: exactly the values the layout sees, written canonically\n"
    "                  (decimals with '.', ISO dates, null distinct from empty text):\n"
    "                  csv (null = empty field, empty text = \"\"), tsv (null = \\N), json\n"
    "  --limit N       prints at most N rows (default 50, all with --format; 0 = all)\n"
    "  --check         runs the validation rules (weights, deviations, budget identities ...)\n"
    "  --strict        with --check: warnings count as errors\n"
    "  --year N        the reported year (default: the book's, as `dizgi build` uses it)\n"
    "\n"
    "exit codes: 0 ok, 1 --check found errors, 2 usage or input error\n";

std::optional<long> parse_count(const std::string& text) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stol(text);
}

int run_data(const std::vector<std::string>& args) {
  std::string book, show;
  bool list = false, check = false, strict = false, json = false;
  long limit = -1, year = 0;
  std::string format;
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
    } else if (arg == "--json") {
      json = true;
    } else if (arg == "--format") {
      auto v = value("--format");
      if (!v || (*v != "csv" && *v != "tsv" && *v != "json")) return usage_error("--format needs csv, tsv or json");
      format = *v;
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
  if (json && !list) return usage_error("--json goes with --list (use --format json with --show)");
  if (!format.empty() && show.empty()) return usage_error("--format goes with --show");
  if (limit < 0) limit = format.empty() ? 50 : 0;

  // The data step of `dizgi build` (job::Session::load_data): the same sources, the same year
  // and the same derived tables, so the figures listed here are the ones the book prints.
  DiagnosticSink sink;
  job::Session session;
  for (const Diagnostic& d : session.load_diagnostics()) sink.report(d);
  job::DataRequest request;
  request.year = static_cast<int32_t>(year);
  auto show_diagnostics = [](const DiagnosticSink& s) { cli::print_diagnostics(s.diagnostics(), std::cerr); };
  job::BookData data;
  try {
    data = session.load_data(book, request, sink);
  } catch (const Error&) {
    show_diagnostics(sink);  // what a source reported before it gave up (each bad field of a form)
    throw;
  }
  const Dataset& dataset = data.dataset;

  if (list) {
    show_diagnostics(sink);
    if (json) data::print_table_list_json(dataset, std::cout);
    else data::print_table_list(dataset, std::cout);
    return exit_ok;
  }
  if (!show.empty()) {
    show_diagnostics(sink);
    const Table* table = dataset.find(show);
    if (!table) {
      std::string known;
      for (const auto& [name, _] : dataset.tables()) known += (known.empty() ? "" : ", ") + name;
      return usage_error("no table '" + show + "' in the data of " + book + " (tables: " + known + ")");
    }
    if (format.empty()) {
      data::print_table(*table, std::cout, static_cast<std::size_t>(limit));
    } else {
      const auto f = format == "csv" ? data::ExportFormat::csv : format == "tsv" ? data::ExportFormat::tsv
                                                                                 : data::ExportFormat::json;
      data::export_table(*table, f, std::cout, static_cast<std::size_t>(limit));
    }
    return exit_ok;
  }
  data::ValidateSummary summary = session.check_data(data, strict, sink);
  show_diagnostics(sink);
  std::cerr << "dizgi: data check: " << summary.errors << " error(s), " << summary.warnings << " warning(s)\n";
  return summary.errors ? exit_checks_failed : exit_ok;
}

}  // namespace

DIZGI_COMMAND("data", "list, show and check the data of a book", data_usage, run_data);

}  // namespace dizgi::cli
