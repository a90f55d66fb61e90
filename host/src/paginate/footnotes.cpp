#include "paginate/page_run.hpp"

namespace dizgi::paginate {

// Footnote lines continued from the previous page open this page's footnote area (at most
// half the page; the rest goes on).
void PageRun::place_carried() {
  if (carried_.empty()) return;
  double added = separator_;
  std::size_t k = 0;
  for (; k < carried_.size(); ++k) {
    if (k > 0 && added + carried_[k]->height > height_ * 0.5) break;
    current_.footnotes.push_back({carried_[k], current_.footnote_height + added});
    added += carried_[k]->height;
  }
  current_.footnote_height += added;
  carried_.erase(carried_.begin(), carried_.begin() + static_cast<std::ptrdiff_t>(k));
}

double footnotes_height(const Element& e) {
  double h = 0;
  for (const auto& f : e.footnotes) h += f->height;
  return h;
}

}  // namespace dizgi::paginate
