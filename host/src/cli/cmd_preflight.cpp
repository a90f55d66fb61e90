// dizgi preflight FILE.pdf: pre-press checks on any PDF (docs/preflight.md).
#include "cli/command.hpp"

#include <dizgi/diagnostics.hpp>

#include "preflight/isolate.hpp"
#include "preflight/preflight.hpp"
#include "preflight/report_pdf.hpp"

#include <charconv>
#include <iostream>

namespace dizgi::cli {

namespace {

const char* const usage_text =
    "usage: dizgi preflight FILE.pdf [OPTIONS]\n\n"
    "Checks a PDF against a preflight profile (fonts, images, colour, lines, page geometry,\n"
    "document structure) and lists the findings by page.\n\n"
    "options:\n"
    "  --profile NAME|FILE   print (= print-sheetfed), print-newspaper, web, or a profile XML\n"
    "                        file (default: print)\n"
    "  --binding KIND        saddle-stitch (pages a multiple of 4), signatures (16) or\n"
    "                        perfect (even pages);\n"
    "                        overrides the profile\n"
    "  --json                print one JSON object instead of text\n"
    "  --report FILE.pdf     also write a visual report: thumbnails with findings outlined\n"
    "  --no-ink-coverage     skip the total area coverage check (renders every page)\n"
    "  --timeout SECONDS     stop checking after this long (default: the profile's)\n"
    "  --quiet               print nothing; only the exit code tells\n\n"
    "exit codes: 0 pass (warnings allowed), 1 errors found, 2 the file could not be checked\n"
    "or a usage error\n";

int run_preflight(const std::vector<std::string>& args) {
  preflight::Options options;
  std::string file, report_path;
  bool json = false, quiet = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--profile" || arg == "--binding" || arg == "--report" || arg == "--timeout") {
      if (i + 1 >= args.size()) return usage_error(arg + " needs a value");
      const std::string& v = args[++i];
      if (arg == "--profile") options.profile = v;
      else if (arg == "--binding") options.binding = v;
      else if (arg == "--report") report_path = v;
      else {
        // Seconds, read with from_chars: the same in every locale.
        double seconds = 0;
        const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), seconds);
        if (ec != std::errc() || end != v.data() + v.size() || !(seconds > 0)) {
          return usage_error("--timeout needs a positive number of seconds");
        }
        options.timeout_seconds = seconds;
      }
    } else if (arg == "--json") {
      json = true;
    } else if (arg == "--quiet" || arg == "-q") {
      quiet = true;
    } else if (arg == "--no-ink-coverage") {
      options.ink_coverage = false;
    } else if (!arg.empty() && arg[0] == '-') {
      return usage_error("unknown option '" + arg + "' for preflight");
    } else if (file.empty()) {
      file = arg;
    } else {
      return usage_error("preflight takes one PDF file");
    }
  }
  if (file.empty()) return usage_error("preflight needs a PDF file");
  if (!options.binding.empty() && options.binding != "saddle-stitch" && options.binding != "perfect" &&
      options.binding != "signatures") {
    return usage_error("--binding must be saddle-stitch, perfect or signatures");
  }
  const bool show_progress = !quiet && !json && is_terminal_stderr();
  if (show_progress) {
    options.progress = [](int page, int pages) {
      if (page == 1 || page % 10 == 0 || page == pages) {
        std::cerr << "\rpreflight: page " << page << "/" << pages << std::flush;
      }
    };
  }
  const double timeout = options.timeout_seconds > 0 ? options.timeout_seconds : 60;
  auto check = [&]() -> int {
    const preflight::Report report = preflight::check_file(file, options);
    if (show_progress) std::cerr << "\r\033[K" << std::flush;
    if (!report_path.empty()) {
      // The report's thumbnails get the same time limit as the check (default 60 s).
      preflight::write_report_pdf(file, report, report_path, timeout);
    }
    if (!quiet) {
      if (json) std::cout << preflight::to_json(report);
      else preflight::print_text(report, std::cout);
    }
    return preflight::exit_code(report);
  };
  // The file may be hostile: Poppler reads it in a child with memory and time limits, so a
  // crash or a bomb inside the library is a one-line answer, not a signal here.
  preflight::IsolateLimits limits;
  limits.seconds = timeout * 2;  // the check and the report each stop at `timeout`
  std::string failure;
  const int code = preflight::run_isolated(check, limits, failure);
  if (code >= 0) return code;
  std::cerr << dizgi::format(Diagnostic{Severity::error, "input.unreadable", Location{file},
                                        "the PDF could not be checked: reading it " + failure,
                                        "the file is damaged or built to harm PDF readers; ask for a new export"})
            << "\n";
  return 2;
}

}  // namespace

DIZGI_COMMAND("preflight", "check a PDF for print or web (fonts, images, colour, boxes)",
              usage_text, run_preflight);

}  // namespace dizgi::cli
