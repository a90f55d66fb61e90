// Printing what the build API returns: diagnostics one per line, on stderr.
#pragma once

#include <dizgi/diagnostics.hpp>

#include <ostream>
#include <vector>

namespace dizgi::cli {

struct PrintOptions {
  bool quiet = false;  // leave out notes (severity info)
  int fold_after = 0;  // > 0: after this many of one code, count the rest instead of printing them
};

void print_diagnostics(const std::vector<Diagnostic>& diagnostics, std::ostream& err,
                       const PrintOptions& options = {});

}  // namespace dizgi::cli
