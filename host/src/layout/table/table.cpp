#include "layout/flow.hpp"

#include "layout/table/cells.hpp"
#include "layout/table/continuation.hpp"
#include "layout/table/grid.hpp"
#include "layout/table/rows.hpp"
#include "layout/text_util.hpp"
#include "util/parallel.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <utility>

namespace dizgi::layout {

namespace {

// A full-width horizontal rule of the booktabs manner, at `y` from the row's top.
Rule booktabs_rule(double y, double width, double weight_pt, const Color& ink) {
  return Rule{0, y, width, y, weight_pt, ink};
}

// While a table is set for landscape pages, the flow's measure is the text area's height.
class Turned {
 public:
  Turned(double& width, double& height, bool turn) : width_(width), height_(height), turn_(turn) {
    if (turn_) std::swap(width_, height_);
  }
  ~Turned() {
    if (turn_) std::swap(width_, height_);
  }
  Turned(const Turned&) = delete;
  Turned& operator=(const Turned&) = delete;

 private:
  double& width_;
  double& height_;
  bool turn_;
};

// Rows of at least this many lines may be cut between lines at a page break (two lines stay
// on each side, as in a paragraph).
constexpr std::size_t tall_row_lines = 4;

}  // namespace

namespace {

// Whether a cell of the table shows the missing-value marker (a null value and no text).
bool shows_missing(const doc::Table& t) {
  for (const auto* rows : {&t.body, &t.footer})
    for (const doc::TableRow& row : *rows)
      for (const doc::TableCell& cell : row.cells)
        if (cell.content.empty() && std::holds_alternative<std::monostate>(cell.value)) return true;
  return false;
}

// Whether every cell of the rows is plain text or a figure: no footnote, reference or link
// needs the flow while the cell is set (a helper thread may set it).
bool plain_cells(const std::vector<GridRow>& rows) {
  for (const GridRow& row : rows)
    for (const PlacedCell& placed : row.cells)
      for (const doc::Span& span : placed.cell->content)
        if (span.kind != doc::SpanKind::text) return false;
  return true;
}

}  // namespace

void Flow::add(const doc::Table& t) {
  const TableStyle& ts = template_.table;
  // The note under the table, with the template's legend of the missing-value marker when a
  // cell shows it.
  std::string note = t.note;
  if (!ts.missing_legend.empty() && shows_missing(t)) note += (note.empty() ? "" : "   ") + ts.missing_legend;
  TableGrid grid = place_cells(t, [&](const std::string& message) {
    sink_.warn("layout.table-span", here(), "table '" + t.id + "': " + message, "shorten the span");
  });
  if (grid.columns == 0) return;
  check_totals(grid, t.columns, [&](const std::string& message) {
    sink_.warn("layout.table-total", here(), "table '" + t.id + "', " + message,
               "compute totals from the exact values of the rows (docs/plugin-guide.md, tables)");
  });
  // A table the layout asks to turn, or one too wide for the portrait measure when the template
  // turns such tables, is set on landscape pages with the text area's height as its measure.
  Style cell = template_.style("table");
  ColumnFit fit;
  bool landscape = t.page == doc::TablePage::landscape;
  if (t.page == doc::TablePage::automatic && ts.wide == WideTable::landscape) {
    column_widths(t, grid, cell, fit);
    landscape = fit.shortfall_pt > 0.5;
  }
  Turned turned(width_, height_, landscape);
  TableInfo info{t.id, t.columns, t.header.size()};
  RowSetter rows(template_, setter_, info, [this](const Style& style, double width) { return setting_for(style, width); });
  // A table whose longest words do not fit the measure is set smaller, down to the template's
  // minimum size, and says so; what still does not fit is reported column by column.
  std::vector<double> widths = column_widths(t, grid, cell, fit);
  const double full_size = cell.size_pt;
  // The padding does not shrink with the text: a few steps reach the size that fits.
  for (int step = 0; step < 4 && fit.shortfall_pt > 0.5 && cell.size_pt > ts.min_size_pt; ++step) {
    double wanted = width_ / (width_ + fit.shortfall_pt);
    double size = std::max(ts.min_size_pt, std::floor(cell.size_pt * wanted * 10) / 10);
    if (size >= cell.size_pt) size = std::max(ts.min_size_pt, cell.size_pt - 0.1);
    cell.leading_pt *= size / cell.size_pt;
    cell.size_pt = size;
    widths = column_widths(t, grid, cell, fit);
  }
  if (cell.size_pt < full_size) {
    sink_.warn("layout.table-reduced", here(),
               "table '" + t.id + "' is set at " + util::format_fixed(cell.size_pt) + " pt instead of " +
                   util::format_fixed(full_size) + " pt to fit the " + (landscape ? "landscape " : "") + "measure",
               "shorten the texts, drop a column or give the table fewer, wider columns");
  }
  for (const std::string& message : fit.overflow) {
    sink_.warn("layout.table-overflow", here(), message,
               "widen the column, shorten the text or allow hyphenation in the template's table style");
  }
  rows.use_style(cell);
  rows.set_widths(std::move(widths));
  rows.measure_decimals(grid);
  double width = rows.geometry().width();
  Color ink = template_.color("text");

  std::size_t first_element = elements_.size();
  auto caption = scan_.captions.find(&t);
  std::string id = scan_.ids.at(&t);
  if (caption != scan_.captions.end()) add_caption(caption->second, id);
  std::vector<Element> header;
  for (SetRow& row : rows.section(grid.header)) {
    row.element.keep_with_next = true;  // never a header alone at a page foot
    header.push_back(std::move(row.element));
  }
  for (const Element& row : header) push(row);
  for (Element& row : header) row.repeated = true;  // the copies set again on later pages
  std::vector<Element> continued;
  if (caption != scan_.captions.end()) {
    const Style& style = template_.style("caption");
    continued = setter_.set(spans_of(scan_.labels.at(id) + " " + template_.captions.continued),
                            setting_for(style, width_));
    for (Element& line : continued) {
      line.role = StructRole::caption;
      line.repeated = true;
      line.keep_with_next = true;
    }
  }
  // Where a page part of the table ends without carried totals: its bottom rule.
  std::vector<Element> closing;
  if (ts.rules == TableRules::booktabs) {
    Element rule;
    rule.role = StructRole::artifact;
    rule.rules.push_back(booktabs_rule(0, width, 0.8, ink));
    closing.push_back(std::move(rule));
  }
  auto split = std::make_shared<TableContinuation>(continued, header, closing);

  // Body rows: the first and last `min_rows` stay together, rows joined by a row span stay
  // together, a group row stays with the row it opens, and a tall row may break between its
  // lines unless the table is kept together.
  std::size_t min_rows = static_cast<std::size_t>(std::max(1, ts.min_rows));
  std::size_t part = header.size();
  std::size_t first_body = elements_.size();
  std::vector<std::size_t> rows_before(part + 1, 0);
  const std::size_t n = grid.body.size();
  // The carried totals' running sums are taken before the body rows are set: a document the
  // flow may free lets each row go once it is set.
  std::optional<ColumnSums> sums;
  if (t.carried.enabled) sums.emplace(grid, t.columns);
  // Once a group of rows (joined by row spans) is set, its cells are not read again: their
  // places in the grid go, and so do the document's rows when the flow may free them.
  auto release = [&](std::size_t from, std::size_t to) {
    for (std::size_t r = from; r < to; ++r) {
      GridRow& row = grid.body[r];
      std::vector<PlacedCell>().swap(row.cells);  // `covered` stays: a neighbour's thread reads it
      // The row belongs to a document its owner gave up to this flow (FlowOptions::release_rows):
      // const is the flow's promise to other callers, not the row's nature.
      if (options_.release_rows) std::vector<doc::TableCell>().swap(const_cast<doc::TableRow*>(row.row)->cells);
    }
  };
  // Room for the rows at once: a long table's element list is not copied as it grows (the copy
  // held both lists, a third of a 100,000-row table's peak); a short one grows as before.
  const std::size_t needed = elements_.size() + n + grid.footer.size() + 64;
  if (needed > elements_.capacity()) elements_.reserve(std::max(needed, elements_.capacity() * 3 / 2));
  auto place = [&](std::size_t r, SetRow&& body) {
    bool keep = r + 1 < min_rows || r + min_rows >= n || spans_into_next(grid.body, r) ||
                grid.body[r].kind == doc::RowKind::group;
    if (r + 1 == n) keep = t.footer.empty() ? !note.empty() : true;
    std::vector<Element> pieces;
    if (!t.keep_together && body.cuts.size() + 1 >= tall_row_lines) {
      pieces = RowSetter::bands(body.element, body.cuts);
      // A break after band k leaves k + 1 lines above it and the rest below: two at least.
      for (std::size_t k = 0; k + 1 < pieces.size(); ++k) pieces[k].keep_with_next = k + 1 < 2 || pieces.size() - (k + 1) < 2;
    } else {
      pieces.push_back(std::move(body.element));
    }
    for (std::size_t k = 0; k < pieces.size(); ++k) {
      Element& piece = pieces[k];
      if (k + 1 == pieces.size()) piece.keep_with_next = keep;
      piece.split = split;
      piece.split_index = ++part;
      if (k > 0) split->continues_row(part, ts.padding.top_pt);
      rows_before.push_back(k == 0 ? r : r + 1);
      push(std::move(piece));
    }
  };
  // A section of rows set by `setter`, each group let go once set; `take` gets the rows.
  auto set_rows = [&](RowSetter& setter, std::size_t begin, std::size_t end,
                      const std::function<void(std::size_t, SetRow&&)>& take) {
    std::size_t set = begin;  // rows before it are set and let go
    setter.section(grid.body, false, [&](std::size_t r, SetRow&& row) {
      take(r, std::move(row));
      if (!spans_into_next(grid.body, r)) {
        release(set, r + 1);
        set = r + 1;
      }
    }, begin, end);
  };
  // A long table of plain cells is set by two threads: the second half (from a group's start)
  // by a helper with a shaper of its own, whose rows join the flow after the first half's.
  std::size_t half = n;
  if (options_.threads >= 2 && n >= options_.parallel_rows && plain_cells(grid.body)) {
    half = n / 2;
    while (half < n && spans_into_next(grid.body, half - 1)) ++half;
  }
  if (half == n) {
    set_rows(rows, 0, n, place);
  } else {
    DiagnosticSink helper_sink;
    std::unique_ptr<text::Shaper> helper_shaper = shaper_.sibling(&helper_sink);
    ParagraphSetter helper_setter(template_, *helper_shaper, helper_sink);
    const std::string where = to_string(here());
    RowSetter helper_rows = rows.rebound(helper_setter, [where](const Style& style, double measure) {
      return plain_setting(style, measure, where);
    });
    std::vector<SetRow> later;
    later.reserve(n - half);
    util::run_each(2, [&](std::size_t job) {
      if (job == 0) set_rows(rows, 0, half, place);
      else set_rows(helper_rows, half, n, [&](std::size_t, SetRow&& row) { later.push_back(std::move(row)); });
    });
    for (const Diagnostic& d : helper_sink.diagnostics()) sink_.report(d);
    for (std::size_t k = 0; k < later.size(); ++k) place(half + k, std::move(later[k]));
    helper_shapers_.push_back(std::move(helper_shaper));
  }
  std::vector<SetRow> footer = rows.section(grid.footer);
  for (std::size_t i = 0; i < footer.size(); ++i) {
    Element& row = footer[i].element;
    row.split = split;
    row.split_index = ++part;
    row.keep_with_next = i + 1 < footer.size() || !note.empty();
    rows_before.push_back(n);
    push(std::move(row));
  }
  std::size_t last_row = part;
  if (elements_.size() > first_body) {
    // Booktabs: heavy rules above the table (when it has no header) and below it.
    if (ts.rules == TableRules::booktabs) {
      if (header.empty()) elements_[first_body].rules.push_back(booktabs_rule(0, width, 0.8, ink));
      Element& last = elements_.back();
      last.rules.push_back(booktabs_rule(last.height, width, 0.8, ink));
    }
  }
  if (sums) {
    if (sums->empty()) {
      sink_.warn("layout.table-carried", here(),
                 "table '" + t.id + "' asks for carried totals but no column is summed",
                 "set aggregate = sum on the columns to carry");
    } else {
      TableContinuation::Carried carried{
          std::move(*sums), t.carried.carried_label.empty() ? ts.carried_label : t.carried.carried_label,
          t.carried.brought_label.empty() ? ts.brought_label : t.carried.brought_label, std::move(rows_before),
          last_row};
      split->carry(template_, rows, shaper_, std::move(carried));
    }
  }
  // A turned table has pages of its own: it floats nowhere, and the text after it starts the
  // next portrait page.
  if (landscape) {
    for (std::size_t k = first_element; k < elements_.size(); ++k) elements_[k].landscape = true;
  }
  // A small table stays whole: it moves to the next page rather than split.
  int keep_whole = t.keep_whole_rows > 0 ? t.keep_whole_rows : ts.keep_whole;
  if (keep_whole > 0 && n <= static_cast<std::size_t>(keep_whole)) {
    for (std::size_t k = first_element; k + 1 < elements_.size(); ++k) elements_[k].keep_with_next = true;
  }
  if (note.empty()) {
    elements_.back().height += 10;
  } else {
    std::size_t first_note = elements_.size();
    add_note(note);
    // The note belongs to the table: the table has not ended before it.
    for (std::size_t k = first_note; k < elements_.size(); ++k) {
      elements_[k].split = split;
      elements_[k].split_index = ++part;
      elements_[k].landscape = landscape;
    }
  }
}

}  // namespace dizgi::layout
