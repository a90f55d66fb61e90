#include "paginate/page_run.hpp"

#include <algorithm>

namespace dizgi::paginate {

using layout::BreakBefore;
using layout::Placed;

PageRun::PageRun(double text_height, int columns, double column_pitch, bool facing, bool body_recto,
                 double turned_height)
    : height_(text_height), upright_height_(text_height), turned_height_(turned_height > 0 ? turned_height : text_height),
      columns_(std::max(1, columns)), column_pitch_(column_pitch), facing_(facing), body_recto_(body_recto) {}

std::vector<Page> PageRun::run(const std::vector<Element>& elements) {
  std::size_t i = 0;
  while (i < elements.size()) {
    const Element& e = elements[i];
    if (e.full_page) {
      flush_deferred(elements);
      close();
      if (e.break_before == BreakBefore::verso) ensure_side(false);
      Page page = fresh();
      page.full_page = true;
      page.back_cover = e.back_cover;
      page.show_furniture = false;
      page.matter = e.matter;
      page.content.push_back({&e, 0});
      pages_.push_back(std::move(page));
      ++i;
      continue;
    }
    if (e.break_before != BreakBefore::none || (open_ && e.matter != current_.matter)) {
      flush_deferred(elements);
      close();
      bool matter_recto = e.matter != last_matter_ && (e.matter != doc::Matter::body || body_recto_);
      if (e.break_before == BreakBefore::verso) ensure_side(false);
      else if (e.break_before == BreakBefore::recto || matter_recto) ensure_side(true);
    }
    // A turned table has landscape pages of its own; the text after it starts a portrait page.
    if (open_ && current_.landscape != e.landscape) close();
    if (!open_) {
      start(e.matter, e.landscape);
      if (!e.landscape) place_deferred(elements);
    }
    // A float that does not fit here waits for the top of the next page; the text after it
    // fills this one.
    if (e.float_group != 0 && !e.landscape && (i == 0 || elements[i - 1].float_group != e.float_group) && has_content() &&
        !(i > 0 && elements[i - 1].keep_with_next)) {
      std::size_t end = i;
      double group_height = 0;
      while (end < elements.size() && elements[end].float_group == e.float_group) {
        group_height += elements[end].height + (end == i ? 0 : elements[end].space_before);
        ++end;
      }
      bool fits = y_ + e.space_before + group_height + current_.footnote_height <= height_ + 0.01;
      if (!fits && group_height <= height_) {
        deferred_.push_back({i, end});
        i = end;
        continue;
      }
    }
    // Space before is dropped at the top of a page, except a chapter opener's drop.
    double space = current_.content.empty() && !e.suppress_furniture ? 0 : e.space_before;
    double notes = footnotes_height(e);
    double note_extra = notes > 0 && current_.footnotes.empty() ? separator_ : 0;
    if (has_content() && y_ + space + e.height + current_.footnote_height + notes + note_extra > height_ + 0.01 &&
        e.footnotes.size() >= 3) {
      // A long footnote splits: its first lines stay with the reference, the rest continue
      // at the foot of the next page.
      double room = height_ + 0.01 - (y_ + space + e.height + current_.footnote_height + note_extra);
      std::size_t fit = 0;
      double sum = 0;
      while (fit < e.footnotes.size() && sum + e.footnotes[fit]->height <= room) sum += e.footnotes[fit++]->height;
      if (fit >= 2 && e.footnotes.size() - fit >= 1) {
        y_ += space;
        place(e, i, fit);
        ++i;
        continue;
      }
    }
    // A block that closes its page part with a foot (a table's carried totals) keeps room for
    // it below each of its elements that a break could follow.
    double foot = 0;
    if (e.split && i + 1 < elements.size() && elements[i + 1].split == e.split)
      foot = e.split->foot_height(elements[i + 1].split_index);
    if (has_content() && y_ + space + e.height + foot + current_.footnote_height + notes + note_extra > height_ + 0.01) {
      // Move the whole keep chain that ends here to the next page, if it does not fill a page.
      std::size_t chain = i;
      while (chain > first_index_ && elements[chain - 1].keep_with_next) --chain;
      if (chain > first_index_ && chain < i) {
        while (!current_.content.empty() && current_.content.back().element != nullptr &&
               placed_index_.back() >= chain) {
          remove_last();
        }
        i = chain;
      }
      close_block(elements[i]);
      if (column_ + 1 < columns_ && !current_.landscape) {
        next_column();
      } else {
        close();
        start(elements[i].matter, elements[i].landscape);
        // Waiting floats never go between the parts of a split table (nor on a landscape
        // page): they wait for a page that does not continue one.
        if ((!elements[i].split || elements[i].split_index == 0) && !current_.landscape) place_deferred(elements);
      }
      continue_block(elements[i]);
      continue;
    }
    if (current_.content.empty() && e.suppress_furniture) current_.show_furniture = false;
    y_ += space;
    place(e, i);
    ++i;
    // A float that waited while a split table ran goes right after the table's end when it fits
    // there, not pages later.
    bool table_ended = e.split && (i == elements.size() || elements[i].split != e.split);
    if (table_ended && !deferred_.empty() && e.split_index > 0) place_deferred(elements);
  }
  flush_deferred(elements);
  while (!carried_.empty()) {  // footnote lines still to set: pages of their own
    doc::Matter matter = open_ ? current_.matter : last_matter_;
    close();
    start(matter);
  }
  close();
  return std::move(pages_);
}

Page PageRun::fresh() {
  Page page;
  page.index = static_cast<int>(pages_.size());
  page.recto = !facing_ || page.index % 2 == 0;
  return page;
}

// A blank page first when the next page would be on the other side than `recto` (facing pages).
void PageRun::ensure_side(bool recto) {
  if (facing_ && pages_.size() % 2 == (recto ? 1u : 0u)) {
    Page blank = fresh();
    blank.blank = true;
    blank.show_furniture = false;
    blank.matter = last_matter_;
    pages_.push_back(std::move(blank));
  }
}

void PageRun::start(doc::Matter matter, bool landscape) {
  current_ = fresh();
  current_.matter = matter;
  current_.landscape = landscape;
  height_ = landscape ? turned_height_ : upright_height_;
  open_ = true;
  y_ = 0;
  first_index_ = SIZE_MAX;
  floats_on_page_ = false;
  column_ = 0;
  placed_index_.clear();
  note_heights_.clear();
  place_carried();
}

// The next column of the same page: keep chains never reach back across a column start.
void PageRun::next_column() {
  ++column_;
  y_ = 0;
  first_index_ = SIZE_MAX;
  floats_on_page_ = false;
}

// Places an element with at most `notes_here` of its footnote lines; the rest continue on
// the next page.
void PageRun::place(const Element& e, std::size_t index, std::size_t notes_here) {
  if (first_index_ == SIZE_MAX && index != SIZE_MAX) first_index_ = index;
  current_.content.push_back({&e, y_, column_ * column_pitch_});
  placed_index_.push_back(index == SIZE_MAX ? 0 : index);
  y_ += e.height;
  double added = 0;
  std::size_t count = std::min(notes_here, e.footnotes.size());
  if (count > 0 && current_.footnotes.empty()) added += separator_;
  for (std::size_t k = 0; k < count; ++k) {
    current_.footnotes.push_back({e.footnotes[k].get(), current_.footnote_height + added});
    added += e.footnotes[k]->height;
  }
  for (std::size_t k = count; k < e.footnotes.size(); ++k) carried_.push_back(e.footnotes[k].get());
  current_.footnote_height += added;
  note_heights_.push_back({count, added, e.footnotes.size() - count});
}

void PageRun::remove_last() {
  const Placed& last = current_.content.back();
  y_ = last.y;
  auto [count, height, carried] = note_heights_.back();
  for (std::size_t k = 0; k < count; ++k) current_.footnotes.pop_back();
  for (std::size_t k = 0; k < carried && !carried_.empty(); ++k) carried_.pop_back();
  current_.footnote_height -= height;
  if (current_.footnotes.empty()) current_.footnote_height = 0;
  note_heights_.pop_back();
  current_.content.pop_back();
  placed_index_.pop_back();
  // Space before the new last element was counted; recompute y from the remaining content.
  if (!current_.content.empty()) y_ = current_.content.back().y + current_.content.back().element->height;
  else y_ = 0;
}

void PageRun::close() {
  if (!open_) return;
  open_ = false;
  last_matter_ = current_.matter;
  if (current_.content.empty() && current_.footnotes.empty()) return;
  pages_.push_back(std::move(current_));
}

// A block broken before `next` ends its part on this page with its foot (a table: its carried
// totals or its closing rule), when its last element is the last one placed here.
void PageRun::close_block(const Element& next) {
  if (!next.split || next.split_index == 0 || current_.content.empty()) return;
  const Element* last = current_.content.back().element;
  if (!last || last->split != next.split) return;
  for (const Element* e : next.split->foot(next.split_index)) place(*e, SIZE_MAX);
}

// A block broken here continues on the new page with what it asks for (a table: its header).
void PageRun::continue_block(const Element& next) {
  if (!next.split || next.split_index == 0) return;
  for (const Element* e : next.split->continuation(next.split_index)) place(*e, SIZE_MAX);
}

}  // namespace dizgi::paginate
