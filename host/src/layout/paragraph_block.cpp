#include "layout/flow.hpp"


namespace dizgi::layout {

void Flow::add(const doc::Paragraph& p) {
  const Style& style = template_.style(p.style.empty() ? "body" : p.style);
  // A paragraph right after a heading is not indented (book convention).
  ParagraphSetting s = setting_for(style, width_);
  if (!elements_.empty() && elements_.back().heading_level == 0 && after_heading_) s.first_indent_pt = 0;
  if (last_was_heading()) s.first_indent_pt = 0;
  push_lines(setter_.set(p.content, s), style);
}

}  // namespace dizgi::layout
