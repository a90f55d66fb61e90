// `dizgi hyphenate WORD…`: shows where dizgi's Turkish hyphenation may break each word.
#include <charconv>
#include <cstring>
#include <iostream>
#include <string>

#include "cli/command.hpp"
#include "text/hyphenate.hpp"

namespace dizgi::cli {
namespace {

int run_hyphenate(const std::vector<std::string>& args) {
  text::HyphenationOptions options;
  std::vector<std::string> words;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--left-min" || arg == "--right-min") {
      int value = 0;
      const char* text = i + 1 < args.size() ? args[i + 1].c_str() : "";
      const auto [end, error] = std::from_chars(text, text + std::strlen(text), value);
      if (error != std::errc() || *end != '\0' || value < 1 || value > 20) {
        return usage_error("hyphenate: " + arg + " needs a number from 1 to 20");
      }
      (arg == "--left-min" ? options.left_min : options.right_min) = value;
      ++i;
      continue;
    }
    if (arg.rfind("--", 0) == 0) return usage_error("hyphenate: unknown option '" + arg + "'");
    words.push_back(arg);
  }
  if (!words.empty()) {
    for (const std::string& word : words)
      std::cout << text::hyphenate_display(word, options) << "\n";
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
              "usage: dizgi hyphenate [--left-min N] [--right-min N] [WORD...]\n\n"
              "Prints each word with a hyphen at every point where dizgi may break it\n"
              "(\"strateji\" -> \"stra-te-ji\"). Without words, reads one word per line from\n"
              "standard input. Words with digits are never broken; after an apostrophe\n"
              "nothing is broken; soft hyphens, when present, are the only break points.\n\n"
              "options:\n"
              "  --left-min N   letters kept before the first break (default 2)\n"
              "  --right-min N  letters kept after the last break (default 2)\n",
              run_hyphenate);

}  // namespace dizgi::cli
