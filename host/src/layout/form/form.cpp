// The form block (docs/forms.md): a title, fixed body text, a grid of labelled fields and
// signature blocks side by side. Every field is drawn (label, prefilled value, an empty box to
// write in); editable fields also carry a widget, which a profile with form fields turns into an
// AcroForm field. A form with signature blocks (a statement) is kept on one page.
#include "layout/flow.hpp"

#include "layout/text_util.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>

namespace dizgi::layout {

namespace {

constexpr double pad_pt = 3;

bool editable(const doc::FormField& field) {
  return !field.read_only && field.kind != doc::FieldKind::heading && field.kind != doc::FieldKind::invalid;
}

// The relative widths of "column-widths" ("4,1,1,1"), normalised to `width`; equal columns for
// a missing, short or malformed list (reported by the caller).
std::vector<double> grid_columns(const doc::Form& form, int columns, double width, bool& malformed) {
  std::vector<double> weights;
  malformed = false;
  if (auto it = form.props.find("column-widths"); it != form.props.end()) {
    std::istringstream in(it->second);
    std::string item;
    while (std::getline(in, item, ',')) {
      // Classic digits ("3.5") whatever the process locale.
      const auto first = item.find_first_not_of(' '), last = item.find_last_not_of(' ');
      const auto w = first == std::string::npos ? std::nullopt : Decimal::parse(item.substr(first, last - first + 1));
      const double value = w ? w->to_double() : 0;
      if (!(value > 0)) malformed = true;
      weights.push_back(value > 0 ? value : 1);
    }
    if (weights.size() != static_cast<std::size_t>(columns)) malformed = true;
  }
  if (malformed || weights.empty()) weights.assign(static_cast<std::size_t>(columns), 1.0);
  double sum = 0;
  for (double w : weights) sum += w;
  std::vector<double> xs{0};
  for (double w : weights) xs.push_back(xs.back() + width * w / sum);
  return xs;
}

// What a print reader sees in an empty field besides the box: the format a date is written in,
// the choices offered.
std::string hint_of(const doc::FormField& field) {
  if (field.kind == doc::FieldKind::date) return "gg.aa.yyyy";
  if (field.kind == doc::FieldKind::choice || field.kind == doc::FieldKind::radio) {
    std::string text;
    for (const std::string& c : field.choices) text += (text.empty() ? "" : " / ") + c;
    return text;
  }
  return {};
}

bool ticked(const std::string& value) { return value == "true" || value == "Evet" || value == "1"; }

// Text set into a form element: the height it took and the indices of its runs.
struct PlacedText {
  double height = 0;
  std::vector<std::size_t> runs;
};

}  // namespace

void Flow::add(const doc::Form& form) {
  // A form starts a page (unless its props say otherwise); a heading just before it (its annex
  // title) goes along with it.
  const auto break_prop = form.props.find("break-before");
  const bool page_break = break_prop == form.props.end() || break_prop->second != "none";
  if (page_break) {
    std::size_t chain = elements_.size();
    while (chain > 0 && elements_[chain - 1].keep_with_next && elements_[chain - 1].break_before == BreakBefore::none &&
           elements_.size() - chain < 4)
      --chain;
    if (chain < elements_.size() && elements_[chain].heading_level > 0) elements_[chain].break_before = BreakBefore::page;
    else pending_break_ = BreakBefore::page;
  }
  const std::size_t first = elements_.size();
  const bool statement = std::any_of(form.fields.begin(), form.fields.end(),
                                     [](const doc::FormField& f) { return f.signer > 0; });
  const std::string form_id = [&] {
    auto it = form.props.find("form-id");
    return it == form.props.end() ? std::string() : it->second;
  }();
  const auto caption = scan_.captions.find(&form);
  if (caption != scan_.captions.end()) {
    // Numbered as a table ("numbered" = "table"): the title is its caption, not a heading.
    add_caption(caption->second, scan_.ids.at(&form));
  } else if (!form.title.empty()) {
    const Style& title = template_.style("form-title");
    auto lines = setter_.set(spans_of(form.title), setting_for(title, width_));
    if (!lines.empty()) {
      lines.front().heading_level = 2;
      lines.front().heading_text = form.title;
      lines.front().heading_id = form.id.empty() ? "form-" + std::to_string(block_number_) : form.id;
      lines.front().anchors.push_back(lines.front().heading_id);
      lines.front().space_before = page_break ? mm_to_pt(20) : mm_to_pt(4);
    }
    push_lines(std::move(lines), title, true, StructRole::heading);
  }
  for (const doc::Paragraph& p : form.body) {
    const Style& style = template_.style(p.style.empty() ? "body" : p.style);
    auto body = setter_.set(p.content, setting_for(style, width_));
    if (!body.empty()) body.back().height += 6;
    push_lines(std::move(body), style, true);
  }

  const Style& cell_style = template_.style("table");
  const Style& note_style = template_.style("table-note");
  const Color ink = template_.color("text");
  const Color rule = template_.color("cizgi");
  const Color shade = template_.color("zemin");

  // Sets `text` into `element` at (x, y) within `w`; bold for labels, `colour` overriding.
  auto place = [&](Element& element, const std::string& text, const Style& style, double x, double y, double w,
                   bool bold, Alignment align = Alignment::start, const std::string& colour = {}) {
    PlacedText out;
    if (text.empty()) return out;
    ParagraphSetting s = setting_for(style, std::max(10.0, w));
    s.first_indent_pt = 0;
    s.left_indent_pt = 0;
    s.align = align;
    s.force_bold = bold;
    s.microtypography = false;
    s.color = colour;
    for (Element& line : setter_.set(spans_of(text), s)) {
      for (Run run : line.runs) {
        run.x += x;
        run.baseline += y + out.height;
        out.runs.push_back(element.runs.size());
        element.runs.push_back(run);
      }
      out.height += line.height;
    }
    return out;
  };
  auto widget_for = [&](const doc::FormField& field, double x, double y, double w, double h) {
    FieldWidget widget;
    widget.x = x;
    widget.y = y;
    widget.w = w;
    widget.h = h;
    widget.name = field.name;
    widget.kind = field.kind;
    widget.value = field.value;
    widget.tooltip = field.help.empty() ? field.label : field.help;
    if (!field.unit.empty() && field.help.empty()) widget.tooltip += " (" + field.unit + ")";
    widget.required = field.required;
    widget.read_only = field.read_only;
    widget.max_length = field.max_length;
    widget.choices = field.choices;
    widget.form_id = form_id;
    return widget;
  };
  std::set<std::string> names;
  auto check_name = [&](const doc::FormField& field) {
    if (!editable(field)) return;
    if (field.name.empty()) {
      sink_.warn("layout.form-field", here(), "form field '" + field.label + "' has no name",
                 "give every editable field a stable name from the data model");
    } else if (!names.insert(field.name).second) {
      sink_.warn("layout.form-field", here(), "form field name '" + field.name + "' is used twice",
                 "field names must be unique within a form");
    }
  };

  // --- the grid --------------------------------------------------------------------------------
  std::vector<const doc::FormField*> grid;
  std::map<int, std::vector<const doc::FormField*>> signers;
  for (const doc::FormField& field : form.fields) {
    check_name(field);
    if (field.signer > 0) signers[field.signer].push_back(&field);
    else grid.push_back(&field);
    if (field.kind == doc::FieldKind::signature && field.signer == 0 && form.columns > 0) {
      unsupported("a signature field in a form grid ('" + field.name + "')",
                  "give it a signer number to set it in a signature block");
    }
  }
  const int columns = std::max(1, form.columns);
  bool malformed = false;
  std::vector<double> xs = form.columns > 0 ? grid_columns(form, columns, width_, malformed)
                                            : std::vector<double>{0, width_ * 0.35, width_};
  if (malformed) {
    sink_.warn("layout.form-columns", here(), "'column-widths' of the form does not give " +
                                                  std::to_string(columns) + " positive widths; columns set equal",
               "write one positive number per column, separated by commas: \"4,1,1\"");
  }
  const double line_h = cell_style.leading_pt;
  // A grid with nothing to fill in is a table to the tagged PDF: its rows are table rows whose
  // heading cells head their column, or their row when the row also holds values.
  const bool table_like = form.columns > 0 && std::none_of(grid.begin(), grid.end(), [](const doc::FormField* f) {
                            return editable(*f);
                          });
  bool first_row = true;
  std::size_t next = 0;
  while (next < grid.size()) {
    Element row;
    row.role = table_like ? StructRole::table_row : StructRole::form;
    // The fields of this row: as many as fit in the columns (a field wider than the grid takes
    // the whole row).
    std::vector<std::pair<const doc::FormField*, std::pair<int, int>>> cells;  // field, [c0, c1)
    int column = 0;
    while (next < grid.size()) {
      const doc::FormField& field = *grid[next];
      int span = form.columns > 0 ? std::clamp(field.column_span > 0 ? field.column_span : 1, 1, columns) : 1;
      if (column + span > columns) break;
      cells.push_back({&field, {column, column + span}});
      column += span;
      ++next;
    }
    // 2.0 forms (no grid): the label in the left column, the value in the right one.
    const bool side_by_side = form.columns == 0;
    const bool all_headings = std::all_of(cells.begin(), cells.end(), [](const auto& cell) {
      return cell.first->kind == doc::FieldKind::heading;
    });
    double height = 0;
    std::vector<std::function<void(double)>> finish;  // per cell: draws what depends on the row height
    for (auto& [fp, span] : cells) {
      const doc::FormField& field = *fp;
      const std::size_t first_run = row.runs.size(), first_widget = row.fields.size();
      const double x0 = side_by_side ? 0 : xs[static_cast<std::size_t>(span.first)];
      const double x1 = side_by_side ? width_ : xs[static_cast<std::size_t>(span.second)];
      const double vx = side_by_side ? xs[1] : x0;  // where the value part begins
      double y = pad_pt;
      std::string label = field.label;
      if (field.kind != doc::FieldKind::heading && field.kind != doc::FieldKind::checkbox) {
        if (!field.unit.empty()) label += " (" + field.unit + ")";
        if (field.required) label += " *";
      }
      const bool heading = field.kind == doc::FieldKind::heading;
      if (table_like) row.cells.push_back(CellTag{x0, x1, heading, span.second - span.first, 1, heading && !all_headings});
      if (field.kind == doc::FieldKind::checkbox) {
        // A box to tick, the label beside it.
        const double box = std::min(9.0, line_h - 2);
        const double bx = vx + pad_pt, by = y + (line_h - box) / 2;
        row.paths.push_back(Path{{{PathSegment::Kind::move, bx, by},
                                  {PathSegment::Kind::line, bx + box, by},
                                  {PathSegment::Kind::line, bx + box, by + box},
                                  {PathSegment::Kind::line, bx, by + box},
                                  {PathSegment::Kind::close}},
                                 false, {}, 0.6, ink});
        FieldWidget widget = widget_for(field, bx, by, box, box);
        if (ticked(field.value)) {
          widget.value_paths.push_back(row.paths.size());
          row.paths.push_back(Path{{{PathSegment::Kind::move, bx + 1.8, by + box * 0.55},
                                    {PathSegment::Kind::line, bx + box * 0.42, by + box - 1.8},
                                    {PathSegment::Kind::line, bx + box - 1.5, by + 1.5}},
                                   false, {}, 1.0, ink});
        }
        PlacedText text = place(row, label + (field.required ? " *" : ""), cell_style, bx + box + 4, y,
                                x1 - bx - box - 4 - pad_pt, false);
        y += std::max(line_h, text.height);
        if (editable(field)) row.fields.push_back(std::move(widget));
      } else {
        if (side_by_side) {
          PlacedText l = place(row, label, cell_style, pad_pt, y, vx - 2 * pad_pt, true);
          height = std::max(height, l.height + 2 * pad_pt);
        } else if (!label.empty()) {
          y += place(row, label, cell_style, x0 + pad_pt, y, x1 - x0 - 2 * pad_pt, true).height;
        }
        if (!heading) {
          const double value_top = y;
          const double vw = x1 - vx - 2 * pad_pt;
          const bool figure = field.kind == doc::FieldKind::number || field.kind == doc::FieldKind::money ||
                              field.kind == doc::FieldKind::percentage;
          PlacedText value = place(row, field.value, cell_style, vx + pad_pt, y, vw, false,
                                   figure ? Alignment::end : Alignment::start);
          double box_h = field.kind == doc::FieldKind::multiline ? 3 * line_h
                         : field.kind == doc::FieldKind::signature ? 2.5 * line_h
                                                                    : line_h;
          double value_h = value.height;
          if (field.value.empty()) {
            // The hint is part of the print appearance only: a fillable field shows its tooltip.
            PlacedText hint = place(row, hint_of(field), note_style, vx + pad_pt, y + line_h * 0.1, vw, false,
                                    Alignment::end, "gri");
            value.runs.insert(value.runs.end(), hint.runs.begin(), hint.runs.end());
            value_h = std::max(value_h, hint.height + line_h * 0.1);
          }
          y += std::max(box_h, value_h);
          if (editable(field)) {
            FieldWidget widget = widget_for(field, vx + 1, value_top - 1, x1 - vx - 2, y - value_top + 2);
            widget.value_runs = value.runs;
            row.fields.push_back(std::move(widget));
          }
          // Help text under a labelled field; a cell without a label (a value in an indicator
          // grid) keeps its help for the tooltip.
          if (!field.help.empty() && form.columns > 0 && !field.label.empty()) {
            y += place(row, field.help, note_style, vx + pad_pt, y, vw, false, Alignment::start, "gri").height;
          }
        }
      }
      for (std::size_t k = first_widget; k < row.fields.size(); ++k) {
        row.fields[k].first_run = first_run;
        row.fields[k].end_run = row.runs.size();
      }
      y += pad_pt;
      height = std::max(height, y);
      finish.push_back([&row, x0, x1, heading, shade, rule](double h) {
        if (heading) row.rects.insert(row.rects.begin(), Rect{x0, 0, x1 - x0, h, shade});
        row.rules.push_back(Rule{x0, 0, x0, h, 0.4, rule});
        row.rules.push_back(Rule{x1, 0, x1, h, 0.4, rule});
      });
    }
    row.height = height;
    for (auto& f : finish) f(height);
    if (side_by_side) row.rules.push_back(Rule{xs[1], 0, xs[1], height, 0.4, rule});
    if (first_row) row.rules.push_back(Rule{0, 0, width_, 0, 0.4, rule});
    row.rules.push_back(Rule{0, height, width_, height, 0.4, rule});
    row.space_before = first_row ? (caption != scan_.captions.end() ? 3 : 10) : 0;  // a caption sits close, as a table's
    first_row = false;
    push(std::move(row));
  }
  // The title and the body stay with the first row of the grid.
  for (std::size_t k = first; k + 1 < elements_.size() && k < first + 1; ++k) elements_[k].keep_with_next = true;

  // --- signature blocks --------------------------------------------------------------------------
  if (!signers.empty()) {
    const std::size_t count = signers.size();
    const std::size_t per_row = std::min<std::size_t>(count, 3);
    const double gap = 12;
    const double block_w = count == 1 ? width_ * 0.5 : (width_ - gap * (per_row - 1)) / per_row;
    std::size_t index = 0;
    Element row;
    auto flush = [&]() {
      row.role = StructRole::form;
      row.space_before = 24;
      push(std::move(row));
      row = Element{};
    };
    for (auto& [signer, lines] : signers) {
      const std::size_t slot = index % per_row;
      if (index > 0 && slot == 0) flush();
      const double x0 = count == 1 ? width_ - block_w : slot * (block_w + gap);
      double label_w = 0;
      for (const doc::FormField* f : lines) {
        label_w = std::max(label_w, shaper_.shape(f->label, setter_.font_for(cell_style, doc::InlineStyle{true})).width_pt);
      }
      label_w = std::min(label_w + 4, block_w * 0.45);
      double y = 0;
      for (const doc::FormField* f : lines) {
        const double lh = f->kind == doc::FieldKind::signature ? 2.5 * line_h : line_h;
        const std::size_t first_run = row.runs.size();
        place(row, f->label, cell_style, x0, y, label_w, true);
        place(row, ":", cell_style, x0 + label_w, y, 6, true);
        const double vx = x0 + label_w + 8, vw = block_w - label_w - 8;
        PlacedText value = place(row, f->value, cell_style, vx, y, vw, false);
        const double h = std::max(lh, value.height) + 4;
        if (f->value.empty()) row.rules.push_back(Rule{vx, y + h - 3, x0 + block_w, y + h - 3, 0.4, rule});
        if (editable(*f) && f->kind != doc::FieldKind::signature) {
          FieldWidget widget = widget_for(*f, vx - 1, y - 1, vw + 1, h - 1);
          widget.value_runs = value.runs;
          widget.first_run = first_run;
          widget.end_run = row.runs.size();
          row.fields.push_back(std::move(widget));
        }
        y += h;
      }
      row.height = std::max(row.height, y);
      ++index;
    }
    flush();
  }
  // A statement (a form with signature blocks) is kept on one page.
  if (statement) {
    for (std::size_t k = first; k + 1 < elements_.size(); ++k) elements_[k].keep_with_next = true;
  }
}

}  // namespace dizgi::layout
