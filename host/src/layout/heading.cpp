#include "layout/flow.hpp"

#include "layout/text_util.hpp"

#include <algorithm>

namespace dizgi::layout {

std::optional<PageBreak> Flow::break_request(const doc::BlockBase& block) {
  auto wanted = block.props.find("break");
  if (wanted == block.props.end()) return std::nullopt;
  if (wanted->second == "none") return PageBreak::none;
  if (wanted->second == "page") return PageBreak::page;
  if (wanted->second == "recto") return PageBreak::recto;
  if (wanted->second == "verso") return PageBreak::verso;
  sink_.warn("layout.unknown-property", here(), "block property 'break' is '" + wanted->second + "'",
             "write none, page, recto or verso");
  return std::nullopt;
}

BreakBefore Flow::break_before(PageBreak wanted) const {
  switch (template_.effective(wanted)) {
    case PageBreak::recto: return BreakBefore::recto;
    case PageBreak::verso: return BreakBefore::verso;
    case PageBreak::none: return BreakBefore::none;
    default: return BreakBefore::page;
  }
}

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
  // The template says per level whether a heading opens a page or a recto, and how far down
  // it sits there (the drop); a chapter opener the layout marks takes level 1's setting.
  HeadingLayout placement = template_.heading(std::clamp(h.level, 1, 6));
  if (h.chapter_opener && placement.break_before == PageBreak::none) placement = template_.heading(1);
  // The heading's own request (props "break") wins over its level's: a short book's parts need
  // not each open a recto (docs/plugin-guide.md, props).
  if (std::optional<PageBreak> wanted = break_request(h)) {
    if (*wanted == PageBreak::none) placement.drop_pt = 0;
    placement.break_before = *wanted;
  }
  if (placement.break_before != PageBreak::none) {
    first.break_before = break_before(placement.break_before);
    first.suppress_furniture = true;
    first.space_before = placement.drop_pt;
  }
  push_lines(std::move(lines), style, true, StructRole::heading);
}

}  // namespace dizgi::layout
