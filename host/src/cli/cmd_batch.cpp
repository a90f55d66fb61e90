// dizgi batch BOOK.xml... [-j N] [--shard I/N] [--list] [build options]
//
// Parses the arguments, plans and runs the batch through the job API (job/batch.hpp) and prints
// a line per book and a summary.
#include "cli/build_options.hpp"
#include "cli/command.hpp"
#include "cli/print.hpp"
#include "job/batch.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>

namespace {

namespace job = dizgi::job;

bool parse_int(const std::string& text, int& value) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

// "1.234" (Turkish grouping is for books; the terminal gets plain digits).
std::string seconds(double ms) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f s", ms / 1000);
  return text;
}

// "print 18 p, web 16 p" and preflight errors, if any.
std::string outputs_line(const job::BuildResult& result) {
  std::string line;
  std::size_t errors = 0;
  for (const job::OutputResult& output : result.outputs) {
    if (!line.empty()) line += ", ";
    line += output.profile + " " + std::to_string(output.pages) + " p";
    errors += output.preflight_errors;
  }
  if (errors > 0) line += "; preflight: " + std::to_string(errors) + " error" + (errors > 1 ? "s" : "");
  return line;
}

// Why a book failed: its last error (the one that stopped it), else its first warning.
std::string reason(const job::BuildResult& result) {
  for (auto it = result.diagnostics.rbegin(); it != result.diagnostics.rend(); ++it) {
    if (it->severity == dizgi::Severity::error) return dizgi::format(*it);
  }
  for (const dizgi::Diagnostic& d : result.diagnostics) {
    if (d.severity == dizgi::Severity::warning) return dizgi::format(d);
  }
  for (const job::OutputResult& output : result.outputs) {
    if (output.preflight_errors > 0)
      return "preflight (" + output.preflight_profile + ") of " + output.file.string() + ": " +
             std::to_string(output.preflight_errors) + " errors";
  }
  return "failed";
}

