// Total-fit line breaking: ratios, forced breaks, optimality against exhaustive search and
// greedy breaking, the hyphen-run limit, the emergency pass and speed.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <vector>

#include "text/linebreak.hpp"

namespace {

using dizgi::text::break_lines;
using dizgi::text::break_paragraph;
using dizgi::text::BreakParams;
using dizgi::text::evaluate_breaks;
using dizgi::text::is_legal_break;
using dizgi::text::Item;
using dizgi::text::LineBreak;

Item box(double width) { return Item{Item::Kind::box, width, 0, 0, 0, false}; }
Item glue(double width, double stretch, double shrink) {
  return Item{Item::Kind::glue, width, stretch, shrink, 0, false};
}
Item penalty(double value, double width = 0, bool flagged = false) {
  return Item{Item::Kind::penalty, width, 0, 0, value, flagged};
}

void finish(std::vector<Item>& items) {
  items.push_back(penalty(10000));
  items.push_back(glue(0, 1e6, 0));
  items.push_back(penalty(-10000));
}

// Words of the given widths separated by spaces (10pt, +5/-3), ended as a paragraph.
std::vector<Item> paragraph(const std::vector<double>& words) {
  std::vector<Item> items;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) items.push_back(glue(10, 5, 3));
    items.push_back(box(words[i]));
  }
  finish(items);
  return items;
}

std::function<double(std::size_t)> fixed(double width) {
  return [width](std::size_t) { return width; };
}

std::vector<std::size_t> indices(const std::vector<LineBreak>& lines) {
  std::vector<std::size_t> out;
  for (const LineBreak& line : lines) out.push_back(line.index);
  return out;
}

// First fit: ends a line at the last legal break whose natural width still fits.
std::vector<std::size_t> greedy(const std::vector<Item>& items, double width) {
  std::vector<std::size_t> breaks;
  double used = 0;
  std::size_t last_fit = 0;
  bool line_has_content = false;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (is_legal_break(items, i) && line_has_content) {
      if (items[i].kind == Item::Kind::penalty && items[i].penalty <= -10000) {
        breaks.push_back(i);
        break;
      }
      if (used <= width) {
        last_fit = i;
      } else {
        breaks.push_back(last_fit);
        // restart measuring after last_fit
        used = 0;
        line_has_content = false;
        i = last_fit;
        continue;
      }
    }
    if (items[i].kind == Item::Kind::box) {
      used += items[i].width;
      line_has_content = true;
    } else if (items[i].kind == Item::Kind::glue && line_has_content) {
      used += items[i].width;
    }
  }
  return breaks;
}

// Every legal sequence of breaks, the cheapest by evaluate_breaks (small inputs only): no
// line outside the tolerance or overfull, at most max_consecutive_hyphens hyphens in a row.
double exhaustive_best(const std::vector<Item>& items, double width, const BreakParams& params,
                       std::vector<std::size_t>& best_breaks) {
  std::vector<std::size_t> candidates;
  for (std::size_t i = 0; i + 1 < items.size(); ++i) {
    if (is_legal_break(items, i)) candidates.push_back(i);
  }
  double best = std::numeric_limits<double>::infinity();
  const std::size_t count = candidates.size();
  for (std::size_t mask = 0; mask < (std::size_t{1} << count); ++mask) {
    std::vector<std::size_t> breaks;
    for (std::size_t k = 0; k < count; ++k) {
      if ((mask >> k) & 1U) breaks.push_back(candidates[k]);
    }
    breaks.push_back(items.size() - 1);
    const auto result = evaluate_breaks(items, breaks, fixed(width), params);
    bool acceptable = true;
    int run = 0;
    for (const LineBreak& line : result.lines) {
      acceptable = acceptable && !line.loose;
      run = line.hyphenated ? run + 1 : 0;
      acceptable = acceptable && run <= params.max_consecutive_hyphens;
    }
    if (acceptable && result.total_demerits < best) {
      best = result.total_demerits;
      best_breaks = breaks;
    }
  }
  return best;
}

}  // namespace

