// Total-fit line breaking (Knuth & Plass, "Breaking paragraphs into lines", 1981), with
// the TeX conventions for passes, fitness classes and demerits. See docs/typesetting.md.
#include "text/linebreak.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace dizgi::text {
namespace {

constexpr double forced_break = -10000;
constexpr double forbidden_break = 10000;
constexpr double badness_cap = 1e8;         // badness of a line with no stretch to fill it
constexpr double overfull_demerits = 1e20;  // per point of overflow, emergency pass only
constexpr std::size_t emergency_active_limit = 48;  // active nodes kept in the emergency pass
constexpr std::size_t no_node = std::numeric_limits<std::size_t>::max();

bool is_penalty(const Item& item) { return item.kind == Item::Kind::penalty; }
bool is_forced(const Item& item) { return is_penalty(item) && item.penalty <= forced_break; }
bool is_flagged(const Item& item) { return is_penalty(item) && item.flagged; }

// Fitness classes, numbered so that "more than one class apart" is a difference above 1.
constexpr int very_loose = 0;
constexpr int loose_fit = 1;
constexpr int decent = 2;
constexpr int tight = 3;

int fitness_of(double ratio) {
  if (ratio > 1) return very_loose;
  if (ratio > 0.5) return loose_fit;
  if (ratio >= -0.5) return decent;
  return tight;
}

double badness_of(double ratio) {
  if (ratio < -1) return badness_cap;
  const double value = 100.0 * std::pow(std::abs(ratio), 3);
  return std::min(value, badness_cap);
}

struct Measure {
  double ratio = 0;
  double overflow = 0;  // points beyond the line width when the line cannot shrink enough
};

struct Node {
  std::size_t position = no_node;  // item index of the break; no_node for the paragraph start
  std::size_t start = 0;           // first item of the line that follows this break
  std::size_t line = 0;            // number of lines before this break's following line
  int fitness = decent;
  int hyphen_run = 0;  // consecutive hyphenated lines ending here
  bool flagged = false;
  double total = 0;  // total demerits up to here
  double ratio = 0;
  double demerits = 0;  // demerits of the line ending here
  bool loose = false;
  std::size_t previous = no_node;
};

class Breaker {
 public:
  Breaker(const std::vector<Item>& items, const std::function<double(std::size_t)>& line_width,
          const BreakParams& params)
      : items_(items), line_width_(line_width), params_(params) {
    const std::size_t n = items.size();
    width_.assign(n + 1, 0);
    stretch_.assign(n + 1, 0);
    shrink_.assign(n + 1, 0);
    box_.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
      const Item& item = items[i];
      width_[i + 1] = width_[i];
      stretch_[i + 1] = stretch_[i];
      shrink_[i + 1] = shrink_[i];
      box_[i + 1] = box_[i];
      if (item.kind == Item::Kind::box) {
        width_[i + 1] += item.width;
        box_[i + 1] += item.width;
      } else if (item.kind == Item::Kind::glue) {
        width_[i + 1] += item.width;
        stretch_[i + 1] += item.stretch;
        shrink_[i + 1] += item.shrink;
      }
    }
  }

  // First item of the line after a break at `position`: glue and optional penalties after a
  // break are discarded, up to the next box or forced break.
  std::size_t start_after(std::size_t position) const {
    std::size_t j = position + 1;
    while (j < items_.size() && items_[j].kind != Item::Kind::box && !is_forced(items_[j])) ++j;
    return j;
  }

  // True when only discardable items lie between `position` and the next forced break.
  bool ends_before_forced(std::size_t position) const {
    const std::size_t next = start_after(position);
    return next >= items_.size() || is_forced(items_[next]);
  }

  Measure measure(std::size_t start, std::size_t end, std::size_t line) const {
    const Item& last = items_[end];
    double natural = width_[end] - width_[start];
    if (is_penalty(last)) natural += last.width;
    natural -= hanging(start, end);
    const double boxes = box_[end] - box_[start];
    const double target = width_of(line);
    Measure result;
    if (params_.expansion_first && params_.expansion > 0 && boxes > 0) {
      const double glyphs = params_.expansion * boxes;
      const double glue_stretch = stretch_[end] - stretch_[start];
      const double glue_shrink = shrink_[end] - shrink_[start];
      const double gap = target - natural;
      const double r0 = params_.expansion_ratio;
      if (gap > 0 && is_forced(last)) {
        result.ratio = 0;
      } else if (std::abs(gap) <= glyphs) {
        result.ratio = r0 * gap / glyphs;
      } else if (gap > 0) {
        result.ratio = glue_stretch > 0 ? r0 + (gap - glyphs) / glue_stretch : std::numeric_limits<double>::infinity();
      } else if (glue_shrink > 0) {
        result.ratio = -r0 - (1 - r0) * (-gap - glyphs) / glue_shrink;
        if (result.ratio < -1) result.overflow = -gap - glyphs - glue_shrink;
      } else {
        result.ratio = -std::numeric_limits<double>::infinity();
        result.overflow = -gap - glyphs;
      }
      return result;
    }
    const double stretch = stretch_[end] - stretch_[start] + params_.expansion * boxes;
    const double shrink = shrink_[end] - shrink_[start] + params_.expansion * boxes;
    if (natural < target) {
      if (is_forced(last)) {
        result.ratio = 0;  // a forced line end is set at natural width
      } else if (stretch > 0) {
        result.ratio = (target - natural) / stretch;
      } else {
        result.ratio = std::numeric_limits<double>::infinity();
      }
    } else if (natural > target) {
      if (shrink > 0) {
        result.ratio = (target - natural) / shrink;
      } else {
        result.ratio = -std::numeric_limits<double>::infinity();
      }
      if (result.ratio < -1) result.overflow = natural - shrink - target;
    }
    return result;
  }

