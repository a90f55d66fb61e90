// Quality statistics of broken paragraphs.
#include "text/quality.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace dizgi::text {
namespace {

bool ends_forced(const Item& item) {
  return item.kind == Item::Kind::penalty && item.penalty <= -10000;
}

double percentile(std::vector<double> values, double fraction) {
  if (values.empty()) return 1;
  std::sort(values.begin(), values.end());
  const double position = fraction * static_cast<double>(values.size() - 1);
  const auto low = static_cast<std::size_t>(std::floor(position));
  const auto high = static_cast<std::size_t>(std::ceil(position));
  const double weight = position - static_cast<double>(low);
  return values[low] * (1 - weight) + values[high] * weight;
}

std::string format(const char* pattern, double value, double limit) {
  char buffer[160];
  std::snprintf(buffer, sizeof buffer, pattern, value, limit);
  return buffer;
}

}  // namespace

void QualityMeter::add_paragraph(const std::vector<Item>& items,
                                 const std::vector<LineBreak>& lines) {
  ++totals_.paragraphs;
  std::size_t start = 0;
  for (const LineBreak& line : lines) {
    ++totals_.lines;
    if (line.loose) ++totals_.loose_lines;
    const bool forced = line.index < items.size() && ends_forced(items[line.index]);
    if (!forced) {
      ++breakable_lines_;
      ++totals_.measured_lines;
      for (std::size_t i = start; i < line.index && i < items.size(); ++i) {
        const Item& item = items[i];
        if (item.kind != Item::Kind::glue || item.width <= 0) continue;
        double set = item.width;
        if (line.ratio >= 0 && std::isfinite(line.ratio)) set += line.ratio * item.stretch;
        if (line.ratio < 0 && std::isfinite(line.ratio)) set += line.ratio * item.shrink;
        spaces_.push_back(set / item.width);
      }
    }
    if (line.hyphenated) {
      ++totals_.hyphenated_lines;
      ++run_;
      totals_.max_hyphen_run = std::max(totals_.max_hyphen_run, run_);
    } else {
      run_ = 0;
    }
    // The next line starts after the break, past discarded glue and penalties.
    start = line.index + 1;
    while (start < items.size() && items[start].kind != Item::Kind::box &&
           !ends_forced(items[start])) {
      ++start;
    }
  }
  run_ = 0;  // hyphen runs do not continue across paragraphs
}

QualityStats QualityMeter::stats() const {
  QualityStats result = totals_;
  result.spaces = spaces_.size();
  result.median_space = percentile(spaces_, 0.5);
  result.p95_space = percentile(spaces_, 0.95);
  if (!spaces_.empty()) {
    result.min_space = *std::min_element(spaces_.begin(), spaces_.end());
    result.max_space = *std::max_element(spaces_.begin(), spaces_.end());
  }
  result.hyphenated_share = breakable_lines_ == 0 ? 0
                                                  : static_cast<double>(result.hyphenated_lines) /
                                                        static_cast<double>(breakable_lines_);
  return result;
}

std::string check_quality(const QualityStats& stats, const QualityTargets& targets) {
  std::string problems;
  if (stats.median_space < targets.median_min) {
    problems +=
        format("median word space %.3f below %.2f\n", stats.median_space, targets.median_min);
  }
  if (stats.median_space > targets.median_max) {
    problems +=
        format("median word space %.3f above %.2f\n", stats.median_space, targets.median_max);
  }
  if (stats.p95_space > targets.p95_max) {
    problems +=
        format("95th percentile word space %.3f above %.2f\n", stats.p95_space, targets.p95_max);
  }
  if (stats.hyphenated_share > targets.hyphenated_share_max) {
    problems += format("%.3f of lines end in a hyphen, above %.2f\n", stats.hyphenated_share,
                       targets.hyphenated_share_max);
  }
  if (stats.max_hyphen_run > targets.max_hyphen_run) {
    problems += format("%.0f hyphenated lines in a row, above %.0f\n",
                       static_cast<double>(stats.max_hyphen_run),
                       static_cast<double>(targets.max_hyphen_run));
  }
  return problems;
}

}  // namespace dizgi::text