int run(const std::vector<std::string>& args) {
  job::BatchOptions options;
  bool quiet = false, list = false;
  std::vector<std::filesystem::path> files;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (std::optional<int> taken = dizgi::cli::take_build_option(args, i, options.build, quiet)) {
      if (*taken != 0) return *taken;
    } else if ((a == "-j" || a == "--jobs") && i + 1 < args.size()) {
      if (!parse_int(args[++i], options.jobs) || options.jobs < 1 || options.jobs > 256)
        return dizgi::cli::usage_error("batch: -j needs a number of worker processes from 1 to 256");
    } else if (a.size() > 2 && a.rfind("-j", 0) == 0) {
      if (!parse_int(a.substr(2), options.jobs) || options.jobs < 1 || options.jobs > 256)
        return dizgi::cli::usage_error("batch: -j needs a number of worker processes from 1 to 256");
    } else if (a == "--shard" && i + 1 < args.size()) {
      const std::string value = args[++i];
      const std::size_t slash = value.find('/');
      if (slash == std::string::npos || !parse_int(value.substr(0, slash), options.shard) ||
          !parse_int(value.substr(slash + 1), options.shards) || options.shards < 1 || options.shard < 1 ||
          options.shard > options.shards)
        return dizgi::cli::usage_error("batch: --shard needs I/N with 1 <= I <= N, e.g. --shard 2/4");
    } else if (a == "--list") {
      list = true;
    } else if (!a.empty() && a[0] == '-') {
      return dizgi::cli::usage_error("batch: unknown option '" + a + "'");
    } else {
      files.emplace_back(a);
    }
  }
  if (files.empty()) return dizgi::cli::usage_error("batch: no book file given");

  const bool terminal = !quiet && dizgi::cli::is_terminal_stderr();
  const auto started_at = std::chrono::steady_clock::now();
  job::Session session;
  if (terminal) std::cerr << "dizgi: reading " << files.size() << " project file" << (files.size() > 1 ? "s" : "") << " and their data\n";
  job::BatchPlan plan = job::plan_batch(session, files, options);
  dizgi::cli::print_diagnostics(plan.diagnostics, std::cerr, {quiet, 5});

  std::vector<std::size_t> selected;
  for (std::size_t i = 0; i < plan.books.size(); ++i) {
    if (job::in_shard(i, options.shard, options.shards)) selected.push_back(i);
  }
  const std::string shard = options.shards > 1 ? "shard " + std::to_string(options.shard) + "/" +
                                                     std::to_string(options.shards) + ": "
                                               : std::string();
  if (list) {
    for (std::size_t i : selected) {
      const job::BatchBook& book = plan.books[i];
      std::cout << book.label;
      if (book.member) std::cout << " (" << book.member->value << ", " << book.member->name << ")";
      std::cout << ":";
      if (book.error) std::cout << " " << dizgi::format(*book.error);
      for (const auto& output : book.outputs) std::cout << " " << output.string();
      std::cout << "\n";
    }
    std::cout << shard << selected.size() << " of " << plan.books.size() << " books\n";
    return 0;
  }

  const std::size_t total = selected.size();
  std::size_t finished = 0, failed = 0, checks_failed = 0, pdfs = 0, pages = 0, preflight_errors = 0;
  int exit_code = plan.data_checks_failed ? 1 : 0;
  std::map<std::size_t, std::string> running;  // book -> label, for the terminal's status line
  std::vector<std::pair<std::string, std::string>> failures;
  const int width = static_cast<int>(std::to_string(total).size());
  auto status_line = [&] {
    if (!terminal || running.empty()) return;
    std::string line = "building";
    for (const auto& [book, label] : running) line += (line == "building" ? ": " : ", ") + label;
    if (line.size() > 100) line = line.substr(0, 97) + "...";
    std::cerr << "\r\033[K" << line << std::flush;
  };
  auto clear_status = [&] {
    if (terminal) std::cerr << "\r\033[K" << std::flush;
  };
  if (terminal)
    std::cerr << "dizgi: " << shard << total << " of " << plan.books.size() << " books, " << options.jobs
              << " at a time\n";
  job::run_batch(
      session, plan, selected, options,
      [&](std::size_t book) {
        running[book] = plan.books[book].label;
        status_line();
      },
      [&](std::size_t book, job::BuildResult result) {
        running.erase(book);
        ++finished;
        const job::BatchBook& b = plan.books[book];
        std::string counter = std::to_string(finished);
        counter.insert(0, static_cast<std::size_t>(width) - std::min<std::size_t>(counter.size(), width), ' ');
        counter = "[" + counter + "/" + std::to_string(total) + "]";
        for (const job::OutputResult& output : result.outputs) {
          ++pdfs;
          pages += static_cast<std::size_t>(output.pages);
          preflight_errors += output.preflight_errors;
        }
        exit_code = std::max(exit_code, result.exit_code());
        clear_status();
        if (result.outcome == job::Outcome::ok) {
          if (!quiet) std::cout << counter << " ok      " << b.label << ": " << outputs_line(result) << ", " << seconds(result.duration_ms) << "\n";
        } else {
          const bool checks = result.outcome == job::Outcome::checks_failed;
          ++(checks ? checks_failed : failed);
          failures.emplace_back(b.label, reason(result));
          std::cout << counter << (checks ? " CHECKS  " : " FAILED  ") << b.label << ": " << failures.back().second << "\n";
        }
        std::cout.flush();
        // Warnings and errors of the book on stderr (notes only with no --quiet), each once.
        std::vector<dizgi::Diagnostic> shown;
        for (const dizgi::Diagnostic& d : result.diagnostics) {
          if (d.severity == dizgi::Severity::info || (result.outcome != job::Outcome::ok && dizgi::format(d) == failures.back().second)) continue;
          shown.push_back(d);
        }
        if (!quiet) dizgi::cli::print_diagnostics(shown, std::cerr, {true, 3});
        status_line();
      });
  clear_status();

  const double elapsed =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_at).count();
  std::cout << shard << total << " book" << (total == 1 ? "" : "s") << ", " << pdfs << " PDFs, " << pages
            << " pages in " << seconds(elapsed) << " (" << options.jobs << " at a time): "
            << (total - failed - checks_failed) << " built";
  if (checks_failed > 0) std::cout << ", " << checks_failed << " failed checks";
  if (failed > 0) std::cout << ", " << failed << " failed";
  std::cout << "; preflight errors: " << preflight_errors << "\n";
  if (plan.data_checks_failed) std::cout << "the data checks found problems (--strict): see the lines above\n";
  for (const auto& [label, why] : failures) std::cout << "  " << label << ": " << why << "\n";
  return exit_code;
}

}  // namespace

DIZGI_COMMAND("batch", "build many books in one run: every book of a <batch>, in parallel",
              "usage: dizgi batch BOOK.xml... [-j N] [--shard I/N] [--list] [-o DIR]\n"
              "                   [--profile NAME] [--strict] [--allow-outside] [--no-preflight]\n"
              "                   [--no-preview] [--thumbnails WIDTH[:all]] [--quiet]\n\n"
              "Builds every book of the project files given, as 'dizgi build' would, in one run:\n"
              "the plugins and fonts are loaded once and each project file's data is read and\n"
              "checked once. A project file with a <batch> element is one book per row of a data\n"
              "table (e.g. a Birim Faaliyet Raporu for every spending unit); docs/batch.md tells\n"
              "how to write one. Books are built by N worker processes; a book that fails does\n"
              "not stop the others. A line per book says what it wrote or why it failed, and a\n"
              "summary ends the run; on a terminal a status line shows the books being built.\n\n"
              "  -j, --jobs N       build N books at a time (default 1; at most the cores)\n"
              "  --shard I/N        build only books I, I+N, I+2N, ... of the whole list (1-based),\n"
              "                     so that N machines of an array job share the books, e.g.\n"
              "                     --shard $((JOB_COMPLETION_INDEX + 1))/N (Kubernetes Indexed Job)\n"
              "                     or --shard $SLURM_ARRAY_TASK_ID/N (Slurm array 1-N)\n"
              "  --list             list the books (and their files) instead of building them\n"
              + std::string(dizgi::cli::build_options_help) +
              "\n"
              "exit codes: 0 every book built, 1 checks failed (--strict), 2 usage error or a book\n"
              "failed\n",
              run);
