#include "layout/flow.hpp"

#include "layout/text_util.hpp"

#include <algorithm>
#include <cmath>

namespace dizgi::layout {

void Flow::add(const doc::ListOf& list) {
  const std::vector<paginate::ListEntry>* entries = &scan_.contents;
  if (list.kind == doc::ListOfKind::tables) entries = &scan_.tables;
  if (list.kind == doc::ListOfKind::charts) entries = &scan_.charts;
  if (list.kind == doc::ListOfKind::figures) entries = &scan_.figures;
  if (entries->empty() && list.kind != doc::ListOfKind::contents) return;
  const Style& title_style = template_.style("h1");
  auto title_lines = setter_.set(spans_of(list.title), setting_for(title_style, width_));
  if (!title_lines.empty()) {
    Element& first = title_lines.front();
    // A recto of its own unless the layout asks otherwise (props "break").
    const PageBreak wanted = break_request(list).value_or(PageBreak::recto);
    if (wanted != PageBreak::none) {
      first.break_before = break_before(wanted);
      first.suppress_furniture = true;
      first.space_before = mm_to_pt(30);
    }
    first.heading_level = 1;
    first.heading_text = list.title;
    first.heading_id = "liste-" + std::to_string(block_number_);
    first.anchors.push_back(first.heading_id);
  }
  push_lines(std::move(title_lines), title_style, true, StructRole::heading);
  double number_column = 28;
  Color leader_color = template_.color("gri");
  for (const paginate::ListEntry& entry : *entries) {
    if (entry.level > list.depth) continue;
    const Style& style = template_.style("toc" + std::to_string(std::clamp(entry.level, 1, 3)));
    ParagraphSetting s = setting_for(style, width_ - number_column - 12);
    s.first_indent_pt = 0;
    auto lines = setter_.set(spans_of(entry.text), s);
    if (lines.empty()) continue;
    auto page = page_of_id_.find(entry.id);
    std::string label = page == page_of_id_.end() ? "000" : page->second;
    Element& last = lines.back();
    doc::InlineStyle bold;
    bold.bold = style.bold;
    const text::Shaped& number = shaper_.shape(label, setter_.font_for(style, bold));
    double baseline = last.runs.empty() ? style.leading_pt * 0.75 : last.runs.front().baseline;
    double text_end = 0;
    for (const Run& r : last.runs) text_end = std::max(text_end, r.x + r.shaped->width_pt);
    last.runs.push_back(Run{&number, width_ - number.width_pt, baseline, template_.color(style.color)});
    // Dot leaders on a fixed grid, so that they align from line to line.
    const text::Shaped& dot = shaper_.shape(".", setter_.font_for(style, doc::InlineStyle{}));
    double pitch = 5;
    for (double x = std::ceil((text_end + 6) / pitch) * pitch; x + dot.width_pt < width_ - number_column + 4; x += pitch) {
      last.runs.push_back(Run{&dot, x, baseline, leader_color});
    }
    lines.front().starts_item = true;
    double top = 0;
    for (Element& line : lines) {
      line.links.push_back(LinkArea{0, 0, width_, line.height, "#" + entry.id});
      top += line.height;
    }
    push_lines(std::move(lines), style, false, StructRole::toc_item);
  }
}

}  // namespace dizgi::layout
