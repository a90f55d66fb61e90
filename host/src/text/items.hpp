// Turns a paragraph of text into boxes, glue and penalties for the line breaker, with Turkish
// hyphenation points as flagged penalties. The caller supplies the width of any piece of text
// (shaped with its font); nothing here knows about fonts.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

#include "text/hyphenate.hpp"
#include "text/linebreak.hpp"

namespace dizgi::text {

struct ItemStyle {
  double indent_pt = 0;                 // first-line indent (a box), 0 for none
  double stretch_of_space = 0.5;        // word-space stretch, as a fraction of the space width
  double shrink_of_space = 1.0 / 3;     // word-space shrink, as a fraction of the space width
  double hyphen_penalty = 100;          // cost of a break at a hyphenation point
  double explicit_hyphen_penalty = 50;  // cost of a break after a hard hyphen ("sosyo-kültürel")
  bool hyphenate = true;                // add hyphenation points (false: only hard hyphens)
  HyphenationOptions hyphenation;
};

// Where an item came from: bytes [begin, end) of the paragraph text. For a hyphenation
// penalty begin == end (the point where "-" is shown if the line breaks there).
struct ItemSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Builds the items of one paragraph: optional indent box; per word one box per fragment between
// hyphenation points, with a flagged penalty (the hyphen's width) between fragments; a flagged
// penalty of width 0 after a hard hyphen inside a word; word spaces as glue (ASCII white space),
// no-break spaces (U+00A0, U+202F) as penalty(10000) + glue; and the paragraph end
// penalty(10000), fill glue, penalty(-10000). `measure(text)` returns the width of a piece of
// text in points; it is called with a single space and "-" as well. `spans`, if given, receives
// one span per item.
std::vector<Item> paragraph_items(std::string_view text,
                                  const std::function<double(std::string_view)>& measure,
                                  const ItemStyle& style = {},
                                  std::vector<ItemSpan>* spans = nullptr);

}  // namespace dizgi::text
