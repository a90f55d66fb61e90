// Page furniture: page labels (roman in the front matter, arabic in the body), running heads
// (the chapter on versos, the section on rectos) and folios, set after the page run.
#pragma once

#include "layout/page_model.hpp"

#include <vector>

namespace dizgi::paginate {

void label_pages(std::vector<layout::Page>& pages);

// Adds the running head and folio of every page that shows furniture.
void add_furniture(layout::LaidOutBook& book, text::Shaper& shaper);

}  // namespace dizgi::paginate
