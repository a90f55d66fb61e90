#include "layout/table/continuation.hpp"

#include "layout/table/cells.hpp"

#include <dizgi/model/format.hpp>

#include <algorithm>

namespace dizgi::layout {

namespace {

// The cell of `row` that starts at `column` and covers it alone, if any.
const doc::TableCell* cell_at(const GridRow& row, std::size_t column) {
  for (const PlacedCell& placed : row.cells)
    if (placed.column == column && placed.columns == 1) return placed.cell;
  return nullptr;
}

std::string exact_text(const Decimal& value) { return format_decimal_tr(value, -1); }

}  // namespace

ColumnSums::ColumnSums(const TableGrid& grid, const std::vector<doc::TableColumn>& columns) {
  for (std::size_t c = 0; c < columns.size(); ++c)
    if (columns[c].aggregate == doc::Aggregate::sum) columns_.push_back(c);
  prefix_.assign(columns_.size(), {});
  formats_.assign(columns_.size(), doc::NumberFormat{});
  std::vector<bool> formatted(columns_.size(), false);
  for (std::size_t k = 0; k < columns_.size(); ++k) {
    std::vector<Decimal>& prefix = prefix_[k];
    prefix.reserve(grid.body.size() + 1);
    prefix.push_back(Decimal::from_int(0));
    for (const GridRow& row : grid.body) {
      Decimal sum = prefix.back();
      if (const doc::TableCell* cell = cell_at(row, columns_[k])) {
        if (row.kind == doc::RowKind::body) {
          if (auto value = exact_value(*cell)) sum = sum + *value;
        }
        if (!formatted[k] && is_figure(*cell) && !is_null(cell->value)) {
          formats_[k] = cell->format;
          formatted[k] = true;
        }
      }
      prefix.push_back(sum);
    }
  }
}

void check_totals(const TableGrid& grid, const std::vector<doc::TableColumn>& columns,
                  const std::function<void(const std::string&)>& problem) {
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (columns[c].aggregate != doc::Aggregate::sum) continue;
    Decimal all = Decimal::from_int(0), group = Decimal::from_int(0);
    auto compare = [&](const GridRow& row, const char* section, const char* what, const Decimal& expected) {
      const doc::TableCell* cell = cell_at(row, c);
      if (!cell) return;
      auto value = exact_value(*cell);
      if (value && !(*value == expected)) {
        problem(std::string(section) + " row " + std::to_string(row.index + 1) + ", column " + std::to_string(c + 1) +
                ": " + what + " " + exact_text(*value) + " is not the sum of its rows, " + exact_text(expected));
      }
    };
    for (const GridRow& row : grid.body) {
      if (row.kind == doc::RowKind::body) {
        if (const doc::TableCell* cell = cell_at(row, c)) {
          if (auto value = exact_value(*cell)) {
            all = all + *value;
            group = group + *value;
          }
        }
      } else if (row.kind == doc::RowKind::subtotal) {
        compare(row, "body", "subtotal", group);
        group = Decimal::from_int(0);
      } else {
        group = Decimal::from_int(0);
      }
    }
    for (const GridRow& row : grid.footer)
      if (row.kind == doc::RowKind::total) compare(row, "footer", "total", all);
  }
}

struct TableContinuation::Totals {
  Totals(const Template& style, text::Shaper& shaper, const RowSetter& source, Carried carried_totals)
      : setter(style, shaper, sink),
        rows(source.rebound(setter,
                          [](const Style& s, double width) {
                            ParagraphSetting setting;
                            setting.style = &s;
                            setting.width_pt = width;
                            setting.microtypography = false;
                            return setting;
                          })),
        carried(std::move(carried_totals)) {}
  DiagnosticSink sink;  // a carried row is labels and figures: nothing to report
  ParagraphSetter setter;
  RowSetter rows;
  Carried carried;
  double height = 0;
  std::map<std::pair<std::size_t, bool>, Element> made;  // by (next, brought): stable addresses
};

