// dizgi — the host program: dispatches to the subcommands registered in cmd_*.cpp.
#include "cli/command.hpp"
#include "util/memory.hpp"

#include <dizgi/diagnostics.hpp>
#include <dizgi/version.hpp>

#include <clocale>
#include <cstdio>
#include <exception>
#include <iostream>
#include <new>
#include <unistd.h>

#ifdef DIZGI_HAVE_JEMALLOC
// jemalloc's settings for the program (read at its first allocation). A long book makes and
// frees millions of small objects; on this kind of virtual machine a page fault costs more than
// the work done in the page, so the heap asks for transparent huge pages, and a background
// thread returns unused pages instead of the thread that frees them (docs/performance.md).
extern "C" {
// NOLINTNEXTLINE: the name jemalloc looks for
const char* malloc_conf = "thp:always,metadata_thp:always,background_thread:true";
}
#endif

namespace dizgi::cli {

static std::vector<Command>& registry() {
  static std::vector<Command> all;
  return all;
}

bool add_command(Command command) {
  registry().push_back(std::move(command));
  return true;
}

const std::vector<Command>& commands() { return registry(); }

int usage_error(const std::string& message) {
  std::cerr << "dizgi: " << message << " (see 'dizgi --help')\n";
  return exit_usage;
}

bool is_terminal_stderr() { return isatty(STDERR_FILENO) != 0; }

static void print_help() {
  std::cout << "dizgi " DIZGI_VERSION_STRING " — Turkish report and book publishing\n\n"
               "usage: dizgi COMMAND [OPTIONS]\n\n"
               "commands:\n";
  for (const Command& command : commands()) {
    std::string name = command.name;
    name.resize(12, ' ');
    std::cout << "  " << name << command.summary << "\n";
  }
  std::cout << "\noptions:\n"
               "  --help       show this help, or a command's help with 'dizgi COMMAND --help'\n"
               "  --version    print the version\n\n"
               "exit codes: 0 success, 1 checks failed, 2 usage or input error\n";
}

}  // namespace dizgi::cli

int main(int argc, char** argv) {
  using namespace dizgi::cli;
  // Numbers written by dizgi never follow the process locale (STYLE.md rule 11); only the
  // character type is taken from the environment.
  std::setlocale(LC_CTYPE, "");
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    print_help();
    return exit_usage;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_help();
    return exit_ok;
  }
  if (args[0] == "--version" || args[0] == "-V") {
    std::cout << "dizgi " DIZGI_VERSION_STRING "\n";
    return exit_ok;
  }
  // Under a tiny memory limit fontconfig and GLib fail inside themselves (some abort): refuse
  // to start with a clear line instead.
  if (const std::string too_small = dizgi::util::address_space_too_small(); !too_small.empty()) {
    std::cerr << too_small << "\n";
    return exit_usage;
  }
  for (const Command& command : commands()) {
    if (command.name != args[0]) continue;
    std::vector<std::string> rest(args.begin() + 1, args.end());
    for (const std::string& arg : rest) {
      if (arg == "--help" || arg == "-h") {
        std::cout << command.usage;
        return exit_ok;
      }
    }
    try {
      return command.run(rest);
    } catch (const dizgi::Error& error) {
      std::cerr << error.what() << "\n";
      return exit_usage;
    } catch (const std::bad_alloc&) {
      // Never "std::bad_alloc": say what happened and what to look at.
      std::cerr << "dizgi: error: " << dizgi::util::out_of_memory("running '" + args[0] + "'")
                << " (hint: an input is larger than dizgi's limits expect; check the sizes of the book's data and texts)\n";
      return exit_usage;
    } catch (const std::exception& error) {
      std::cerr << "dizgi: error: " << error.what() << "\n";
      return exit_usage;
    }
  }
  return usage_error("unknown command '" + args[0] + "'");
}
