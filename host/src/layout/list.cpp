#include "layout/flow.hpp"

#include <algorithm>


namespace dizgi::layout {

void Flow::add(const doc::List& list) {
  const Style& style = template_.style(list.style.empty() ? "list" : list.style);
  int number = 0;
  for (const doc::ListItem& item : list.items) {
    ++number;
    ParagraphSetting s = setting_for(style, width_);
    s.first_indent_pt = 0;
    s.left_indent_pt = style.left_indent_pt + item.level * 14;
    if (s.align == Alignment::justify) s.align = Alignment::justify;
    auto lines = setter_.set(item.content, s);
    if (lines.empty()) continue;
    std::string marker = list.ordered ? std::to_string(number) + "." : "•";
    doc::InlineStyle plain;
    const text::Shaped& shaped = shaper_.shape(marker, setter_.font_for(style, plain));
    double baseline = lines.front().runs.empty() ? style.leading_pt * 0.75 : lines.front().runs.front().baseline;
    lines.front().runs.push_back(Run{&shaped, s.left_indent_pt - shaped.width_pt - 5, baseline,
                                     template_.color(list.ordered ? style.color : "ana")});
    lines.front().starts_item = true;
    lines.front().item_level = std::max(0, item.level);
    lines.front().label_run = static_cast<int>(lines.front().runs.size()) - 1;
    lines.front().space_before = number == 1 ? 3 : 1.5;
    push_lines(std::move(lines), style, false, StructRole::list_item);
  }
}

}  // namespace dizgi::layout