  // Points the line from `start` to the break at `end` hangs into both margins (protrusion).
  double hanging(std::size_t start, std::size_t end) const {
    double hang = 0;
    if (start < end && items_[start].kind == Item::Kind::box) hang += items_[start].protrude_left;
    const Item& last = items_[end];
    if (is_penalty(last)) {
      if (last.width > 0) return hang + last.protrude_right;  // the hyphen hangs
      if (end > start && items_[end - 1].kind == Item::Kind::box) hang += items_[end - 1].protrude_right;
      return hang;
    }
    if (last.kind == Item::Kind::glue && end > start && items_[end - 1].kind == Item::Kind::box)
      hang += items_[end - 1].protrude_right;
    return hang;
  }

  double line_demerits(double badness, std::size_t end, const Node& from, int fitness) const {
    const Item& last = items_[end];
    const double base = params_.line_penalty + badness;
    double demerits = base * base;
    if (is_penalty(last) && !is_forced(last)) {
      if (last.penalty >= 0) {
        demerits += last.penalty * last.penalty;
      } else {
        demerits -= last.penalty * last.penalty;
      }
    }
    if (from.flagged) {
      if (is_flagged(last)) demerits += params_.flagged_demerits;
      if (end + 1 == items_.size()) demerits += params_.final_hyphen_demerits;
    }
    if (std::abs(fitness - from.fitness) > 1) demerits += params_.fitness_demerits;
    return demerits;
  }

