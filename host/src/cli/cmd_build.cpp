// dizgi build BOOK.xml [-o DIR] [--profile print|web] [--strict] [--allow-outside] [--quiet]
#include "cli/command.hpp"
#include "compose/build.hpp"

#include <iostream>

namespace {

int run(const std::vector<std::string>& args) {
  dizgi::compose::BuildOptions options;
  bool have_book = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if ((a == "-o" || a == "--output") && i + 1 < args.size()) {
      options.out_dir = args[++i];
      options.out_dir_given = true;
    }
    else if (a == "--profile" && i + 1 < args.size()) {
      std::string profile = args[++i];
      if (profile != "print" && profile != "web")
        return dizgi::cli::usage_error("unknown profile '" + profile + "': use print or web");
      options.profiles.push_back(profile);
    } else if (a == "--strict") options.strict = true;
    else if (a == "--allow-outside") options.allow_outside = true;
    else if (a == "--quiet" || a == "-q") options.quiet = true;
    else if (a == "--no-preflight") options.preflight = false;
    else if (a == "--no-preview") options.preview = false;
    else if (!a.empty() && a[0] == '-') return dizgi::cli::usage_error("build: unknown option '" + a + "'");
    else if (!have_book) {
      options.book = a;
      have_book = true;
    } else return dizgi::cli::usage_error("build: more than one book file given");
  }
  if (!have_book) return dizgi::cli::usage_error("build: no book file given");
  return dizgi::compose::run_build(options, std::cout, std::cerr);
}

}  // namespace

DIZGI_COMMAND("build", "compose a book project into PDFs and preflight them",
              "usage: dizgi build BOOK.xml [-o DIR] [--profile print|web] [--strict]\n"
              "                   [--allow-outside] [--no-preflight] [--no-preview] [--quiet]\n\n"
              "Reads the book project, its data sources and narrative texts, composes the book with\n"
              "its layout plugin and writes one PDF per <output> (or per --profile) into DIR\n"
              "(default: out). Each PDF is written to a temporary file and renamed when complete,\n"
              "then preflighted with the profile it was built for. The web output also gets a\n"
              "cover thumbnail (PNG) beside it.\n\n"
              "  -o, --output DIR   output folder (created when missing)\n"
              "  --profile P        only the outputs of profile P (print or web); repeatable\n"
              "  --strict           validation warnings and preflight errors fail the build (exit 1)\n"
              "  --allow-outside    allow paths that leave the book's folder\n"
              "  --no-preflight     skip the preflight of the written PDFs\n"
              "  --no-preview       no cover thumbnail\n"
              "  -q, --quiet        no progress, no notes\n\n"
              "exit codes: 0 success, 1 checks failed (--strict), 2 usage or input error\n",
              run);
