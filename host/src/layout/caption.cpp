#include "layout/flow.hpp"

#include "layout/text_util.hpp"

namespace dizgi::layout {

void Flow::add_caption(const std::string& caption, const std::string& id) {
  const Style& style = template_.style("caption");
  auto lines = setter_.set(spans_of(caption), setting_for(style, width_));
  if (!lines.empty()) lines.front().anchors.push_back(id);
  push_lines(std::move(lines), style, true, StructRole::caption);
}

void Flow::add_note(const std::string& note) {
  if (note.empty()) return;
  const Style& style = template_.style("table-note");
  push_lines(setter_.set(spans_of(note), setting_for(style, width_)), style);
}

}  // namespace dizgi::layout
