// dizgi/model/collate.hpp — Turkish alphabetical order and the natural order of codes.
//
// Layouts sort unit names, place names and indexes the Turkish way (a b c ç d e f g ğ h ı i j k
// l m n o ö p r s ş t u ü v y z; "Işık" before "İmar"), and the host sorts its data views the
// same way, so there is one implementation, here, over ICU's "tr" collator. The process locale
// is never consulted. Every function is thread-safe and none throws: if ICU has no Turkish
// collation data, the order falls back to the bytes of the UTF-8 text. Since: 0.2
#pragma once

#include <dizgi/export.hpp>
#include <dizgi/model/case.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dizgi {

// Negative, zero or positive as `a` sorts before, with or after `b` in Turkish order.
DIZGI_API int compare_tr(std::string_view a, std::string_view b);

// A byte string whose plain (memcmp) order is the Turkish order of the texts: for keys kept in
// an index or a database column. Compare keys only with keys made by the same ICU version.
DIZGI_API std::string sort_key_tr(std::string_view text);

// Sorts UTF-8 texts in Turkish order; equal texts keep their order.
DIZGI_API void sort_tr(std::vector<std::string>& items);

// Natural order of codes: digit runs compare as numbers, so "H1.2" < "H1.10" and "A2" < "A10";
// everything else compares byte by byte.
DIZGI_API bool natural_less(std::string_view a, std::string_view b);

// The letter an alphabetical list files a text under: its first letter in Turkish capitals
// ("ılıca" -> "I", "izmir" -> "İ", "çankaya" -> "Ç"), for the group rows of a sorted table or the
// letters of an index; empty for an empty text. Header-only. Since: SDK 2.5
inline std::string initial_tr(std::string_view text) {
  if (text.empty()) return {};
  const auto lead = static_cast<unsigned char>(text.front());
  const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3 : (lead >> 3) == 0x1e ? 4 : 1;
  return upper_tr(text.substr(0, std::min(length, text.size())));
}

// Comparators for std::sort and ordered containers.
struct TurkishLess {
  bool operator()(std::string_view a, std::string_view b) const { return compare_tr(a, b) < 0; }
};
struct NaturalLess {
  bool operator()(std::string_view a, std::string_view b) const { return natural_less(a, b); }
};

}  // namespace dizgi
