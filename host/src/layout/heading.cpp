#include "layout/flow.hpp"

#include "layout/text_util.hpp"

#include <algorithm>

namespace dizgi::layout {

void Flow::add(const doc::Heading& h) {
  std::string style_name = h.style.empty() ? "h" + std::to_string(std::clamp(h.level, 1, 4)) : h.style;
  const Style& style = template_.style(style_name);
  std::vector<doc::Span> spans;
  std::string number_text = h.number;
  if (number_text.empty()) {
    auto assigned = scan_.numbers.find(&h);
    if (assigned != scan_.numbers.end()) number_text = assigned->second;
  }
  if (!number_text.empty()) {
    doc::Span number;
    number.text = number_text + " ";
    spans.push_back(number);
  }
  spans.insert(spans.end(), h.content.begin(), h.content.end());
  auto lines = setter_.set(spans, setting_for(style, width_));
  if (lines.empty()) return;
  Element& first = lines.front();
  first.heading_level = h.level;
  first.heading_text = (number_text.empty() ? "" : number_text + " ") + plain_text(h.content);
  first.heading_id = scan_.ids.at(&h);
  first.anchors.push_back(first.heading_id);
  bool opener = h.chapter_opener || h.level == 1;
  if (opener) {
    first.break_before = template_.chapter_on_recto ? BreakBefore::recto : BreakBefore::page;
    first.suppress_furniture = true;
    // The chapter title sits lower on its opening page.
    first.space_before = mm_to_pt(30);
  }
  push_lines(std::move(lines), style, true, StructRole::heading);
}

}  // namespace dizgi::layout
