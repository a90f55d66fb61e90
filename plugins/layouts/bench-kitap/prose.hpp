// The prose book of the typesetting-quality benchmark: chapters of Turkish text in the registers
// of a municipality's books (a directive's articles, a report's account of the year, an
// evaluation), composed from this plugin's own phrase lists. Deterministic.
#pragma once

#include <dizgi/model/document.hpp>

namespace bench {

// A book of `chapters` chapters of prose only (no tables), about two A4 pages each when set in
// 10.5 pt type on a 160 mm measure.
dizgi::doc::Document prose_book(int chapters, const dizgi::doc::Metadata& metadata);

}  // namespace bench
