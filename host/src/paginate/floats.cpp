#include "paginate/page_run.hpp"

namespace dizgi::paginate {

// Content that counts for overflow: flow elements, or floats placed at the top.
bool PageRun::has_content() const { return !current_.content.empty() && (first_index_ != SIZE_MAX || floats_on_page_); }

// Places waiting floats at the top of the (new) page, as many as fit, in their order.
void PageRun::place_deferred(const std::vector<Element>& elements) {
  while (!deferred_.empty()) {
    auto [from, to] = deferred_.front();
    double group_height = 0;
    for (std::size_t k = from; k < to; ++k) group_height += elements[k].height + (k == from ? 0 : elements[k].space_before);
    if (has_content() && y_ + group_height + current_.footnote_height > height_ + 0.01) return;
    for (std::size_t k = from; k < to; ++k) {
      if (k != from) y_ += elements[k].space_before;
      place(elements[k], SIZE_MAX);
    }
    floats_on_page_ = true;
    deferred_.erase(deferred_.begin());
  }
}

// Before a page break that ends a part of the book, the waiting floats get pages of their own.
void PageRun::flush_deferred(const std::vector<Element>& elements) {
  while (!deferred_.empty()) {
    doc::Matter matter = open_ ? current_.matter : last_matter_;
    if (open_ && has_content()) {
      place_deferred(elements);
      if (deferred_.empty()) break;
      close();
    }
    start(matter);
    place_deferred(elements);
  }
}

}  // namespace dizgi::paginate
