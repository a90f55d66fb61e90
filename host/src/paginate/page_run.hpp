// The page run: places the laid-out elements on pages of the page master, column by column,
// with keep chains, breaks before parts and chapters (recto starts), floats that wait for the
// next page (floats.cpp) and footnotes at the page foot that may continue on the next page
// (footnotes.cpp). A block that splits (a table) is asked what continues it on the next page.
#pragma once

#include "layout/page_model.hpp"

#include <cstddef>
#include <tuple>
#include <utility>
#include <vector>

namespace dizgi::paginate {

using layout::Element;
using layout::Page;

class PageRun {
 public:
  // `facing`: false gives single-sided pages (every page a recto, no blank versos);
  // `body_recto`: the body matter starts on a recto.
  // `turned_height`: the height of a landscape page's turned text area (the text area's full
  // width); 0 takes `text_height`.
  PageRun(double text_height, int columns, double column_pitch, bool facing = true, bool body_recto = true,
          double turned_height = 0);

  // Pages in order; they point into `elements`, which must outlive them.
  std::vector<Page> run(const std::vector<Element>& elements);

 private:
  // page_run.cpp
  Page fresh();
  // A blank page first when the next page would be a verso and a recto is wanted, or the
  // other way round (facing pages only).
  void ensure_side(bool recto);
  void start(doc::Matter matter, bool landscape = false);
  void next_column();
  void place(const Element& e, std::size_t index, std::size_t notes_here = SIZE_MAX);
  void remove_last();
  void close();
  void close_block(const Element& next);
  void continue_block(const Element& next);
  // floats.cpp
  bool has_content() const;
  void place_deferred(const std::vector<Element>& elements);
  void flush_deferred(const std::vector<Element>& elements);
  // footnotes.cpp
  void place_carried();

  double height_;         // of the page being filled
  double upright_height_;  // of a portrait page's text area
  double turned_height_;   // of a landscape page's turned text area
  int columns_ = 1;
  double column_pitch_ = 0;  // column width plus gutter
  int column_ = 0;
  double separator_ = 14;
  bool facing_ = true;
  bool body_recto_ = true;
  std::vector<Page> pages_;
  Page current_;
  bool open_ = false;
  double y_ = 0;
  std::size_t first_index_ = SIZE_MAX;
  std::vector<std::size_t> placed_index_;
  std::vector<std::tuple<std::size_t, double, std::size_t>> note_heights_;  // placed, height, carried
  std::vector<const Element*> carried_;  // footnote lines continued on the next page
  doc::Matter last_matter_ = doc::Matter::front;
  std::vector<std::pair<std::size_t, std::size_t>> deferred_;  // waiting floats: element ranges
  bool floats_on_page_ = false;
};

// The height of an element's footnote lines.
double footnotes_height(const Element& e);

}  // namespace dizgi::paginate