  // One pass; returns false when no sequence of breaks satisfies its constraints.
  bool run(double tolerance, bool hyphens, bool emergency, BreakResult& result) {
    nodes_.clear();
    Node first;
    first.start = 0;
    nodes_.push_back(first);
    std::vector<std::size_t> active{0};
    std::vector<std::size_t> survivors;
    std::vector<Node> candidates;
    std::vector<std::size_t> overfull_from;
    const std::size_t n = items_.size();
    const int max_run = std::max(params_.max_consecutive_hyphens, 0);

    for (std::size_t b = 0; b < n; ++b) {
      if (!is_legal_break(items_, b)) continue;
      const Item& here = items_[b];
      const bool forced = is_forced(here);
      const bool flagged = is_flagged(here);
      if (flagged && !hyphens && !forced) continue;
      // A break followed by nothing but discardable items up to a forced break would leave
      // an empty line (the glue before a paragraph's closing fill, when the caller does not
      // guard it with penalty(10000)): never a place to end a line.
      if (!forced && ends_before_forced(b)) continue;
      survivors.clear();
      candidates.clear();
      overfull_from.clear();
      for (std::size_t index : active) {
        const Node& from = nodes_[index];
        if (b < from.start) {
          survivors.push_back(index);
          continue;
        }
        const Measure m = measure(from.start, b, from.line);
        const bool deactivate = forced || m.ratio < -1;
        if (!deactivate) survivors.push_back(index);
        if (m.ratio < -1) {
          overfull_from.push_back(index);
          continue;
        }
        if (m.ratio > tolerance && !emergency) continue;
        if (flagged && from.hyphen_run >= max_run) continue;
        const int fitness = fitness_of(m.ratio);
        const double demerits = line_demerits(badness_of(m.ratio), b, from, fitness);
        Node node;
        node.position = b;
        node.start = start_after(b);
        node.line = from.line + 1;
        node.fitness = fitness;
        node.hyphen_run = flagged ? from.hyphen_run + 1 : 0;
        node.flagged = flagged;
        node.total = from.total + demerits;
        node.ratio = m.ratio;
        node.demerits = demerits;
        node.loose = m.ratio > tolerance;
        node.previous = index;
        add_candidate(candidates, node);
      }
      // Emergency: when every path would end here, accept the least bad overfull line.
      if (emergency && candidates.empty() && survivors.empty() && !overfull_from.empty()) {
        Node best;
        best.total = std::numeric_limits<double>::infinity();
        for (std::size_t index : overfull_from) {
          const Node& from = nodes_[index];
          const Measure m = measure(from.start, b, from.line);
          const double demerits =
              line_demerits(badness_cap, b, from, tight) + overfull_demerits * (1 + m.overflow);
          if (from.total + demerits >= best.total) continue;
          best.position = b;
          best.start = start_after(b);
          best.line = from.line + 1;
          best.fitness = tight;
          best.hyphen_run = flagged ? from.hyphen_run + 1 : 0;
          best.flagged = flagged;
          best.total = from.total + demerits;
          best.ratio = m.ratio;
          best.demerits = demerits;
          best.loose = true;
          best.previous = index;
        }
        candidates.push_back(best);
      }
      for (const Node& node : candidates) {
        nodes_.push_back(node);
        survivors.push_back(nodes_.size() - 1);
      }
      active.swap(survivors);
      if (active.empty()) return false;
      // The emergency pass accepts any stretch, so every break stays reachable from every
      // active node; keeping only the best of them bounds its cost to linear time.
      if (emergency && active.size() > emergency_active_limit) {
        std::nth_element(active.begin(), active.begin() + emergency_active_limit, active.end(),
                         [&](std::size_t a, std::size_t b2) { return nodes_[a].total < nodes_[b2].total; });
        active.resize(emergency_active_limit);
      }
    }

    std::size_t best = no_node;
    for (std::size_t index : active) {
      if (nodes_[index].position + 1 != n) continue;
      if (best == no_node || nodes_[index].total < nodes_[best].total) best = index;
    }
    if (best == no_node) return false;
    result.lines.clear();
    result.total_demerits = nodes_[best].total;
    for (std::size_t index = best; nodes_[index].position != no_node;
         index = nodes_[index].previous) {
      const Node& node = nodes_[index];
      LineBreak line;
      line.index = node.position;
      line.ratio = node.ratio;
      line.loose = node.loose;
      line.hyphenated = node.flagged;
      line.demerits = node.demerits;
      result.lines.push_back(line);
    }
    std::reverse(result.lines.begin(), result.lines.end());
    return true;
  }

  BreakResult evaluate(const std::vector<std::size_t>& breaks) const {
    BreakResult result;
    Node from;
    for (std::size_t b : breaks) {
      const Measure m = measure(from.start, b, from.line);
      const int fitness = fitness_of(m.ratio);
      double demerits = line_demerits(badness_of(m.ratio), b, from, fitness);
      if (m.ratio < -1) demerits += overfull_demerits * (1 + m.overflow);
      LineBreak line;
      line.index = b;
      line.ratio = m.ratio;
      line.loose = m.ratio > params_.tolerance || m.ratio < -1;
      line.hyphenated = is_flagged(items_[b]);
      line.demerits = demerits;
      result.lines.push_back(line);
      result.total_demerits += demerits;
      Node next;
      next.position = b;
      next.start = start_after(b);
      next.line = from.line + 1;
      next.fitness = fitness;
      next.flagged = line.hyphenated;
      from = next;
    }
    return result;
  }

 private:
  // The caller's line widths, asked once per line number.
  double width_of(std::size_t line) const {
    while (line_widths_.size() <= line) line_widths_.push_back(line_width_(line_widths_.size()));
    return line_widths_[line];
  }

  // Keeps the best candidate per (line, fitness class, hyphen run): those are the states a
  // later line's demerits or constraints can tell apart.
  static void add_candidate(std::vector<Node>& candidates, const Node& node) {
    for (Node& other : candidates) {
      if (other.line == node.line && other.fitness == node.fitness &&
          other.hyphen_run == node.hyphen_run) {
        if (node.total < other.total) other = node;
        return;
      }
    }
    candidates.push_back(node);
  }

  const std::vector<Item>& items_;
  const std::function<double(std::size_t)>& line_width_;
  const BreakParams& params_;
  std::vector<double> width_, stretch_, shrink_, box_;
  std::vector<Node> nodes_;
  mutable std::vector<double> line_widths_;
};

}  // namespace

bool is_legal_break(const std::vector<Item>& items, std::size_t index) {
  if (index >= items.size()) return false;
  const Item& item = items[index];
  if (item.kind == Item::Kind::glue) {
    return index > 0 && items[index - 1].kind == Item::Kind::box;
  }
  if (item.kind == Item::Kind::penalty) return item.penalty < forbidden_break;
  return false;
}

