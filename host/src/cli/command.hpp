// The CLI's subcommands. Each lives in its own cmd_<name>.cpp and registers itself with
// DIZGI_COMMAND, so adding a command touches no shared file.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace dizgi::cli {

// Exit codes of every command (DESIGN.md): 0 ok, 1 checks failed, 2 usage or input error.
enum ExitCode { exit_ok = 0, exit_checks_failed = 1, exit_usage = 2 };

struct Command {
  std::string name;
  std::string summary;  // one line for `dizgi --help`
  std::string usage;    // full help for `dizgi NAME --help`
  std::function<int(const std::vector<std::string>& args)> run;
};

bool add_command(Command command);
const std::vector<Command>& commands();

// Prints "dizgi: <message>" to stderr and returns exit_usage.
int usage_error(const std::string& message);

// True when stdout/stderr is a terminal (progress is shown only then).
bool is_terminal_stderr();

}  // namespace dizgi::cli

#define DIZGI_COMMAND_CONCAT2_(a, b) a##b
#define DIZGI_COMMAND_CONCAT_(a, b) DIZGI_COMMAND_CONCAT2_(a, b)
#define DIZGI_COMMAND(...)                                                          \
  static const bool DIZGI_COMMAND_CONCAT_(dizgi_command_registered_, __LINE__) = \
      ::dizgi::cli::add_command(::dizgi::cli::Command{__VA_ARGS__})
