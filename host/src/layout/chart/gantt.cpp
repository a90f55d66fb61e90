// Gantt charts (the plan's preparation programme): a row per task with its name, a bar from its
// start date to its end date (inclusive) on a time axis of months, with the years above the
// months; month names shorten to three letters, or are thinned, when their column is narrow.
#include "layout/chart/canvas.hpp"

#include <dizgi/model/format.hpp>

#include <algorithm>

namespace dizgi::layout::chart {

namespace {

// Days since 1970-01-01 of a civil date (proleptic Gregorian).
long day_number(const Date& d) {
  long y = d.year - (d.month <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// The Turkish name of a month, from the SDK's long date form ("1 Ocak 2025" → "Ocak").
std::string month_name(int year, int month) {
  std::string text = format_date_tr(Date{year, month, 1}, true);
  std::size_t a = text.find(' '), b = text.rfind(' ');
  return a == std::string::npos || b <= a ? text : text.substr(a + 1, b - a - 1);
}

// The first three characters of a UTF-8 word ("Şubat" → "Şub").
std::string abbreviation(const std::string& word) {
  std::size_t i = 0;
  for (int chars = 0; i < word.size() && chars < 3; ++chars) {
    ++i;
    while (i < word.size() && (static_cast<unsigned char>(word[i]) & 0xC0) == 0x80) ++i;
  }
  return word.substr(0, i);
}

}  // namespace

void gantt(Canvas& canvas, const doc::Chart& /*chart*/, const Data& data) {
  const Series &starts = data.series[0], &ends = data.series[1];
  const std::size_t n = data.categories.size();
  Date first{9999, 12, 31}, last{0, 1, 1};
  for (std::size_t i = 0; i < n; ++i) {
    if (const auto* d = std::get_if<Date>(&starts.exact[i])) first = std::min(first, *d);
    if (const auto* d = std::get_if<Date>(&ends.exact[i])) last = std::max(last, *d);
    if (const auto* d = std::get_if<Date>(&starts.exact[i])) last = std::max(last, *d);
  }
  // Whole months from the first start to the last end.
  std::vector<Date> months;
  for (Date m{first.year, first.month, 1}; !(last < m);) {
    months.push_back(m);
    m = m.month == 12 ? Date{m.year + 1, 1, 1} : Date{m.year, m.month + 1, 1};
  }
  const Date after = months.back().month == 12 ? Date{months.back().year + 1, 1, 1}
                                                : Date{months.back().year, months.back().month + 1, 1};
  const double width = canvas.width(), lh = canvas.line_height();
  double widest = 0;
  for (const std::string& c : data.categories) widest = std::max(widest, canvas.measure(c));
  const double column = std::min(widest, width * 0.35);
  const double x0 = column + 8, x1 = width;
  const long d0 = day_number(months.front()), d1 = day_number(after);
  auto x_of = [&](long day) { return x0 + (x1 - x0) * static_cast<double>(day - d0) / static_cast<double>(d1 - d0); };
  // Header: years, then months.
  double y = 0;
  for (std::size_t i = 0; i < months.size(); ++i) {
    if (i > 0 && months[i].month != 1) continue;
    std::size_t j = i;
    while (j + 1 < months.size() && months[j + 1].year == months[i].year) ++j;
    double a = x_of(day_number(months[i])), b = x_of(day_number(j + 1 < months.size() ? months[j + 1] : after));
    canvas.text_if_free(std::to_string(months[i].year), (a + b) / 2, y + canvas.ascent() + 1, Anchor::middle,
                        canvas.text_color());
  }
  y += lh;
  const double month_w = (x1 - x0) / static_cast<double>(months.size());
  for (const Date& m : months) {
    std::string name = month_name(m.year, m.month);
    if (canvas.measure(name) > month_w - 2) name = abbreviation(name);
    double a = x_of(day_number(m));
    canvas.text_if_free(name, a + month_w / 2, y + canvas.ascent() + 1, Anchor::middle, canvas.muted());
  }
  y += lh + 2;
  const double grid_top = y;
  std::vector<std::vector<std::string>> lines;
  double rows_h = 0;
  for (const std::string& c : data.categories) {
    lines.push_back(canvas.wrap(c, column));
    rows_h += std::max(lh * static_cast<double>(lines.back().size()), 10.0) + 5;
  }
  for (const Date& m : months) grid_line(canvas, x_of(day_number(m)), grid_top, x_of(day_number(m)), grid_top + rows_h, false);
  grid_line(canvas, x1, grid_top, x1, grid_top + rows_h, false);
  const Color bar = canvas.series_color("", 0);
  for (std::size_t i = 0; i < n; ++i) {
    const double row_h = std::max(lh * static_cast<double>(lines[i].size()), 10.0) + 5, mid = y + row_h / 2;
    double text_top = mid - lh * static_cast<double>(lines[i].size()) / 2;
    for (std::size_t k = 0; k < lines[i].size(); ++k)
      canvas.text(lines[i][k], 0, text_top + canvas.ascent() + 0.5 + lh * static_cast<double>(k), Anchor::start,
                  canvas.text_color());
    const auto* s = std::get_if<Date>(&starts.exact[i]);
    const auto* e = std::get_if<Date>(&ends.exact[i]);
    if (s) {
      long to = e ? day_number(*e) + 1 : day_number(*s) + 1;  // a task without an end: a one-day mark
      canvas.element.rects.push_back(Rect{x_of(day_number(*s)), mid - 4, std::max(x_of(to) - x_of(day_number(*s)), 1.5), 8, bar});
    }
    y += row_h;
  }
  canvas.element.height = y + 2;
}

}  // namespace dizgi::layout::chart