namespace {

// Paragraphs longer than this many items are broken in windows (below); shorter ones whole.
constexpr std::size_t window_items = 6000;

BreakResult break_whole(const std::vector<Item>& items, const std::function<double(std::size_t)>& line_width,
                        const BreakParams& params);

// A very long paragraph (a 15 MB text without a blank line) is broken window by window: the
// breaker runs on `window_items` items closed like a paragraph end, the lines that end in the
// first three quarters are kept, and the next window starts after the last kept break. Memory
// and time stay bounded by the window; total fit holds within each window, which is more than
// any reader of a paragraph of 100 pages can tell apart.
BreakResult break_in_windows(const std::vector<Item>& items,
                             const std::function<double(std::size_t)>& line_width,
                             const BreakParams& params) {
  BreakResult result;
  std::size_t start = 0;
  std::size_t line_offset = 0;
  const std::size_t n = items.size();
  while (n - start > window_items + window_items / 2) {
    // Lines start after discardable items, as after any break.
    while (start < n && items[start].kind != Item::Kind::box && !(items[start].kind == Item::Kind::penalty &&
                                                                  items[start].penalty <= -forbidden_break)) {
      ++start;
    }
    if (n - start <= window_items + window_items / 2) break;
    std::vector<Item> window(items.begin() + static_cast<std::ptrdiff_t>(start),
                             items.begin() + static_cast<std::ptrdiff_t>(start + window_items));
    Item no_break;
    no_break.kind = Item::Kind::penalty;
    no_break.penalty = forbidden_break;
    Item fill;
    fill.kind = Item::Kind::glue;
    fill.stretch = 1e9;
    Item end;
    end.kind = Item::Kind::penalty;
    end.penalty = -forbidden_break;
    window.push_back(no_break);
    window.push_back(fill);
    window.push_back(end);
    const std::size_t offset = line_offset;
    BreakResult part = break_whole(
        window, [&](std::size_t line) { return line_width(offset + line); }, params);
    if (part.lines.size() < 2) return break_whole(items, line_width, params);  // nothing to window
    const std::size_t keep_before = window_items * 3 / 4;
    std::size_t kept = 0;
    for (const LineBreak& line : part.lines) {
      if (line.index >= keep_before && kept > 0) break;
      if (line.index >= window_items) break;  // the artificial end
      LineBreak placed = line;
      placed.index += start;
      result.lines.push_back(placed);
      result.total_demerits += line.demerits;
      ++kept;
    }
    if (kept == 0) return break_whole(items, line_width, params);
    result.pass = std::max(result.pass, part.pass);
    line_offset += kept;
    start = result.lines.back().index + 1;
  }
  while (start < n && items[start].kind != Item::Kind::box &&
         !(items[start].kind == Item::Kind::penalty && items[start].penalty <= -forbidden_break)) {
    ++start;
  }
  std::vector<Item> rest(items.begin() + static_cast<std::ptrdiff_t>(start), items.end());
  const std::size_t offset = line_offset;
  BreakResult last = break_whole(rest, [&](std::size_t line) { return line_width(offset + line); }, params);
  if (last.lines.empty()) return last;  // no pass succeeded: as for a short paragraph
  for (LineBreak line : last.lines) {
    line.index += start;
    result.lines.push_back(line);
  }
  result.total_demerits += last.total_demerits;
  result.pass = std::max(result.pass, last.pass);
  return result;
}

}  // namespace

BreakResult break_paragraph(const std::vector<Item>& items,
                            const std::function<double(std::size_t)>& line_width,
                            const BreakParams& params) {
  if (items.size() > 2 * window_items) return break_in_windows(items, line_width, params);
  return break_whole(items, line_width, params);
}

namespace {

BreakResult break_whole(const std::vector<Item>& items, const std::function<double(std::size_t)>& line_width,
                        const BreakParams& params) {
  BreakResult result;
  if (items.empty()) return result;
  Breaker breaker(items, line_width, params);
  if (params.pretolerance >= 0 && breaker.run(params.pretolerance, false, false, result)) {
    result.pass = 1;
  } else if (breaker.run(params.tolerance, true, false, result)) {
    result.pass = 2;
  } else if (params.emergency_pass && breaker.run(params.tolerance, true, true, result)) {
    result.pass = 3;
  }
  return result;
}

}  // namespace

std::vector<LineBreak> break_lines(const std::vector<Item>& items,
                                   const std::function<double(std::size_t)>& line_width,
                                   const BreakParams& params) {
  return break_paragraph(items, line_width, params).lines;
}

BreakResult evaluate_breaks(const std::vector<Item>& items, const std::vector<std::size_t>& breaks,
                            const std::function<double(std::size_t)>& line_width,
                            const BreakParams& params) {
  Breaker breaker(items, line_width, params);
  return breaker.evaluate(breaks);
}

}  // namespace dizgi::text
