// dizgi check BOOK.xml — loads and validates a book project without building it.
#include "cli/command.hpp"

#include "layout/template.hpp"
#include "project/project.hpp"

#include <dizgi/diagnostics.hpp>

#include <iostream>

namespace dizgi::cli {

namespace {

int run_check(const std::vector<std::string>& args) {
  project::ProjectOptions options;
  std::vector<std::string> books;
  bool quiet = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--allow-outside") {
      options.allow_outside = true;
    } else if (arg == "--quiet" || arg == "-q") {
      quiet = true;
    } else if (arg == "--template-dir") {
      if (i + 1 >= args.size()) return usage_error("--template-dir needs a folder");
      options.template_dirs.emplace_back(args[++i]);
    } else if (arg.rfind("--template-dir=", 0) == 0) {
      options.template_dirs.emplace_back(arg.substr(15));
    } else if (!arg.empty() && arg[0] == '-') {
      return usage_error("check: unknown option '" + arg + "'");
    } else {
      books.push_back(arg);
    }
  }
  if (books.size() != 1) return usage_error("check: name one book file, e.g. 'dizgi check book.xml'");
  for (const auto& dir : project::default_template_dirs()) options.template_dirs.push_back(dir);

  try {
    project::Project book = project::load_project(books.front(), options);
    if (!book.template_file.empty()) layout::load_template(book.template_file);  // its mistakes too
    if (!quiet) std::cout << books.front() << ": ok\n";
    return exit_ok;
  } catch (const Error& error) {
    std::cerr << error.what() << "\n";
    return exit_usage;
  }
}

}  // namespace

DIZGI_COMMAND("check", "validate a book project file (book.xml) without building it",
               "usage: dizgi check [--allow-outside] [--template-dir DIR]... [--quiet] BOOK.xml\n\n"
               "Loads BOOK.xml, validates it against the book schema and checks that the data\n"
               "files, texts and template it names exist inside the project folder; reads the\n"
               "template and checks it against the template schema (docs/templates.md).\n"
               "Prints 'BOOK.xml: ok' (exit 0) or one error line 'file:line:col: error: ...'\n"
               "(exit 2).\n\n"
               "options:\n"
               "  --allow-outside     accept paths that leave the book's folder\n"
               "  --template-dir DIR  also look for templates named by id in DIR/<name>/\n"
               "  --quiet, -q         print nothing on success\n",
               run_check);

}  // namespace dizgi::cli
