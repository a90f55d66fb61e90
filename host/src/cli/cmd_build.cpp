// dizgi build BOOK.xml [-o DIR] [--profile NAME] [--strict] [--allow-outside] [--quiet]
//
// Parses the arguments, runs one build through the job API and prints what it returns.
#include "cli/build_options.hpp"
#include "cli/command.hpp"
#include "cli/print.hpp"
#include "job/job.hpp"

#include <iostream>

namespace {

int run(const std::vector<std::string>& args) {
  dizgi::job::BuildOptions options;
  bool quiet = false;
  bool have_book = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (std::optional<int> taken = dizgi::cli::take_build_option(args, i, options, quiet)) {
      if (*taken != 0) return *taken;
    }
    else if (!a.empty() && a[0] == '-') return dizgi::cli::usage_error("build: unknown option '" + a + "'");
    else if (!have_book) {
      options.book = a;
      have_book = true;
    } else return dizgi::cli::usage_error("build: more than one book file given");
  }
  if (!have_book) return dizgi::cli::usage_error("build: no book file given");

  const bool progress = !quiet && dizgi::cli::is_terminal_stderr();
  // The session (its fonts and every fragment it shaped: hundreds of thousands for a long
  // table) is left for the process exit to free, not freed piece by piece; it stays reachable.
  static dizgi::job::Session* const session = new dizgi::job::Session;
  dizgi::job::BuildResult result = session->build(options, [&](const std::string& step) {
    if (progress) std::cerr << "dizgi: " << step << "\n";
  });
  for (const dizgi::job::OutputResult& output : result.outputs) {
    std::cout << "wrote " << output.file.string() << ": " << output.pages << " pages (" << output.profile;
    if (output.blank_pages_added > 0) {
      std::cout << "; " << output.blank_pages_added << " blank page" << (output.blank_pages_added > 1 ? "s" : "")
                << " added for " << output.binding << " binding";
    }
    if (output.blank_pages_dropped > 0) {
      std::cout << "; " << output.blank_pages_dropped << " blank page" << (output.blank_pages_dropped > 1 ? "s" : "")
                << " left out";
    }
    std::cout << ")\n";
    if (output.preflighted) {
      std::cout << "preflight (" << output.preflight_profile << "): " << output.preflight_errors << " errors, "
                << output.preflight_warnings << " warnings, " << output.preflight_notes
                << " notes — details: dizgi preflight " << output.file.string() << " --profile "
                << output.preflight_profile
                << "\n";
    }
  }
  dizgi::cli::print_diagnostics(result.diagnostics, std::cerr, {quiet, 5});
  if (progress) std::cerr << "dizgi: done in " << static_cast<long>(result.duration_ms) << " ms\n";
  return result.exit_code();
}

}  // namespace

DIZGI_COMMAND("build", "compose a book project into PDFs and preflight them",
              "usage: dizgi build BOOK.xml [-o DIR] [--profile NAME] [--strict]\n"
              "                   [--allow-outside] [--no-preflight] [--no-preview]\n"
              "                   [--thumbnails WIDTH[:all]] [--quiet]\n\n"
              "Reads the book project, its data sources and narrative texts, composes the book with\n"
              "its layout plugin and writes one PDF per <output> (or per --profile) into DIR\n"
              "(default: out). Each PDF is written to a temporary file and renamed when complete,\n"
              "then preflighted with the preflight profile its output profile names. Output profiles\n"
              "(print = print-pdfx4, print-newspaper, web, or a profile file) are described in\n"
              "docs/output-profiles.md; the web profile also writes a cover thumbnail (PNG).\n"
              "A book with <batch> builds the one book its layout parameter names; 'dizgi batch'\n"
              "builds them all.\n\n"
              + std::string(dizgi::cli::build_options_help) +
              "\n"
              "A book of 200 pages or more without tags or form fields (print) is written in parts,\n"
              "one thread each; DIZGI_RENDER_THREADS=N sets how many (default: the cores, up to 4).\n"
              "A table of 4,000 rows or more of plain cells is set by two threads.\n\n"
              "exit codes: 0 success, 1 checks failed (--strict), 2 usage or input error\n",
              run);
