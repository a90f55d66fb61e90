// dizgi new-layout NAME [-o FOLDER]: writes a buildable out-of-tree layout plugin skeleton.
#include "cli/command.hpp"
#include "scaffold/scaffold.hpp"

#include <iostream>
#include <string>
#include <vector>

namespace dizgi::cli {

namespace {

const char* const new_layout_usage =
    "usage: dizgi new-layout NAME [-o FOLDER]\n"
    "\n"
    "Writes the skeleton of a new report layout plugin into FOLDER (default: ./NAME), ready to\n"
    "build against the installed dizgi SDK:\n"
    "  CMakeLists.txt   find_package(dizgi) and dizgi_add_plugin(NAME ...)\n"
    "  src/layout.cpp   a layout with a cover, a contents list, a chapter, a text, a table\n"
    "                   and a chart from the data\n"
    "  book.xml         a sample book that uses the layout, with template.xml, data/ and texts/\n"
    "  README.md        how to build it and try it\n"
    "\n"
    "NAME is the layout's id (a-z, 0-9 and '-', starting with a letter), as book.xml names it\n"
    "in <layout plugin=\"NAME\">. FOLDER must not exist or be empty.\n"
    "docs/plugin-guide.md walks through the skeleton.\n"
    "\n"
    "exit codes: 0 written, 2 usage error or the folder cannot be written\n";

int run_new_layout(const std::vector<std::string>& args) {
  std::string name, folder;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "-o" || arg == "--output") {
      if (i + 1 >= args.size()) return usage_error(arg + " needs a folder");
      folder = args[++i];
    } else if (!arg.empty() && arg[0] == '-') {
      return usage_error("unknown option '" + arg + "' for 'new-layout'");
    } else if (name.empty()) {
      name = arg;
    } else {
      return usage_error("'new-layout' takes one name, got '" + name + "' and '" + arg + "'");
    }
  }
  if (name.empty()) return usage_error("'new-layout' needs a name, e.g. dizgi new-layout ilerleme-raporu");
  if (folder.empty()) folder = name;
  const auto files = scaffold::write_layout_skeleton(name, folder);
  std::cout << "wrote layout '" << name << "' to " << folder << "/ (" << files.size() << " files):\n";
  for (const auto& file : files) std::cout << "  " << file.string() << "\n";
  std::cout << "next:\n"
            << "  cmake -S " << folder << " -B " << folder << "/build -DCMAKE_BUILD_TYPE=Release\n"
            << "  cmake --build " << folder << "/build\n"
            << "  DIZGI_PLUGIN_PATH=" << folder << "/build dizgi build " << folder << "/book.xml -o " << folder
            << "/out\n";
  return exit_ok;
}

}  // namespace

DIZGI_COMMAND("new-layout", "write the skeleton of a new layout plugin", new_layout_usage, run_new_layout);

}  // namespace dizgi::cli
