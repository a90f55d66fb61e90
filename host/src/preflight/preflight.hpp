// Preflight: reads a finished PDF back with Poppler and checks it against a profile
// (GWG-2015-style print rules, web rules). Runs on any PDF a user hands it: damaged input is a
// finding, never a crash or hang.
#pragma once

#include <array>
#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace dizgi::preflight {

enum class Severity { invalid = 0, info, warning, error };

struct Finding {
  std::string id;                            // stable check id, e.g. "fonts.not-embedded"
  Severity severity = Severity::invalid;
  std::optional<int> page;                   // 1-based; nullopt for document-level findings
  std::optional<std::array<double, 4>> bbox_mm;  // x0, y0, x1, y1 from the page's lower left
  std::string message;
};

struct Options {
  std::string profile = "print";  // a profile name (print, print-sheetfed, print-newspaper, web)
                                  // or the path of a profile XML file
  std::string binding;            // "", "saddle-stitch", "perfect", "signatures": overrides the profile
  double min_text_pt = 0;         // 0: the profile's min-text-pt
  bool ink_coverage = true;
  double timeout_seconds = 0;     // 0: the profile's timeout-seconds
  // Called before each page is checked (1-based page, page count); for progress on a terminal.
  std::function<void(int page, int pages)> progress;
};

struct Report {
  std::string file;
  std::string profile;
  std::vector<Finding> findings;
  bool could_not_check = false;  // the file could not be opened at all (exit 2)
  int pages = 0;                 // pages in the document (0 when it could not be opened)
  int errors() const;
  int warnings() const;
  int infos() const;
};

// Checks `pdf` against the profile named in `options`. Never throws for a bad PDF: damaged,
// encrypted or foreign input becomes an "input.*" finding (could_not_check when nothing else
// can be said). Throws Error(ErrorCode::usage) when the profile cannot be loaded.
Report check_file(const std::filesystem::path& pdf, const Options& options);
// The same for bytes already in memory; `name` is what the report calls the file.
Report check_buffer(std::string data, const std::string& name, const Options& options);

// "error", "warning", "info".
const char* to_string(Severity severity);

std::string to_json(const Report& report);
void print_text(const Report& report, std::ostream& out);
// Exit code: 0 pass (warnings allowed), 1 errors found, 2 could not be checked.
int exit_code(const Report& report);

}  // namespace dizgi::preflight