TEST(TextLinebreak, RatioIsStretchOrShrinkOverAvailable) {
  // Line 1: 40 + 10 + 40 = 90 natural, stretch 6, shrink 4.
  std::vector<Item> items{box(40), glue(10, 6, 4), box(40), glue(10, 6, 4), box(200)};
  finish(items);
  BreakParams params;
  params.tolerance = 10;
  params.pretolerance = 10;
  auto lines = break_lines(
      items, [](std::size_t line) { return line == 0 ? 96.0 : 300.0; }, params);
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_EQ(lines[0].index, 3U);
  EXPECT_DOUBLE_EQ(lines[0].ratio, 1.0);
  EXPECT_DOUBLE_EQ(lines[1].ratio, 0.0);  // the last line is set at natural width
  lines = break_lines(
      items, [](std::size_t line) { return line == 0 ? 88.0 : 300.0; }, params);
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_DOUBLE_EQ(lines[0].ratio, -0.5);
}

TEST(TextLinebreak, ExpansionAddsStretchInProportionToBoxWidth) {
  std::vector<Item> items{box(40), glue(10, 6, 4), box(40), glue(10, 6, 4), box(200)};
  finish(items);
  BreakParams params;
  params.expansion = 0.05;  // 80 pt of boxes: 4 pt more stretch and shrink
  auto lines = break_lines(
      items, [](std::size_t line) { return line == 0 ? 100.0 : 300.0; }, params);
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_DOUBLE_EQ(lines[0].ratio, 1.0);  // 10 pt to fill / (6 + 4)
}

TEST(TextLinebreak, ForcedBreaksAlwaysEndALine) {
  std::vector<Item> items{box(30), glue(10, 5, 3), box(30)};
  items.push_back(penalty(-10000));  // a forced line end inside the paragraph
  items.push_back(box(30));
  items.push_back(glue(10, 5, 3));
  items.push_back(box(30));
  finish(items);
  const auto result = break_paragraph(items, fixed(300));
  ASSERT_EQ(result.lines.size(), 2U);
  EXPECT_EQ(result.lines[0].index, 3U);
  EXPECT_FALSE(result.lines[0].loose);
  EXPECT_DOUBLE_EQ(result.lines[0].ratio, 0.0);
  EXPECT_EQ(result.pass, 1);
}

TEST(TextLinebreak, VariableLineWidthsComeFromTheCallback) {
  const auto items = paragraph(std::vector<double>(30, 40));
  const auto lines = break_lines(items, [](std::size_t line) { return line < 2 ? 150.0 : 400.0; });
  ASSERT_GE(lines.size(), 3U);
  // The first two (narrow) lines hold 3 words each; the wide ones 8.
  EXPECT_EQ(lines[0].index, 5U);
  EXPECT_EQ(lines[1].index, 11U);
  EXPECT_EQ(lines[2].index, 27U);
}

TEST(TextLinebreak, MatchesExhaustiveSearchAndBeatsGreedy) {
  // Widths chosen so that first fit makes one very loose line that total fit avoids.
  const std::vector<double> words{62, 20, 18, 60, 45, 30, 55, 20, 41, 38, 35, 25, 47, 33};
  const auto items = paragraph(words);
  const double width = 150;
  BreakParams params;
  params.tolerance = 10;
  params.pretolerance = -1;
  std::vector<std::size_t> best;
  const double best_demerits = exhaustive_best(items, width, params, best);
  const auto result = break_paragraph(items, fixed(width), params);
  EXPECT_EQ(indices(result.lines), best);
  EXPECT_NEAR(result.total_demerits, best_demerits, 1e-6 * best_demerits);
  const auto first_fit = greedy(items, width);
  const auto greedy_result = evaluate_breaks(items, first_fit, fixed(width), params);
  EXPECT_NE(first_fit, indices(result.lines));
  EXPECT_LT(result.total_demerits, greedy_result.total_demerits);
  EXPECT_EQ(result.pass, 2);
  // The optimum ends lines after words 2, 5, 8, 11 (glue items 5, 11, 17, 23): ratios 3, -0.83,
  // 1.4, 3.2. First fit takes "60 45" as the second line (ratio 7) because "30" no longer fits.
  EXPECT_EQ(indices(result.lines), (std::vector<std::size_t>{5, 11, 17, 23, items.size() - 1}));
  EXPECT_EQ(first_fit, (std::vector<std::size_t>{5, 9, 15, 21, items.size() - 1}));
}

