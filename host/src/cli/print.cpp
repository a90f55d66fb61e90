#include "cli/print.hpp"

#include <map>
#include <string>

namespace dizgi::cli {

void print_diagnostics(const std::vector<Diagnostic>& diagnostics, std::ostream& err,
                       const PrintOptions& options) {
  std::map<std::string, int> seen;
  std::map<std::string, int> folded;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::info && options.quiet) continue;
    if (options.fold_after > 0 && ++seen[d.code] > options.fold_after) {
      ++folded[d.code];
      continue;
    }
    err << format(d) << "\n";
  }
  for (const auto& [code, count] : folded) {
    err << "dizgi: " << count << " more '" << code << "' diagnostics not shown\n";
  }
}

}  // namespace dizgi::cli
