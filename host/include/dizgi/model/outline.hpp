// dizgi/model/outline.hpp — numbering the outline of a book: parts, sections, sub-sections.
//
// Turkish books number their outline in several styles at once ("I-" parts, "A-" sections,
// "1." sub-sections; domain §1.1, §1.3): this is the counter and the labels every layout would
// otherwise write for itself. Since: 0.2
#pragma once

#include <dizgi/export.hpp>

#include <array>
#include <string>

namespace dizgi {

enum class OutlineStyle {
  invalid = 0,
  roman,      // I, II, III, IV …
  latin,      // A … Z, then the Turkish letters on (the Yönetmelik's A- B- C- D-, no Ç)
  turkish,    // A B C Ç D E F G Ğ H I İ … (format_letter_tr)
  arabic      // 1, 2, 3 …
};

// The label of the 1-based `index` in `style`, without punctuation: (4, roman) -> "IV",
// (4, latin) -> "D", (4, turkish) -> "Ç", (4, arabic) -> "4". Index < 1 gives "".
DIZGI_API std::string format_outline_label(int index, OutlineStyle style);

// Counts the headings of an outline, levels 1 to max_levels. A value type: its layout is fixed
// within an ABI major.
struct OutlineCounter {
  static constexpr int max_levels = 6;
  std::array<int, max_levels> count{};

  // Starts the next heading of `level` (1-based): its counter goes up by one and every deeper
  // level starts again at zero. Returns the heading's number at its level; 0 for a level
  // outside 1..max_levels (nothing changes).
  DIZGI_API int next(int level);
  // The current number at `level` (0 before the first heading of that level).
  DIZGI_API int at(int level) const;
  // An anchor for the current heading: `prefix` then the numbers of the started levels, joined
  // with '-' ("bolum" -> "bolum-2-1-3"; a level not started is left out).
  DIZGI_API std::string anchor(const std::string& prefix) const;
};

}  // namespace dizgi