TEST(TextLinebreak, EqualsExhaustiveSearchOnRandomHyphenatedParagraphs) {
  unsigned seed = 2024;
  auto next = [&seed](unsigned range) {
    seed = seed * 1103515245U + 12345U;
    return static_cast<double>((seed >> 16) % range);
  };
  BreakParams params;
  params.pretolerance = -1;  // one pass with hyphens, as the exhaustive search
  params.tolerance = 4;
  params.emergency_pass = false;
  params.max_consecutive_hyphens = 1;
  int compared = 0;
  for (int trial = 0; trial < 30; ++trial) {
    std::vector<Item> items;
    for (int word = 0; word < 8; ++word) {
      if (word > 0) items.push_back(glue(8, 4, 3));
      items.push_back(box(10 + next(30)));
      if (next(2) == 0) {
        items.push_back(penalty(next(2) == 0 ? 50 : 0, 4, true));
        items.push_back(box(10 + next(20)));
      }
    }
    finish(items);
    const double width = 90 + next(40);
    std::vector<std::size_t> best;
    const double best_demerits = exhaustive_best(items, width, params, best);
    const auto result = break_paragraph(items, fixed(width), params);
    if (best.empty()) {
      EXPECT_TRUE(result.lines.empty()) << "trial " << trial;
      continue;
    }
    ++compared;
    EXPECT_NEAR(result.total_demerits, best_demerits, 1e-9 * best_demerits) << "trial " << trial;
  }
  EXPECT_GE(compared, 10);
}

TEST(TextLinebreak, NeverThreeHyphenatedLinesInARow) {
  // Every word is two syllables of 25 pt with a free hyphen between them; the widths (150 pt,
  // then 135 pt) make a hyphen at the end of every line a perfect fit (ratio 0).
  std::vector<Item> items;
  for (int word = 0; word < 60; ++word) {
    if (word > 0) items.push_back(glue(10, 5, 5));
    items.push_back(box(25));
    items.push_back(penalty(0, 5, true));
    items.push_back(box(25));
  }
  finish(items);
  BreakParams params;
  params.flagged_demerits = 0;
  params.final_hyphen_demerits = 0;
  params.pretolerance = -1;
  params.max_consecutive_hyphens = 1000;
  params.tolerance = 10;
  const auto widths = [](std::size_t line) { return line == 0 ? 150.0 : 135.0; };
  auto count_run = [](const std::vector<LineBreak>& lines) {
    int run = 0;
    int longest = 0;
    for (const LineBreak& line : lines) {
      run = line.hyphenated ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    return longest;
  };
  const auto unlimited = break_lines(items, widths, params);
  ASSERT_FALSE(unlimited.empty());
  EXPECT_GE(count_run(unlimited), 3);  // without the limit the optimum hyphenates runs
  params.max_consecutive_hyphens = 2;
  const auto limited = break_lines(items, widths, params);
  ASSERT_FALSE(limited.empty());
  EXPECT_LE(count_run(limited), 2);
  EXPECT_GE(count_run(limited), 1);
}

TEST(TextLinebreak, EmergencyPassMarksAnUnbreakableLongWordLoose) {
  const auto items = paragraph({30, 20, 400, 30, 25, 40});
  BreakParams params;
  const auto result = break_paragraph(items, fixed(150), params);
  EXPECT_EQ(result.pass, 3);
  ASSERT_FALSE(result.lines.empty());
  bool any_loose = false;
  for (const LineBreak& line : result.lines) {
    any_loose = any_loose || line.loose;
    if (line.ratio < -1) EXPECT_TRUE(line.loose);
  }
  EXPECT_TRUE(any_loose);
  EXPECT_EQ(result.lines.back().index, items.size() - 1);
  params.emergency_pass = false;
  EXPECT_TRUE(break_lines(items, fixed(150), params).empty());
}

TEST(TextLinebreak, FirstPassAvoidsHyphensWhenItCan) {
  std::vector<Item> items;
  for (int word = 0; word < 40; ++word) {
    if (word > 0) items.push_back(glue(10, 5, 3));
    items.push_back(box(20));
    items.push_back(penalty(50, 5, true));
    items.push_back(box(20));
  }
  finish(items);
  const auto result = break_paragraph(items, fixed(200));  // 4 words of 40 + 3 spaces = 190
  EXPECT_EQ(result.pass, 1);
  for (const LineBreak& line : result.lines) EXPECT_FALSE(line.hyphenated);
}

TEST(TextLinebreak, TwoThousandWordsBreakQuickly) {
  std::vector<double> words;
  unsigned seed = 12345;
  for (int i = 0; i < 2000; ++i) {
    seed = seed * 1103515245U + 12345U;
    words.push_back(15 + static_cast<double>((seed >> 16) % 50));
  }
  std::vector<Item> items;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) items.push_back(glue(10, 5, 3));
    items.push_back(box(words[i] * 0.6));
    items.push_back(penalty(50, 5, true));
    items.push_back(box(words[i] * 0.4));
  }
  finish(items);
  const auto start = std::chrono::steady_clock::now();
  const auto result = break_paragraph(items, fixed(450));
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(result.lines.empty());
  EXPECT_GT(result.lines.size(), 100U);
  EXPECT_LT(std::chrono::duration<double>(elapsed).count(), 2.0);
}

