#include "layout/flow.hpp"

#include "layout/table/cells.hpp"
#include "layout/text_util.hpp"

#include <algorithm>


namespace dizgi::layout {

namespace {

// A table continues on the next page with a continuation caption ("Tablo 3 (devamı)") when it
// has a caption, then its header rows.
class TableContinuation : public Splittable {
 public:
  TableContinuation(std::vector<Element> caption, std::vector<Element> header)
      : caption_(std::move(caption)), header_(std::move(header)) {}
  std::vector<const Element*> continuation(std::size_t) const override {
    std::vector<const Element*> out;
    for (const Element& line : caption_) out.push_back(&line);
    for (const Element& row : header_) out.push_back(&row);
    return out;
  }

 private:
  std::vector<Element> caption_;
  std::vector<Element> header_;
};

// A full-width horizontal rule of the booktabs manner, at `y` from the row's top.
Rule booktabs_rule(double y, double width, double weight_pt, const Color& ink) {
  return Rule{0, y, width, y, weight_pt, ink};
}

}  // namespace

std::vector<doc::Span> Flow::cell_spans(const doc::TableCell& cell) const {
  if (!cell.content.empty()) return cell.content;
  return spans_of(format_value(cell.value, cell.format, template_.table.missing_marker));
}

doc::Align Flow::cell_align(const doc::Table& t, const doc::TableCell& cell, std::size_t column) const {
  if (cell.align != doc::Align::invalid) return cell.align;
  return column < t.columns.size() ? t.columns[column].align : doc::Align::start;
}

// Decimal alignment: a number is moved left by the width its decimal part lacks against the
// widest decimal part of its column, so that the decimal commas line up.
double Flow::decimal_tail(const std::string& text, bool bold) {
  std::size_t comma = text.rfind(',');
  if (comma == std::string::npos) {
    // "(4,2)" and "%4,2" keep the comma; a whole number has no decimal part at all.
    return 0;
  }
  return setter_.measure(text.substr(comma), template_.style("table"), bold);
}

Element Flow::table_row(const doc::TableRow& row, const TableGeometry& geometry, const doc::Table& t,
                        doc::RowKind kind, std::size_t index) {
  const TableStyle& ts = template_.table;
  const std::vector<double>& widths = geometry.widths;
  bool header = kind == doc::RowKind::header;
  bool total = kind == doc::RowKind::total;
  Style cell_style = template_.style("table");
  if (header) cell_style.hyphenate = false;  // header words are kept whole
  const Padding& pad = ts.padding;
  Element element;
  element.role = StructRole::table_row;
  std::vector<std::vector<Element>> cells;
  std::vector<double> xs;
  std::vector<double> ws;
  double x = 0, height = 0;
  std::size_t column = 0;
  for (const doc::TableCell& cell : row.cells) {
    std::size_t span = static_cast<std::size_t>(std::max(1, cell.col_span));
    if (cell.row_span > 1) {
      unsupported("a row span (table '" + t.id + "', row " + std::to_string(index + 1) + ")",
                  "the cell is set in its own row; split the cell or use a group row");
    }
    double w = 0;
    for (std::size_t k = column; k < std::min(widths.size(), column + span); ++k) w += widths[k];
    doc::Align a = cell_align(t, cell, column);
    Alignment align = Alignment::start;
    if (a == doc::Align::end || a == doc::Align::decimal) align = Alignment::end;
    else if (a == doc::Align::center) align = Alignment::center;
    bool bold = kind != doc::RowKind::body || cell.style == "emphasis";
    std::vector<doc::Span> spans = cell_spans(cell);
    double inset = 0;
    if (a == doc::Align::decimal && !header && span == 1 && column < geometry.decimal_tails.size())
      inset = std::max(0.0, geometry.decimal_tails[column] - decimal_tail(plain_text(spans), bold));
    ParagraphSetting s = setting_for(cell_style, std::max(10.0, w - pad.left_pt - pad.right_pt - inset));
    s.first_indent_pt = 0;
    s.left_indent_pt = 0;
    s.align = header && align == Alignment::start ? Alignment::start : align;
    s.force_bold = bold;
    s.microtypography = false;  // figures in columns stay where the column puts them
    if (header) s.color = ts.header_color;
    s.where = "table '" + t.id + "', row " + std::to_string(index + 1);
    auto lines = setter_.set(spans, s);
    double h = 0;
    for (const Element& l : lines) h += l.height;
    height = std::max(height, h);
    cells.push_back(std::move(lines));
    xs.push_back(x);
    ws.push_back(w);
    element.cells.push_back(CellTag{x, x + w, header, static_cast<int>(span), 1});
    x += w;
    column += span;
  }
  element.height = height + pad.top_pt + pad.bottom_pt;
  Color rule = template_.color(ts.rule_color);
  if (header) element.rects.push_back(Rect{0, 0, x, element.height, template_.color(ts.header_fill)});
  else if (total) element.rects.push_back(Rect{0, 0, x, element.height, template_.color(ts.total_fill)});
  else if (index % 2 == 1) element.rects.push_back(Rect{0, 0, x, element.height, template_.color(ts.zebra_fill)});
  for (std::size_t c = 0; c < cells.size(); ++c) {
    double y = pad.top_pt;
    for (Element& line : cells[c]) {
      for (Run run : line.runs) {
        run.x += xs[c] + pad.left_pt;
        run.baseline += y;
        element.runs.push_back(run);
      }
      element.footnotes.insert(element.footnotes.end(), line.footnotes.begin(), line.footnotes.end());
      element.loose.insert(element.loose.end(), line.loose.begin(), line.loose.end());
      y += line.height;
    }
    if (ts.rules == TableRules::grid && !header && c > 0)
      element.rules.push_back(Rule{xs[c], 0, xs[c], element.height, 0.3, rule});
  }
  if (ts.rules == TableRules::grid) {
    if (!header) element.rules.push_back(Rule{0, element.height, x, element.height, total ? 0.8 : 0.3, rule});
    if (total) element.rules.push_back(Rule{0, 0, x, 0, 0.8, template_.color(ts.header_fill)});
  } else if (ts.rules == TableRules::booktabs && header) {
    // The header's booktabs rules travel with it when it repeats on the next page.
    if (index == 0) element.rules.push_back(booktabs_rule(0, x, 0.8, template_.color("text")));
    if (index + 1 == t.header.size()) element.rules.push_back(booktabs_rule(element.height, x, 0.4, template_.color("text")));
  }
  return element;
}

void Flow::add(const doc::Table& t) {
  std::size_t count = t.columns.size();
  auto count_row = [](const doc::TableRow& row) {
    std::size_t n = 0;
    for (const auto& c : row.cells) n += static_cast<std::size_t>(std::max(1, c.col_span));
    return n;
  };
  for (const auto& r : t.header) count = std::max(count, count_row(r));
  for (const auto& r : t.body) count = std::max(count, count_row(r));
  if (count == 0) return;
  TableGeometry geometry;
  geometry.widths = column_widths(t, count);
  geometry.decimal_tails.assign(count, 0);
  for (int section : {1, 2}) {
    for (const doc::TableRow& row : section == 1 ? t.body : t.footer) {
      std::size_t column = 0;
      bool bold = effective_kind(row, section) != doc::RowKind::body;
      for (const doc::TableCell& cell : row.cells) {
        std::size_t span = static_cast<std::size_t>(std::max(1, cell.col_span));
        if (span == 1 && column < count && cell_align(t, cell, column) == doc::Align::decimal) {
          geometry.decimal_tails[column] =
              std::max(geometry.decimal_tails[column], decimal_tail(plain_text(cell_spans(cell)), bold));
        }
        column += span;
      }
    }
  }
  if (t.carried.enabled) {
    unsupported("carried totals (table '" + t.id + "')",
                "the table breaks with its header repeated but without 'Nakli yekûn' rows");
  }
  std::size_t first_element = elements_.size();
  auto caption = scan_.captions.find(&t);
  std::string id = scan_.ids.at(&t);
  if (caption != scan_.captions.end()) add_caption(caption->second, id);
  std::vector<Element> header;
  for (std::size_t i = 0; i < t.header.size(); ++i) {
    Element row = table_row(t.header[i], geometry, t, doc::RowKind::header, i);
    row.keep_with_next = true;
    header.push_back(row);
  }
  for (const Element& row : header) push(row);
  std::vector<Element> continued;
  if (caption != scan_.captions.end()) {
    const Style& style = template_.style("caption");
    continued = setter_.set(spans_of(scan_.labels.at(id) + " " + template_.captions.continued),
                            setting_for(style, width_));
    for (Element& line : continued) {
      line.role = StructRole::caption;
      line.keep_with_next = true;
    }
  }
  std::size_t first_body = elements_.size();
  std::shared_ptr<const Splittable> split;
  if (!header.empty() || !continued.empty()) split = std::make_shared<TableContinuation>(continued, header);
  std::size_t part = header.size();
  for (std::size_t i = 0; i < t.body.size(); ++i) {
    Element row = table_row(t.body[i], geometry, t, effective_kind(t.body[i], 1), i);
    row.split = split;
    row.split_index = ++part;
    // Keep the first two and last two rows together (no lone row at a page edge).
    row.keep_with_next = i == 0 || i + 2 >= t.body.size() + (t.footer.empty() ? 0 : 1);
    if (i + 1 == t.body.size() && t.footer.empty()) row.keep_with_next = !t.note.empty();
    push(std::move(row));
  }
  for (std::size_t i = 0; i < t.footer.size(); ++i) {
    Element row = table_row(t.footer[i], geometry, t, effective_kind(t.footer[i], 2), i);
    row.split = split;
    row.split_index = ++part;
    row.keep_with_next = i + 1 < t.footer.size() || !t.note.empty();
    push(std::move(row));
  }
  if (template_.table.rules == TableRules::booktabs && elements_.size() > first_body) {
    // Horizontal rules only: heavy above the table (when it has no header) and below it, light
    // above the totals; nothing between body rows or columns.
    double width = 0;
    for (double w : geometry.widths) width += w;
    if (header.empty()) elements_[first_body].rules.push_back(booktabs_rule(0, width, 0.8, template_.color("text")));
    if (!t.footer.empty()) elements_[first_body + t.body.size()].rules.push_back(booktabs_rule(0, width, 0.4, template_.color("text")));
    Element& last = elements_.back();
    last.rules.push_back(booktabs_rule(last.height, width, 0.8, template_.color("text")));
  }
  // A small table stays whole: it moves to the next page rather than split (since 2.1).
  if (t.keep_whole_rows > 0 && t.body.size() <= static_cast<std::size_t>(t.keep_whole_rows)) {
    for (std::size_t k = first_element; k + 1 < elements_.size(); ++k) elements_[k].keep_with_next = true;
  }
  if (t.note.empty()) {
    elements_.back().height += 10;
  } else {
    std::size_t note = elements_.size();
    add_note(t.note);
    // The note belongs to the table: the table has not ended before it.
    for (std::size_t k = note; k < elements_.size(); ++k) {
      elements_[k].split = split;
      elements_[k].split_index = ++part;
    }
  }
}

}  // namespace dizgi::layout
