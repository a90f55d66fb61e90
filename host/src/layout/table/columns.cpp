#include "layout/flow.hpp"

#include "layout/table/cells.hpp"
#include "layout/table/grid.hpp"
#include "layout/text_util.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <sstream>

namespace dizgi::layout {

std::vector<double> Flow::column_widths(const doc::Table& t, const TableGrid& grid) {
  std::size_t count = grid.columns;
  std::vector<double> widths(count, -1);
  std::vector<double> fractions(count, 0);  // "2fr": a share of what the others leave
  double used = 0, fraction_total = 0;
  int autos = 0;
  for (std::size_t c = 0; c < count; ++c) {
    std::string spec = c < t.columns.size() ? t.columns[c].width : "auto";
    try {
      if (!spec.empty() && spec.back() == '%') widths[c] = width_ * std::stod(spec.substr(0, spec.size() - 1)) / 100;
      else if (spec.size() > 2 && spec.ends_with("fr")) fractions[c] = std::max(0.0, std::stod(spec.substr(0, spec.size() - 2)));
      else if (!spec.empty() && spec != "auto") widths[c] = parse_length_pt(spec);
    } catch (const std::exception&) {
      sink_.warn("layout.table-width", here(),
                 "table '" + t.id + "', column " + std::to_string(c + 1) + ": unreadable width '" + spec + "'");
    }
    fraction_total += fractions[c];
    if (fractions[c] > 0) continue;
    if (widths[c] < 0) ++autos;
    else used += widths[c];
  }
  // Automatic columns, as HTML's automatic table layout: each gets at least its minimum content
  // width (its longest word; a figure is never broken), then what is left goes to the columns
  // whose text wants more room (maximum content width: the text on one line), in proportion.
  std::vector<double> least(count, 0), natural(count, 0);
  std::vector<std::string> widest(count), widest_row(count);
  const Style& cell = template_.style("table");
  const std::string& missing = template_.table.missing_marker;
  double pad2 = template_.table.padding.left_pt + template_.table.padding.right_pt;
  auto consider = [&](const std::vector<GridRow>& rows, const char* section) {
    for (const GridRow& row : rows) {
      bool bold = row.kind != doc::RowKind::body;
      for (const PlacedCell& placed : row.cells) {
        if (placed.columns != 1 || placed.column >= count) continue;
        std::size_t c = placed.column;
        std::string text = plain_text(cell_spans(*placed.cell, missing));
        double full = setter_.measure(text, cell, bold) + pad2;
        natural[c] = std::max(natural[c], full);
        auto widen = [&](const std::string& word, double w) {
          if (w <= least[c]) return;
          least[c] = w;
          widest[c] = word;
          widest_row[c] = std::string(section) + std::to_string(row.index + 1);
        };
        if (is_figure(*placed.cell)) {
          widen(text, full);
          continue;
        }
        std::istringstream words(text);
        std::string word;
        while (words >> word) widen(word, setter_.measure(word, cell, bold) + pad2);
      }
    }
  };
  consider(grid.header, "header row ");
  consider(grid.body, "row ");
  consider(grid.footer, "footer row ");
  // Fraction columns keep their minimum for now; they share the rest at the end.
  double fraction_least = 0;
  for (std::size_t c = 0; c < count; ++c)
    if (fractions[c] > 0) fraction_least += least[c];
  auto is_auto = [&](std::size_t c) { return widths[c] < 0 && fractions[c] <= 0; };
  if (autos > 0) {
    double remaining = std::max(0.0, width_ - used - fraction_least);
    double sum_least = 0, sum_want = 0, sum_natural = 0;
    for (std::size_t c = 0; c < count; ++c) {
      if (!is_auto(c)) continue;
      sum_least += least[c];
      sum_want += std::max(0.0, natural[c] - least[c]);
      sum_natural += natural[c];
    }
    for (std::size_t c = 0; c < count; ++c) {
      if (!is_auto(c)) continue;
      double want = std::max(0.0, natural[c] - least[c]);
      double spare = fraction_total > 0 ? 0 : remaining - sum_least - sum_want;  // fractions take it
      if (sum_least >= remaining) widths[c] = remaining * (sum_least > 0 ? least[c] / sum_least : 1.0 / autos);
      else if (sum_want <= remaining - sum_least)
        widths[c] = natural[c] + spare * (sum_natural > 0 ? natural[c] / sum_natural : 1.0 / autos);
      else widths[c] = least[c] + (remaining - sum_least) * (sum_want > 0 ? want / sum_want : 1.0 / autos);
    }
  }
  if (fraction_total > 0) {
    double others = 0;
    for (std::size_t c = 0; c < count; ++c)
      if (fractions[c] <= 0) others += widths[c];
    double rest = std::max(0.0, width_ - others);
    for (std::size_t c = 0; c < count; ++c)
      if (fractions[c] > 0) widths[c] = std::max(least[c], rest * fractions[c] / fraction_total);
  }
  // A given width never squeezes a column below its longest word: take the room from the
  // columns that have some to spare.
  double deficit = 0, slack = 0;
  for (std::size_t c = 0; c < count; ++c) {
    if (widths[c] < least[c]) deficit += least[c] - widths[c];
    else slack += widths[c] - least[c];
  }
  if (deficit > 0 && slack > 0) {
    double take = std::min(1.0, deficit / slack);
    for (std::size_t c = 0; c < count; ++c) {
      if (widths[c] < least[c]) widths[c] = least[c];
      else widths[c] -= (widths[c] - least[c]) * take;
    }
  }
  double total = 0;
  for (double w : widths) total += w;
  if (total > width_ * 1.001) {
    for (double& w : widths) w *= width_ / total;
  }
  // What still does not fit overflows its cell: say where, never clip silently.
  for (std::size_t c = 0; c < count; ++c) {
    if (widths[c] + 0.5 >= least[c]) continue;
    sink_.warn("layout.table-overflow", here(),
               "table '" + t.id + "', " + widest_row[c] + ", column " + std::to_string(c + 1) + ": '" + widest[c] +
                   "' is wider than its column (" + util::format_fixed(least[c]) + " pt in " +
                   util::format_fixed(widths[c]) + " pt)",
               "widen the column, shorten the text or allow hyphenation in the template's table style");
  }
  return widths;
}

}  // namespace dizgi::layout
