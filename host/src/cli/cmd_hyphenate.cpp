// `dizgi hyphenate WORD…`: shows where dizgi's Turkish hyphenation may break each word.
#include "cli/command.hpp"
#include "text/hyphenate.hpp"

#include <iostream>
#include <string>

namespace dizgi::cli {
namespace {

int run_hyphenate(const std::vector<std::string>& args) {
  text::HyphenationOptions options;
  std::vector<std::string> words;
  for (const std::string& arg : args) {
    if (arg.rfind("--", 0) == 0) return usage_error("hyphenate: unknown option '" + arg + "'");
    words.push_back(arg);
  }
  if (!words.empty()) {
    for (const std::string& word : words) std::cout << text::hyphenate_display(word, options) << "\n";
    return exit_ok;
  }
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::cout << text::hyphenate_display(line, options) << "\n";
  }
  return exit_ok;
}

}  // namespace

DIZGI_COMMAND("hyphenate", "show Turkish hyphenation points of words",
              "usage: dizgi hyphenate [WORD...]\n\n"
              "Prints each word with a hyphen at every point where dizgi may break it\n"
              "(\"strateji\" -> \"stra-te-ji\"). Without words, reads one word per line from\n"
              "standard input. Words with digits are never broken; after an apostrophe\n"
              "nothing is broken; soft hyphens, when present, are the only break points.\n",
              run_hyphenate);

}  // namespace dizgi::cli
