// Total-fit (Knuth–Plass) line breaking over boxes, glue and penalties.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace dizgi::text {

struct Item {
  enum class Kind { box = 1, glue, penalty };
  Kind kind = Kind::box;
  double width = 0;    // points
  double stretch = 0;  // glue only
  double shrink = 0;   // glue only
  double penalty = 0;  // penalty only; <= -10000 forces a break, >= 10000 forbids it
  bool flagged = false;  // penalty only: a hyphen break (for consecutive-hyphen demerits)
};

struct BreakParams {
  double tolerance = 2.0;          // maximum adjustment ratio accepted in the first passes
  double line_penalty = 10;
  double flagged_demerits = 3000;  // two hyphenated lines in a row
  double fitness_demerits = 3000;  // adjacent lines of very different tightness
  int max_consecutive_hyphens = 2;
  bool emergency_pass = true;      // if nothing fits: allow any ratio, report loose lines
};

struct LineBreak {
  std::size_t index = 0;  // the item where the line ends (a glue or penalty)
  double ratio = 0;       // adjustment ratio of the line (-1..+inf)
  bool loose = false;     // set outside the tolerance (emergency pass)
};

// Breaks `items` (the last item must be a forced break) into lines whose widths are given by
// `line_width(line_number)`. Returns one LineBreak per line.
std::vector<LineBreak> break_lines(const std::vector<Item>& items,
                                   const std::function<double(std::size_t)>& line_width,
                                   const BreakParams& params = {});

}  // namespace dizgi::text
