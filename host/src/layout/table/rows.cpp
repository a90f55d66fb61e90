#include "layout/table/rows.hpp"

#include "layout/table/cells.hpp"
#include "layout/text_util.hpp"

#include <algorithm>

namespace dizgi::layout {

namespace {

// The fill of a row: its kind's, or the zebra stripe of every other body row when asked.
const std::string& fill_of(const TableStyle& ts, const GridRow& row) {
  static const std::string none;
  switch (row.kind) {
    case doc::RowKind::header: return ts.header_fill;
    case doc::RowKind::group: return ts.group_fill;
    case doc::RowKind::subtotal: return ts.subtotal_fill;
    case doc::RowKind::total: return ts.total_fill;
    default: return ts.zebra && row.index % 2 == 1 ? ts.zebra_fill : none;
  }
}

}  // namespace

double TableGeometry::width() const {
  double sum = 0;
  for (double w : widths) sum += w;
  return sum;
}

RowSetter::RowSetter(const Template& style, ParagraphSetter& setter, TableInfo info, SettingFor setting_for)
    : template_(&style), setter_(&setter), info_(std::move(info)), setting_for_(std::move(setting_for)),
      text_style_(style.style("table")), whole_style_(text_style_) {
  whole_style_.hyphenate = false;
}

RowSetter RowSetter::rebound(ParagraphSetter& setter, SettingFor setting_for) const {
  RowSetter copy = *this;
  copy.setter_ = &setter;
  copy.setting_for_ = std::move(setting_for);
  return copy;
}

void RowSetter::use_style(const Style& cell) {
  text_style_ = cell;
  whole_style_ = cell;
  whole_style_.hyphenate = false;
}

void RowSetter::set_widths(std::vector<double> widths) {
  geometry_.widths = std::move(widths);
  xs_.assign(geometry_.widths.size() + 1, 0);
  for (std::size_t c = 0; c < geometry_.widths.size(); ++c) xs_[c + 1] = xs_[c] + geometry_.widths[c];
  geometry_.decimal_tails.assign(geometry_.widths.size(), 0);
}

doc::Align RowSetter::align_of(const doc::TableCell& cell, std::size_t column) const {
  if (cell.align != doc::Align::invalid) return cell.align;
  return column < info_.columns.size() ? info_.columns[column].align : doc::Align::start;
}

// Decimal alignment: a number is moved left by the width its decimal part lacks against the
// widest decimal part of its column, so that the decimal commas line up. "(4,2)" and "%4,2"
// keep the comma; a whole number has no decimal part at all.
double RowSetter::decimal_tail(const std::string& text, bool bold) {
  std::size_t comma = text.rfind(',');
  if (comma == std::string::npos) return 0;
  return setter_->measure(text.substr(comma), text_style_, bold);
}

void RowSetter::measure_decimals(const TableGrid& grid) {
  const std::string& missing = template_->table.missing_marker;
  for (const auto* section : {&grid.body, &grid.footer}) {
    for (const GridRow& row : *section) {
      bool bold = row.kind != doc::RowKind::body;
      for (const PlacedCell& placed : row.cells) {
        if (placed.columns != 1 || placed.column >= geometry_.decimal_tails.size()) continue;
        if (align_of(*placed.cell, placed.column) != doc::Align::decimal) continue;
        double& tail = geometry_.decimal_tails[placed.column];
        tail = std::max(tail, decimal_tail(plain_text(cell_spans(*placed.cell, missing)), bold));
      }
    }
  }
}

RowSetter::CellLines RowSetter::set_cell(const PlacedCell& placed, const GridRow& row, bool italic) {
  const TableStyle& ts = template_->table;
  const doc::TableCell& cell = *placed.cell;
  CellLines out;
  out.placed = &placed;
  std::size_t end = std::min(geometry_.widths.size(), placed.column + placed.columns);
  out.x = xs_[std::min(placed.column, geometry_.widths.size())];
  out.w = xs_[end] - out.x;
  bool header = row.kind == doc::RowKind::header;
  doc::Align a = align_of(cell, placed.column);
  Alignment align = Alignment::start;
  if (a == doc::Align::end || a == doc::Align::decimal) align = Alignment::end;
  else if (a == doc::Align::center) align = Alignment::center;
  bool bold = row.kind != doc::RowKind::body || cell.style == "emphasis";
  std::vector<doc::Span> spans = cell_spans(cell, ts.missing_marker);
  if (italic)
    for (doc::Span& span : spans) span.style.italic = true;
  double inset = 0;
  if (a == doc::Align::decimal && !header && placed.columns == 1 && placed.column < geometry_.decimal_tails.size())
    inset = std::max(0.0, geometry_.decimal_tails[placed.column] - decimal_tail(plain_text(spans), bold));
  // Figures and their columns are never hyphenated, nor are headers; text cells only when the
  // template's table style allows it.
  bool whole = header || is_figure(cell) || a == doc::Align::end || a == doc::Align::decimal;
  const Style& style = whole ? whole_style_ : text_style_;
  const Padding& pad = ts.padding;
  // Most cells are one line: set without the line breaker, the flow's setting (footnote and
  // reference hooks) and the paragraph cache — a cell is set once, and a 100,000-row table
  // must not keep a second copy of itself.
  ParagraphSetting s;
  s.style = &style;
  s.width_pt = std::max(10.0, out.w - pad.left_pt - pad.right_pt - inset);
  s.align = align;
  s.force_bold = bold;
  s.microtypography = false;  // figures in columns stay where the column puts them
  if (header) s.color = ts.header_color;
  if (auto line = setter_->single_line(spans, s)) {
    out.lines.push_back(std::move(*line));
  } else {
    ParagraphSetting full = setting_for_(style, s.width_pt);
    full.first_indent_pt = 0;
    full.left_indent_pt = 0;
    full.align = s.align;
    full.force_bold = s.force_bold;
    full.microtypography = false;
    full.color = s.color;
    full.where = "table '" + info_.id + "', " +
                 (header ? "header row " : row.kind == doc::RowKind::total ? "footer row " : "row ") +
                 std::to_string(row.index + 1) + ", column " + std::to_string(placed.column + 1);
    out.lines = setter_->set(spans, full);
  }
  for (const Element& line : out.lines) out.text_height += line.height;
  return out;
}

std::vector<SetRow> RowSetter::section(const std::vector<GridRow>& rows, bool italic) {
  std::vector<SetRow> out;
  out.reserve(rows.size());
  section(rows, italic, [&](std::size_t, SetRow&& row) { out.push_back(std::move(row)); });
  return out;
}

void RowSetter::section(const std::vector<GridRow>& rows, bool italic,
                        const std::function<void(std::size_t, SetRow&&)>& take, std::size_t begin, std::size_t end) {
  const Padding& pad = template_->table.padding;
  std::size_t n = std::min(end, rows.size());
  std::vector<double> heights(n, 0);
  // Rows joined by row spans are set together; their cells' lines are let go as soon as the
  // rows are assembled, so a long table never holds more than one group's lines.
  std::size_t first = begin;
  while (first < n) {
    std::size_t last = first;
    while (last + 1 < n && spans_into_next(rows, last)) ++last;
    std::vector<std::vector<CellLines>> cells(last - first + 1);
    for (std::size_t r = first; r <= last; ++r) {
      std::vector<CellLines>& row_cells = cells[r - first];
      row_cells.reserve(rows[r].cells.size());
      bool any = false;
      for (const PlacedCell& placed : rows[r].cells) {
        row_cells.push_back(set_cell(placed, rows[r], italic));
        if (placed.rows == 1) {
          heights[r] = std::max(heights[r], row_cells.back().text_height);
          any = true;
        }
      }
      if (!any) heights[r] = text_style_.leading_pt;  // only spanning cells start or cross it
      heights[r] += pad.top_pt + pad.bottom_pt;
    }
    // A spanning cell taller than the rows it covers makes the last of them taller.
    for (std::size_t r = first; r <= last; ++r) {
      for (const CellLines& cell : cells[r - first]) {
        std::size_t span = cell.placed->rows;
        if (span < 2) continue;
        double have = 0;
        for (std::size_t k = r; k < r + span; ++k) have += heights[k];
        double need = cell.text_height + pad.top_pt + pad.bottom_pt;
        if (need > have) heights[r + span - 1] += need - have;
      }
    }
    for (std::size_t r = first; r <= last; ++r) {
      SetRow set;
      set.element = assemble(rows, r, cells[r - first], heights, set.cuts);
      take(r, std::move(set));
    }
    first = last + 1;
  }
}

Element RowSetter::assemble(const std::vector<GridRow>& rows, std::size_t r, std::vector<CellLines>& cells,
                            const std::vector<double>& heights, std::vector<double>& cuts) {
  const TableStyle& ts = template_->table;
  const Padding& pad = ts.padding;
  const GridRow& row = rows[r];
  bool header = row.kind == doc::RowKind::header;
  double width = geometry_.width();
  Element element;
  element.role = StructRole::table_row;
  element.height = heights[r];
  const std::string& fill = fill_of(ts, row);
  if (!fill.empty()) element.rects.push_back(Rect{0, 0, width, element.height, template_->color(fill)});
  Color rule = template_->color(ts.rule_color);
  Color ink = template_->color("text");
  bool splittable = true;
  for (bool covered : row.covered) splittable = splittable && !covered;
  const CellLines* tallest = nullptr;
  for (CellLines& cell : cells) {
    const PlacedCell& placed = *cell.placed;
    double span_height = 0;
    for (std::size_t k = r; k < r + placed.rows; ++k) span_height += heights[k];
    if (placed.rows > 1) splittable = false;
    double room = span_height - pad.top_pt - pad.bottom_pt - cell.text_height;
    double offset = ts.valign == CellAlign::middle ? room / 2 : ts.valign == CellAlign::bottom ? room : 0;
    double y = pad.top_pt + std::max(0.0, offset);
    for (Element& line : cell.lines) {
      for (Run run : line.runs) {
        run.x += cell.x + pad.left_pt;
        run.baseline += y;
        element.runs.push_back(run);
      }
      element.footnotes.insert(element.footnotes.end(), line.footnotes.begin(), line.footnotes.end());
      element.loose.insert(element.loose.end(), line.loose.begin(), line.loose.end());
      y += line.height;
    }
    if (!tallest || cell.text_height > tallest->text_height) tallest = &cell;
    element.cells.push_back(CellTag{cell.x, cell.x + cell.w, header, static_cast<int>(placed.columns),
                                    static_cast<int>(placed.rows)});
    if (ts.rules == TableRules::grid && !header && placed.column > 0)
      element.rules.push_back(Rule{cell.x, 0, cell.x, span_height, 0.3, rule});
    // A centred heading over several columns in an upper header row: a short rule under it
    // (booktabs' \cmidrule), so that the columns it groups read as one.
    bool centred = align_of(*placed.cell, placed.column) == doc::Align::center;
    if (ts.rules == TableRules::booktabs && header && centred && placed.columns > 1 && r + placed.rows < rows.size()) {
      double y_under = span_height;
      element.rules.push_back(Rule{cell.x + 2, y_under, cell.x + cell.w - 2, y_under, 0.3, ink});
    }
  }
  if (ts.rules == TableRules::grid) {
    // Under the row, except across the columns a row span carries on into the next row.
    if (!header) {
      bool total = row.kind == doc::RowKind::total;
      const std::vector<bool>* next = r + 1 < rows.size() ? &rows[r + 1].covered : nullptr;
      std::size_t c = 0;
      while (c < geometry_.widths.size()) {
        std::size_t start = c;
        while (c < geometry_.widths.size() && !(next && (*next)[c])) ++c;
        if (c > start) element.rules.push_back(Rule{xs_[start], element.height, xs_[c], element.height, total ? 0.8 : 0.3, rule});
        while (c < geometry_.widths.size() && next && (*next)[c]) ++c;
      }
    }
    if (row.kind == doc::RowKind::total && (r == 0 || rows[r - 1].kind != row.kind))
      element.rules.push_back(Rule{0, 0, width, 0, 0.8, ink});
  } else if (ts.rules == TableRules::booktabs) {
    // The header's rules travel with it when it repeats on the next page.
    if (header && r == 0) element.rules.push_back(Rule{0, 0, width, 0, 0.8, ink});
    if (header && r + 1 == rows.size()) element.rules.push_back(Rule{0, element.height, width, element.height, 0.4, ink});
    bool closing = row.kind == doc::RowKind::total || row.kind == doc::RowKind::subtotal;
    if (closing && (r == 0 || rows[r - 1].kind != row.kind)) element.rules.push_back(Rule{0, 0, width, 0, 0.4, ink});
  }
  if (splittable && tallest && tallest->lines.size() > 1) {
    double y = pad.top_pt;
    for (std::size_t k = 0; k + 1 < tallest->lines.size(); ++k) {
      y += tallest->lines[k].height;
      cuts.push_back(y);
    }
  }
  return element;
}

std::vector<Element> RowSetter::bands(const Element& row, const std::vector<double>& cuts) {
  std::vector<double> edges{0};
  edges.insert(edges.end(), cuts.begin(), cuts.end());
  edges.push_back(row.height);
  std::vector<Element> out;
  for (std::size_t k = 0; k + 1 < edges.size(); ++k) {
    double top = edges[k], bottom = edges[k + 1];
    bool first = k == 0, last = k + 2 == edges.size();
    Element band;
    band.role = row.role;
    band.cells = row.cells;
    band.matter = row.matter;
    band.origin = row.origin;
    band.height = bottom - top;
    band.continues_row = !first;
    if (first) {
      band.anchors = row.anchors;
      band.footnotes = row.footnotes;
      band.loose = row.loose;
    }
    for (Run run : row.runs) {
      // A run goes with the band its baseline falls in.
      bool below_top = first || run.baseline > top + 0.01;
      bool above_bottom = last || run.baseline <= bottom + 0.01;
      if (!below_top || !above_bottom) continue;
      run.baseline -= top;
      band.runs.push_back(run);
    }
    for (Rect rect : row.rects) {
      double y0 = std::max(rect.y, top), y1 = std::min(rect.y + rect.h, bottom);
      if (y1 <= y0) continue;
      rect.y = y0 - top;
      rect.h = y1 - y0;
      band.rects.push_back(rect);
    }
    for (Rule rule : row.rules) {
      if (rule.y0 == rule.y1) {  // horizontal: in the band it lies in (the row's edges: first, last)
        bool here = (rule.y0 >= top && rule.y0 < bottom) || (last && rule.y0 >= bottom);
        if (!here) continue;
        rule.y0 -= top;
        rule.y1 -= top;
      } else {  // vertical: the part inside the band
        double y0 = std::max(std::min(rule.y0, rule.y1), top), y1 = std::min(std::max(rule.y0, rule.y1), bottom);
        if (y1 <= y0) continue;
        rule.y0 = y0 - top;
        rule.y1 = y1 - top;
      }
      band.rules.push_back(rule);
    }
    out.push_back(std::move(band));
  }
  return out;
}

}  // namespace dizgi::layout
