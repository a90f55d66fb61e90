// Total-fit (Knuth–Plass) line breaking over boxes, glue and penalties.
//
// Passes: (1) without hyphen breaks, ratios up to `pretolerance`; (2) with hyphen breaks,
// ratios up to `tolerance`; (3) if allowed, an emergency pass that accepts any underfull line
// and, where nothing else fits, an overfull one, marking those lines `loose`. Active nodes carry
// (line number, fitness class, count of consecutive hyphenated lines), so the limit on
// consecutive hyphens is a hard constraint, not a demerit. Cost: O(items × active nodes).
//
// Conventions the caller follows (as in TeX): a first-line indent is a box; a paragraph ends
// with penalty(10000), glue(0, large stretch), penalty(-10000). A line that ends at a forced
// break and is shorter than its width is set at natural width (ratio 0), never stretched.
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
  // Character protrusion (added after the first interface): how far a box may hang into the
  // left margin when it starts a line, and how far a box (a line ending at the glue after it)
  // or a penalty (its hyphen) may hang into the right margin when it ends a line. The line is
  // that much wider for the breaker; the setter shifts it so the mark hangs.
  double protrude_left = 0;   // points, box only
  double protrude_right = 0;  // points, box or penalty
};

struct BreakParams {
  double tolerance = 2.0;          // maximum adjustment ratio accepted in the first passes
  double line_penalty = 10;
  double flagged_demerits = 3000;  // two hyphenated lines in a row
  double fitness_demerits = 3000;  // adjacent lines of very different tightness
  int max_consecutive_hyphens = 2;
  bool emergency_pass = true;      // if nothing fits: allow any ratio, report loose lines
  // Added after the first interface (additive):
  double pretolerance = 1.0;       // first pass (no hyphen breaks); < 0 skips that pass
  double final_hyphen_demerits = 5000;  // the paragraph's second-last line ends in a hyphen
  // Glyph expansion / letter-spacing the line may use, as a fraction of the width of the
  // line's boxes (0.02 = ±2 %, microtype-like). It adds expansion × box width to the line's
  // stretch and shrink; the same ratio applies: a box is scaled by (1 + ratio × expansion),
  // clamped to ±expansion, and glue by ratio × stretch (or shrink).
  double expansion = 0;
  // With expansion_first, the glyphs take a line's adjustment before the glue does: a line
  // whose shortfall or excess the glyphs absorb alone (within ±expansion) has ratio
  // expansion_ratio × (the share of the expansion used); beyond that the glue's own ratio is
  // added (stretching), or the ratio runs from −expansion_ratio to −1 as the glue shrinks to
  // its limit. Word spaces stay at their natural width wherever the glyphs can fill the line.
  bool expansion_first = false;
  double expansion_ratio = 0.5;
};

struct LineBreak {
  std::size_t index = 0;  // the item where the line ends (a glue or penalty)
  double ratio = 0;       // adjustment ratio of the line (-1..+inf)
  bool loose = false;     // set outside the tolerance (emergency pass)
  // Added after the first interface (additive):
  bool hyphenated = false;  // the line ends at a flagged penalty
  double demerits = 0;      // demerits of this line (badness, penalty, flagged, fitness)
};

struct BreakResult {
  std::vector<LineBreak> lines;  // empty if no pass succeeded (emergency_pass = false)
  double total_demerits = 0;
  int pass = 0;                  // 1, 2 or 3 (emergency); 0 if it failed
};

// Breaks `items` (the last item must be a forced break) into lines whose widths are given by
// `line_width(line_number)`. Returns one LineBreak per line.
std::vector<LineBreak> break_lines(const std::vector<Item>& items,
                                   const std::function<double(std::size_t)>& line_width,
                                   const BreakParams& params = {});

// The same, with the total demerits and the pass that succeeded.
BreakResult break_paragraph(const std::vector<Item>& items,
                            const std::function<double(std::size_t)>& line_width,
                            const BreakParams& params = {});

// Ratios and demerits of a given sequence of break indices (each a legal break, the last the
// final forced break), computed exactly as break_paragraph does; for comparing with other
// breakers (greedy) and for tests. Lines outside `tolerance` are marked loose.
BreakResult evaluate_breaks(const std::vector<Item>& items, const std::vector<std::size_t>& breaks,
                            const std::function<double(std::size_t)>& line_width,
                            const BreakParams& params = {});

// True when a line may end at items[index] (glue after a box, or a penalty below 10000).
bool is_legal_break(const std::vector<Item>& items, std::size_t index);

}  // namespace dizgi::text
