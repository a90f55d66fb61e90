// dizgi pages BOOK.xml [--page N]: the laid-out pages as text, the dump the golden tests compare.
#include "cli/command.hpp"
#include "cli/print.hpp"
#include "job/job.hpp"
#include "layout/dump.hpp"

#include <dizgi/diagnostics.hpp>

#include <iostream>
#include <string>
#include <vector>

namespace dizgi::cli {

namespace {

const char* const pages_usage =
    "usage: dizgi pages BOOK.xml [--page N] [--allow-outside]\n"
    "\n"
    "Composes and lays out the book as `dizgi build` does, writes no PDF, and prints every page\n"
    "as text: each element's position and height, each line's baseline, its words and where\n"
    "they start (in points from the text block's corner), the page's label and furniture.\n"
    "This is the dump the golden tests compare (tests/golden/engine/*/expected.dump), so a\n"
    "layout's author can see what the layout made and diff it after a change.\n"
    "\n"
    "  --page N         print only page N (counted from 1, as in the PDF)\n"
    "  --allow-outside  paths in book.xml may leave the book's folder\n"
    "\n"
    "Diagnostics go to stderr. exit codes: 0 ok, 2 usage or input error\n";

int run_pages(const std::vector<std::string>& args) {
  std::string book;
  long page = 0;
  job::DataRequest request;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--page") {
      const std::string value = i + 1 < args.size() ? args[++i] : "";
      if (value.empty() || value.size() > 6 || value.find_first_not_of("0123456789") != std::string::npos ||
          std::stol(value) < 1)
        return usage_error("--page needs a page number from 1");
      page = std::stol(value);
    } else if (arg == "--allow-outside") {
      request.allow_outside = true;
    } else if (!arg.empty() && arg[0] == '-') {
      return usage_error("unknown option '" + arg + "' for 'pages'");
    } else if (book.empty()) {
      book = arg;
    } else {
      return usage_error("'pages' takes one book file, got '" + book + "' and '" + arg + "'");
    }
  }
  if (book.empty()) return usage_error("'pages' needs a book file (BOOK.xml)");
  DiagnosticSink sink;
  job::Session session;
  for (const Diagnostic& d : session.load_diagnostics()) sink.report(d);
  job::BookData data = session.load_data(book, request, sink);
  auto laid_out = session.lay_out(data, sink);
  print_diagnostics(sink.diagnostics(), std::cerr);
  const layout::LaidOutBook& pages_of = *laid_out->book;
  if (page == 0) {
    std::cout << layout::dump(pages_of);
    return exit_ok;
  }
  if (static_cast<std::size_t>(page) > pages_of.pages.size())
    return usage_error("the book has " + std::to_string(pages_of.pages.size()) + " pages, no page " + std::to_string(page));
  // A book of that one page (the page keeps its number and label; its elements stay in `pages_of`).
  layout::LaidOutBook one;
  one.style = pages_of.style;
  one.passes = pages_of.passes;
  one.pages.push_back(pages_of.pages[static_cast<std::size_t>(page - 1)]);
  std::cout << layout::dump(one);
  return exit_ok;
}

}  // namespace

DIZGI_COMMAND("pages", "print the laid-out pages of a book as text", pages_usage, run_pages);

}  // namespace dizgi::cli
