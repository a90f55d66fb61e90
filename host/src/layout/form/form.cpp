#include "layout/flow.hpp"

#include "layout/text_util.hpp"

namespace dizgi::layout {

void Flow::add(const doc::Form& form) {
  // A form starts a page; a heading just before it (its annex title) goes along with it.
  std::size_t chain = elements_.size();
  while (chain > 0 && elements_[chain - 1].keep_with_next && elements_[chain - 1].break_before == BreakBefore::none &&
         elements_.size() - chain < 4)
    --chain;
  if (chain < elements_.size() && elements_[chain].heading_level > 0) elements_[chain].break_before = BreakBefore::page;
  else pending_break_ = BreakBefore::page;
  const Style& title = template_.style("form-title");
  auto lines = setter_.set(spans_of(form.title), setting_for(title, width_));
  if (!lines.empty()) {
    lines.front().heading_level = 2;
    lines.front().heading_text = form.title;
    lines.front().heading_id = form.id.empty() ? "form-" + std::to_string(block_number_) : form.id;
    lines.front().anchors.push_back(lines.front().heading_id);
    lines.front().space_before = mm_to_pt(20);
  }
  push_lines(std::move(lines), title, true, StructRole::heading);
  for (const doc::Paragraph& p : form.body) {
    const Style& style = template_.style(p.style.empty() ? "body" : p.style);
    auto body = setter_.set(p.content, setting_for(style, width_));
    if (!body.empty()) body.back().height += 6;
    push_lines(std::move(body), style, true);
  }
  const Style& label_style = template_.style("body");
  doc::InlineStyle bold;
  bold.bold = true;
  Color rule = template_.color("cizgi");
  double column = width_ * 0.5;
  for (std::size_t i = 0; i < form.fields.size(); ++i) {
    const doc::FormField& field = form.fields[i];
    if (field.kind == doc::FieldKind::choice || field.kind == doc::FieldKind::radio ||
        field.kind == doc::FieldKind::checkbox) {
      unsupported("a " + std::string(field.kind == doc::FieldKind::checkbox ? "checkbox" : "choice") +
                      " field ('" + field.name + "')",
                  "it is set as a text field with a line to write on");
    }
    Element row;
    row.height = field.kind == doc::FieldKind::signature ? 42 : 22;
    row.space_before = i == 0 ? 24 : 0;
    const text::Shaped& label = shaper_.shape(field.label, setter_.font_for(label_style, bold));
    row.runs.push_back(Run{&label, column, 14, template_.color("text")});
    if (!field.value.empty()) {
      const text::Shaped& value = shaper_.shape(field.value, setter_.font_for(label_style, doc::InlineStyle{}));
      row.runs.push_back(Run{&value, column + 80, 14, template_.color("text")});
    } else {
      row.rules.push_back(Rule{column + 80, row.height - 4, width_, row.height - 4, 0.4, rule});
    }
    FieldWidget widget;
    widget.x = column + 80;
    widget.w = width_ - widget.x;
    widget.h = row.height;
    widget.name = field.name;
    widget.kind = field.kind;
    widget.value = field.value;
    widget.tooltip = field.help.empty() ? field.label : field.help;
    widget.required = field.required;
    widget.read_only = field.read_only;
    row.fields.push_back(std::move(widget));
    row.role = StructRole::form;
    row.keep_with_next = i + 1 < form.fields.size();
    push(std::move(row));
  }
}

}  // namespace dizgi::layout