// Regression (issue 8, point 7): a paragraph whose last line exactly fills the measure was
// followed by an empty line. The setter ends a paragraph with glue(fill), penalty(-10000) and no
// penalty(10000) in front of the fill, so that glue was a legal break; after a hyphenated
// second-last line, ending there and setting an empty last line cost less than the final-hyphen
// demerits. A break that leaves nothing but discardable items before a forced break is no break.
TEST(TextLinebreak, LastLineThatFillsTheMeasureIsNotFollowedByAnEmptyLine) {
  std::vector<Item> items{box(50), glue(10, 5, 3), box(35), penalty(50, 5, true), box(100),
                          glue(0, 1e6, 0), penalty(-10000)};
  dizgi::text::BreakResult result = break_paragraph(items, fixed(100));
  ASSERT_EQ(result.pass, 2);
  EXPECT_EQ(indices(result.lines), (std::vector<std::size_t>{3, 6}));
  EXPECT_TRUE(result.lines[0].hyphenated);
  EXPECT_DOUBLE_EQ(result.lines[1].ratio, 0);

  // Without the hyphen, and with the TeX ending (penalty(10000) before the fill), one line.
  std::vector<Item> exact{box(45), glue(10, 5, 3), box(45)};
  finish(exact);
  EXPECT_EQ(indices(break_lines(exact, fixed(100))), (std::vector<std::size_t>{5}));
  std::vector<Item> unguarded{box(45), glue(10, 5, 3), box(45), glue(0, 1e6, 0), penalty(-10000)};
  EXPECT_EQ(indices(break_lines(unguarded, fixed(100))), (std::vector<std::size_t>{4}));
}

// Issue 16: a paragraph of 512 k characters (about 80,000 words) exhausted memory. Long
// paragraphs are broken in windows: every line is still a legal break in order, every line
// keeps its line number's width (the callback is asked with increasing numbers), the lines
// fit. (Time and memory are bounded by hostile.memory.long.paragraph, not by a timed unit test.)
TEST(TextLinebreak, VeryLongParagraphIsBrokenInBoundedWindows) {
  std::vector<double> words;
  for (int i = 0; i < 80000; ++i) words.push_back(10 + (i * 7919) % 23);
  std::vector<Item> items = paragraph(words);
  std::size_t asked = 0;
  auto result = dizgi::text::break_paragraph(
      items, [&](std::size_t line) { asked = std::max(asked, line); return line % 2 ? 300.0 : 320.0; });
  ASSERT_FALSE(result.lines.empty());
  EXPECT_EQ(result.lines.back().index + 1, items.size());
  EXPECT_GE(asked + 1, result.lines.size());
  std::size_t previous = 0;
  std::size_t loose = 0;
  for (std::size_t k = 0; k < result.lines.size(); ++k) {
    const auto& line = result.lines[k];
    ASSERT_TRUE(dizgi::text::is_legal_break(items, line.index)) << k;
    if (k > 0) ASSERT_GT(line.index, previous) << k;
    previous = line.index;
    if (line.loose) ++loose;
  }
  EXPECT_EQ(loose, 0u);
  // The same breaks as evaluate_breaks computes for them, with the same widths per line.
  std::vector<std::size_t> breaks;
  for (const auto& line : result.lines) breaks.push_back(line.index);
  auto evaluated = dizgi::text::evaluate_breaks(
      items, breaks, [](std::size_t line) { return line % 2 ? 300.0 : 320.0; });
  for (std::size_t k = 0; k + 1 < result.lines.size(); ++k) {
    EXPECT_NEAR(evaluated.lines[k].ratio, result.lines[k].ratio, 1e-9) << k;
  }
}
