// A deterministic text dump of a laid-out book, the first oracle of the golden tests
// (tests/golden/engine): pages with their labels and flags, placed elements with their
// position, heading data and lines of text with x positions, footnotes and furniture.
// Numbers are rounded to 0.1 pt and written in the classic locale, so a dump reads the same
// on every machine that has the same fonts.
#pragma once

#include "layout/page_model.hpp"

#include <dizgi/diagnostics.hpp>

#include <string>
#include <vector>

namespace dizgi::layout {

// The whole book: one block per page, then the outline. Lines look like
//   y=14.0 h=14.0 keep <hyphen>
//     | Kuzeykent Büyükşehir Belediyesi, il- @ 0.0 52.1 110.0 160.2
std::string dump(const LaidOutBook& book);

// One diagnostic per line, in the order they were reported, formatted as in dizgi's output
// ("where: error: message (hint: ...)") and prefixed with the code.
std::string dump_diagnostics(const std::vector<Diagnostic>& diagnostics);

}  // namespace dizgi::layout
