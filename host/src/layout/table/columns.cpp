#include "layout/flow.hpp"

#include "layout/text_util.hpp"

#include <algorithm>
#include <sstream>

namespace dizgi::layout {

std::vector<double> Flow::column_widths(const doc::Table& t, std::size_t count) {
  std::vector<double> widths(count, -1);
  double used = 0;
  int autos = 0;
  for (std::size_t c = 0; c < count; ++c) {
    std::string spec = c < t.columns.size() ? t.columns[c].width : "auto";
    try {
      if (!spec.empty() && spec.back() == '%') widths[c] = width_ * std::stod(spec.substr(0, spec.size() - 1)) / 100;
      else if (!spec.empty() && spec != "auto") widths[c] = parse_length_pt(spec);
    } catch (const std::exception&) {
      sink_.warn("layout.table-width", here(),
                 "table '" + t.id + "', column " + std::to_string(c + 1) + ": unreadable width '" + spec + "'");
    }
    if (widths[c] < 0) ++autos;
    else used += widths[c];
  }
  // Automatic columns: each gets at least its longest word (numbers are never broken),
  // then what is left goes to the columns whose text wants more room, in proportion.
  std::vector<double> least(count, 0), natural(count, 0);
  const Style& cell = template_.style("table");
  double pad2 = 2 * template_.table.cell_padding_pt;
  auto consider = [&](const std::vector<doc::TableRow>& rows, bool bold) {
    for (const auto& row : rows) {
      std::size_t c = 0;
      for (const doc::TableCell& tc : row.cells) {
        if (c < count && tc.col_span == 1) {
          std::string text = plain_text(cell_spans(tc));
          natural[c] = std::max(natural[c], setter_.measure(text, cell, bold) + pad2);
          std::istringstream words(text);
          std::string word;
          while (words >> word) least[c] = std::max(least[c], setter_.measure(word, cell, bold) + pad2);
        }
        c += static_cast<std::size_t>(std::max(1, tc.col_span));
      }
    }
  };
  consider(t.header, true);
  consider(t.body, false);
  consider(t.footer, true);
  if (autos > 0) {
    double remaining = std::max(0.0, width_ - used);
    double sum_least = 0, sum_want = 0, sum_natural = 0;
    for (std::size_t c = 0; c < count; ++c) {
      if (widths[c] >= 0) continue;
      sum_least += least[c];
      sum_want += std::max(0.0, natural[c] - least[c]);
      sum_natural += natural[c];
    }
    for (std::size_t c = 0; c < count; ++c) {
      if (widths[c] >= 0) continue;
      double want = std::max(0.0, natural[c] - least[c]);
      if (sum_least >= remaining) widths[c] = remaining * (sum_least > 0 ? least[c] / sum_least : 1.0 / autos);
      else if (sum_want <= remaining - sum_least)
        widths[c] = natural[c] + (remaining - sum_least - sum_want) * (sum_natural > 0 ? natural[c] / sum_natural : 1.0 / autos);
      else widths[c] = least[c] + (remaining - sum_least) * (sum_want > 0 ? want / sum_want : 1.0 / autos);
    }
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
  return widths;
}

}  // namespace dizgi::layout
