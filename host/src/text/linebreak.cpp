// Placeholder first-fit breaker until the total-fit breaker lands.
#include "text/linebreak.hpp"

namespace dizgi::text {

std::vector<LineBreak> break_lines(const std::vector<Item>& items,
                                   const std::function<double(std::size_t)>& line_width,
                                   const BreakParams&) {
  std::vector<LineBreak> breaks;
  double width = 0, stretch = 0, shrink = 0;
  std::size_t last_break = 0;
  bool have_break = false;
  double lw = line_width(0);
  auto ratio = [&](double w, double st, double sh) {
    if (w < lw) return st > 0 ? (lw - w) / st : 1e9;
    if (w > lw) return sh > 0 ? (lw - w) / sh : -1e9;
    return 0.0;
  };
  double bw = 0, bst = 0, bsh = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    bool legal = (it.kind == Item::Kind::glue && i > 0 && items[i - 1].kind == Item::Kind::box) ||
                 (it.kind == Item::Kind::penalty && it.penalty < 10000);
    if (legal) {
      double w = width + (it.kind == Item::Kind::penalty ? it.width : 0);
      if (w > lw && have_break) {
        breaks.push_back({last_break, ratio(bw, bst, bsh), false});
        // restart after last_break
        i = last_break;
        width = stretch = shrink = 0;
        have_break = false;
        lw = line_width(breaks.size());
        // skip discardable items after the break
        while (i + 1 < items.size() && items[i + 1].kind != Item::Kind::box &&
               !(items[i + 1].kind == Item::Kind::penalty && items[i + 1].penalty <= -10000))
          ++i;
        continue;
      }
      if (it.kind == Item::Kind::penalty && it.penalty <= -10000) {
        breaks.push_back({i, ratio(w, stretch, shrink) > 0 && it.width == 0 ? ratio(w, stretch, shrink) : 0, false});
        width = stretch = shrink = 0;
        have_break = false;
        lw = line_width(breaks.size());
        continue;
      }
      last_break = i;
      bw = w;
      bst = stretch;
      bsh = shrink;
      have_break = true;
    }
    if (it.kind == Item::Kind::box) width += it.width;
    if (it.kind == Item::Kind::glue) {
      width += it.width;
      stretch += it.stretch;
      shrink += it.shrink;
    }
  }
  return breaks;
}

}  // namespace dizgi::text
