// Paragraph text to line-breaker items.
#include "text/items.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace dizgi::text {
namespace {

constexpr double fill_stretch = 1e6;

// Length in bytes of a separator at `i` (ASCII white space or a no-break space), 0 if none.
std::size_t separator_length(std::string_view text, std::size_t i, bool& no_break) {
  const auto byte = static_cast<unsigned char>(text[i]);
  no_break = false;
  if (byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r') return 1;
  if (text.substr(i, 2) == "\xC2\xA0") {  // U+00A0 no-break space
    no_break = true;
    return 2;
  }
  if (text.substr(i, 3) == "\xE2\x80\xAF") {  // U+202F narrow no-break space
    no_break = true;
    return 3;
  }
  return 0;
}

bool is_letter_byte(std::string_view text, std::size_t i) {
  if (i >= text.size()) return false;
  const auto byte = static_cast<unsigned char>(text[i]);
  return byte >= 0x80 || (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z');
}

}  // namespace

std::vector<Item> paragraph_items(std::string_view text,
                                  const std::function<double(std::string_view)>& measure,
                                  const ItemStyle& style, std::vector<ItemSpan>* spans) {
  std::vector<Item> items;
  auto add = [&](const Item& item, std::size_t begin, std::size_t end) {
    items.push_back(item);
    if (spans != nullptr) spans->push_back({begin, end});
  };
  const double space = measure(" ");
  const double hyphen = measure("-");
  if (style.indent_pt > 0) add(Item{Item::Kind::box, style.indent_pt, 0, 0, 0, false}, 0, 0);

  auto add_word = [&](std::size_t begin, std::size_t end) {
    const std::string_view word = text.substr(begin, end - begin);
    // Break points inside the word: hyphenation points and the places after hard hyphens.
    std::vector<std::pair<std::size_t, bool>> points;  // offset in word, explicit
    if (style.hyphenate) {
      for (std::size_t point : hyphenation_points(word, style.hyphenation))
        points.push_back({point, false});
    }
    for (std::size_t k = 1; k + 1 < word.size(); ++k) {
      if (word[k] == '-' && is_letter_byte(word, k - 1) && is_letter_byte(word, k + 1)) {
        points.push_back({k + 1, true});
      }
    }
    std::sort(points.begin(), points.end());
    std::size_t from = 0;
    for (const auto& [point, explicit_hyphen] : points) {
      if (point <= from) continue;
      add(Item{Item::Kind::box, measure(word.substr(from, point - from)), 0, 0, 0, false},
          begin + from, begin + point);
      if (explicit_hyphen) {
        add(Item{Item::Kind::penalty, 0, 0, 0, style.explicit_hyphen_penalty, true}, begin + point,
            begin + point);
      } else {
        add(Item{Item::Kind::penalty, hyphen, 0, 0, style.hyphen_penalty, true}, begin + point,
            begin + point);
      }
      from = point;
    }
    add(Item{Item::Kind::box, measure(word.substr(from)), 0, 0, 0, false}, begin + from, end);
  };

  std::size_t i = 0;
  bool have_word = false;
  bool pending_space = false;
  bool pending_no_break = false;
  std::size_t space_begin = 0;
  std::size_t space_end = 0;
  while (i < text.size()) {
    bool no_break = false;
    const std::size_t length = separator_length(text, i, no_break);
    if (length > 0) {
      if (have_word) {
        if (!pending_space) space_begin = i;
        pending_space = true;
        pending_no_break = pending_no_break || no_break;
        space_end = i + length;
      }
      i += length;
      continue;
    }
    std::size_t end = i;
    while (end < text.size()) {
      bool ignored = false;
      if (separator_length(text, end, ignored) > 0) break;
      ++end;
    }
    if (pending_space) {
      if (pending_no_break)
        add(Item{Item::Kind::penalty, 0, 0, 0, 10000, false}, space_begin, space_begin);
      add(Item{Item::Kind::glue, space, space * style.stretch_of_space,
               space * style.shrink_of_space, 0, false},
          space_begin, space_end);
    }
    add_word(i, end);
    have_word = true;
    pending_space = false;
    pending_no_break = false;
    i = end;
  }
  add(Item{Item::Kind::penalty, 0, 0, 0, 10000, false}, text.size(), text.size());
  add(Item{Item::Kind::glue, 0, fill_stretch, 0, 0, false}, text.size(), text.size());
  add(Item{Item::Kind::penalty, 0, 0, 0, -10000, false}, text.size(), text.size());
  return items;
}

}  // namespace dizgi::text
