// Typographic quality statistics of broken paragraphs: word-space widths relative to their
// natural width, hyphenated line endings and hyphen runs. The benchmark targets of the book
// engine are in QualityTargets; docs/typesetting.md reports measured values.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "text/linebreak.hpp"

namespace dizgi::text {

struct QualityStats {
  std::size_t paragraphs = 0;
  std::size_t lines = 0;           // all lines
  std::size_t measured_lines = 0;  // lines whose spaces count (not ending at a forced break)
  std::size_t spaces = 0;          // word spaces in measured lines
  double median_space = 1;         // set width / natural width of word spaces
  double p95_space = 1;
  double min_space = 1;
  double max_space = 1;
  double hyphenated_share = 0;  // lines ending in a hyphen / lines not ending a paragraph
  std::size_t hyphenated_lines = 0;
  std::size_t max_hyphen_run = 0;  // longest run of consecutive hyphenated lines
  std::size_t loose_lines = 0;     // lines the breaker marked loose
};

struct QualityTargets {
  double median_min = 0.95;
  double median_max = 1.15;
  double p95_max = 1.45;
  double hyphenated_share_max = 0.30;
  std::size_t max_hyphen_run = 2;
};

// Accumulates paragraphs. Word spaces are glue items with a positive natural width inside a
// line (the glue a line ends at is dropped, so is a paragraph's fill glue of width 0). A space
// is set at width + ratio × stretch (ratio ≥ 0) or width + ratio × shrink (ratio < 0). Lines
// that end at a forced break (the last line of a paragraph) are set at natural width and are
// not measured.
class QualityMeter {
 public:
  void add_paragraph(const std::vector<Item>& items, const std::vector<LineBreak>& lines);
  QualityStats stats() const;

 private:
  std::vector<double> spaces_;
  QualityStats totals_;
  std::size_t breakable_lines_ = 0;  // lines not ending at a forced break
  std::size_t run_ = 0;
};

// Checks `stats` against `targets`; returns an empty string when all are met, otherwise one
// line per missed target.
std::string check_quality(const QualityStats& stats, const QualityTargets& targets = {});

}  // namespace dizgi::text