TableContinuation::TableContinuation(std::vector<Element> caption, std::vector<Element> header,
                                     std::vector<Element> closing)
    : caption_(std::move(caption)), header_(std::move(header)), closing_(std::move(closing)) {}

void TableContinuation::carry(const Template& style, const RowSetter& rows, text::Shaper& shaper, Carried carried) {
  totals_ = std::make_shared<Totals>(style, shaper, rows, std::move(carried));
  // Every carried row is one row of figures; the grand total is the widest.
  totals_->height = totals_row(totals_->carried.last_row, false)->height;
}

const Element* TableContinuation::totals_row(std::size_t next, bool brought) const {
  Totals& t = *totals_;
  auto key = std::make_pair(next, brought);
  if (auto it = t.made.find(key); it != t.made.end()) return &it->second;
  const Carried& c = t.carried;
  std::size_t placed = next < c.rows_before.size() ? c.rows_before[next] : c.rows_before.back();
  std::size_t columns = t.rows.geometry().widths.size();
  std::size_t first = c.sums.columns().front();
  doc::TableRow row;
  if (first > 0) {
    doc::TableCell label(brought ? c.brought_label : c.carried_label, doc::Align::start);
    label.col_span = static_cast<int32_t>(first);
    row.cells.push_back(std::move(label));
  }
  std::size_t k = 0;
  for (std::size_t column = first; column < columns; ++column) {
    if (k < c.sums.columns().size() && c.sums.columns()[k] == column) {
      row.cells.push_back(doc::TableCell::typed(c.sums.sum(k, placed), c.sums.format(k)));
      ++k;
    } else {
      row.cells.push_back(doc::TableCell(std::string()));
    }
  }
  GridRow grid;
  grid.row = &row;
  grid.kind = doc::RowKind::body;
  grid.covered.assign(columns, false);
  std::size_t column = 0;
  for (const doc::TableCell& cell : row.cells) {
    PlacedCell placed_cell;
    placed_cell.cell = &cell;
    placed_cell.column = column;
    placed_cell.columns = static_cast<std::size_t>(cell.col_span);
    grid.cells.push_back(placed_cell);
    column += placed_cell.columns;
  }
  Element element = std::move(t.rows.section({grid}, true).front().element);
  element.repeated = true;  // pagination furniture, like the repeated header: an artifact when tagged
  // The carried row closes the page's part of the table; the brought row opens the next.
  const Template& style = t.rows.style();
  if (style.table.rules == TableRules::booktabs) {
    double width = t.rows.geometry().width();
    Color ink = style.color("text");
    if (brought) {
      element.rules.push_back(Rule{0, element.height, width, element.height, 0.4, ink});
    } else {
      element.rules.push_back(Rule{0, 0, width, 0, 0.4, ink});
      element.rules.push_back(Rule{0, element.height, width, element.height, 0.8, ink});
    }
  }
  return &t.made.emplace(key, std::move(element)).first->second;
}

void TableContinuation::continues_row(std::size_t index, double top_pt) {
  Element gap;
  gap.role = StructRole::artifact;
  gap.height = top_pt;
  row_gaps_[index] = std::move(gap);
}

std::vector<const Element*> TableContinuation::continuation(std::size_t next) const {
  std::vector<const Element*> out;
  for (const Element& line : caption_) out.push_back(&line);
  for (const Element& row : header_) out.push_back(&row);
  if (totals_ && next <= totals_->carried.last_row) out.push_back(totals_row(next, true));
  if (auto gap = row_gaps_.find(next); gap != row_gaps_.end()) out.push_back(&gap->second);
  return out;
}

std::vector<const Element*> TableContinuation::foot(std::size_t next) const {
  std::vector<const Element*> out;
  if (totals_ && next <= totals_->carried.last_row) {
    out.push_back(totals_row(next, false));
  } else {
    for (const Element& e : closing_) out.push_back(&e);
  }
  return out;
}

double TableContinuation::foot_height(std::size_t next) const {
  return totals_ && next <= totals_->carried.last_row ? totals_->height : 0;
}

}  // namespace dizgi::layout
